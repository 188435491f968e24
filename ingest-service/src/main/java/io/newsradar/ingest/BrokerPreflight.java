package io.newsradar.ingest;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.DescribeTopicsOptions;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/**
 * Start-up checks that ingest can publish at all, each bounded by one wait: the cluster answers,
 * and the topic exists. A producer would find out too, but only by waiting its metadata timeout
 * on every article and then failing them all as if the input were bad.
 */
public final class BrokerPreflight {
    private final Map<String, Object> adminProps;
    private final Duration wait;
    private final String bootstrap;

    /**
     * @param clientProps Kafka client settings, at least {@code bootstrap.servers}
     * @param wait        how long each check may take
     */
    public BrokerPreflight(Map<String, Object> clientProps, Duration wait) {
        this.adminProps = BrokerWait.boundAdmin(clientProps, wait);
        this.wait = wait;
        this.bootstrap = String.valueOf(clientProps.get(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG));
    }

    /**
     * @throws BrokerUnavailableException naming the bootstrap servers, when no broker answered
     *     within the wait (or the client could not even be set up, e.g. an unresolvable host)
     */
    public void requireCluster() {
        try (Admin admin = Admin.create(adminProps)) {
            await(
                    admin.describeCluster(new DescribeClusterOptions().timeoutMs(timeoutMs()))
                            .clusterId(),
                    "cannot reach the Kafka cluster at " + bootstrap);
        } catch (ConfigException e) {
            throw e; // a wrong setting is the user's to fix, not the cluster's failure
        } catch (KafkaException e) {
            throw new BrokerUnavailableException(
                    "cannot reach the Kafka cluster at " + bootstrap + ": " + describe(e), e);
        }
    }

    /**
     * @throws BrokerUnavailableException naming the topic and the bootstrap servers, when the topic
     *     does not exist or cannot be described within the wait
     */
    public void requireTopic(String topic) {
        try (Admin admin = Admin.create(adminProps)) {
            KafkaFuture<?> described = admin.describeTopics(
                            List.of(topic), new DescribeTopicsOptions().timeoutMs(timeoutMs()))
                    .allTopicNames();
            await(described, "cannot check topic " + topic + " on the Kafka cluster at " + bootstrap);
        } catch (BrokerUnavailableException e) {
            if (e.getCause() instanceof UnknownTopicOrPartitionException) {
                throw new BrokerUnavailableException(
                        "topic " + topic + " does not exist on the Kafka cluster at " + bootstrap, e.getCause());
            }
            throw e;
        } catch (ConfigException e) {
            throw e;
        } catch (KafkaException e) {
            throw new BrokerUnavailableException(
                    "cannot check topic " + topic + " on the Kafka cluster at " + bootstrap + ": " + describe(e), e);
        }
    }

    private int timeoutMs() {
        return (int) Math.min(Integer.MAX_VALUE, wait.toMillis());
    }

    private void await(KafkaFuture<?> future, String failure) {
        try {
            // the admin call has its own timeout; this one only guards against it not firing
            future.get(wait.toMillis() * 2, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new BrokerUnavailableException(failure + ": " + describe(e.getCause()), e.getCause());
        } catch (java.util.concurrent.TimeoutException e) {
            throw new BrokerUnavailableException(failure + ": no answer within " + seconds(wait.multipliedBy(2)), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BrokerUnavailableException(failure + ": interrupted", e);
        }
    }

    private String describe(Throwable t) {
        if (t instanceof org.apache.kafka.common.errors.TimeoutException) {
            return "no answer within " + seconds(wait) + " (is a broker running there?)";
        }
        String m = t.getMessage();
        return t.getClass().getSimpleName() + (m == null ? "" : ": " + m);
    }

    private static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }
}
