package io.newsradar.localkafka;

import io.newsradar.schemas.topics.TopicDef;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeTopicsOptions;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The admin step that creates the topic catalogue. Idempotent: run it at every start-up; topics
 * that already exist are left alone, so services never depend on broker-side auto-creation.
 */
public final class TopicAdmin {

    private static final Logger LOG = LoggerFactory.getLogger(TopicAdmin.class);

    /**
     * How long the first contact (listing the topics) may wait for a broker when the client
     * config sets no {@code default.api.timeout.ms}: a service started against a dead address
     * says so in this time instead of the admin client's 60 s default.
     */
    public static final Duration DEFAULT_REACH_TIMEOUT = Duration.ofSeconds(30);

    private TopicAdmin() {}

    /**
     * Creates every topic of {@code topics} that does not exist yet, with {@code partitions},
     * {@code replicationFactor} and the topic's own creation configs (compaction).
     *
     * @param adminClientProps Kafka admin client config, at least {@code bootstrap.servers}
     * @return the names of the topics this call created, in catalogue order (empty when all existed)
     * @throws BrokerUnreachableException when no broker answers within {@link #reachTimeout(Map)}
     * @throws TopicAdminException naming the topic, when one could not be created for any reason but "exists already"
     */
    public static List<String> ensureTopics(
            Map<String, Object> adminClientProps,
            Collection<TopicDef<?, ?>> topics,
            int partitions,
            short replicationFactor) {
        if (partitions < 1) {
            throw new IllegalArgumentException("partitions must be at least 1 but is " + partitions);
        }
        if (replicationFactor < 1) {
            throw new IllegalArgumentException("replication factor must be at least 1 but is " + replicationFactor);
        }
        // one definition per name: the same topic listed twice must not fail as "exists"
        Map<String, TopicDef<?, ?>> wanted = new LinkedHashMap<>();
        topics.forEach(t -> wanted.putIfAbsent(t.name(), t));
        if (wanted.isEmpty()) {
            return List.of();
        }
        try (Admin admin = Admin.create(adminClientProps)) {
            Set<String> existing = listTopics(admin, adminClientProps);
            List<NewTopic> missing = new ArrayList<>();
            for (TopicDef<?, ?> t : wanted.values()) {
                if (!existing.contains(t.name())) {
                    missing.add(new NewTopic(t.name(), partitions, replicationFactor).configs(t.creationConfigs()));
                }
            }
            if (missing.isEmpty()) {
                return List.of();
            }
            Map<String, KafkaFuture<Void>> results = admin.createTopics(missing).values();
            List<String> created = new ArrayList<>();
            for (NewTopic topic : missing) {
                if (awaitCreation(topic, results.get(topic.name()))) {
                    created.add(topic.name());
                }
            }
            LOG.info("created topics {} ({} partitions, replication {})", created, partitions, replicationFactor);
            return List.copyOf(created);
        }
    }

    /**
     * The names of every non-internal topic of the cluster.
     *
     * @throws BrokerUnreachableException when no broker answers within {@link #reachTimeout(Map)}
     */
    public static Set<String> listTopics(Map<String, Object> adminClientProps) {
        try (Admin admin = Admin.create(adminClientProps)) {
            return listTopics(admin, adminClientProps);
        }
    }

    /**
     * The partition count of each of the given topics that exists (absent ones are left out).
     *
     * @throws BrokerUnreachableException when no broker answers within {@link #reachTimeout(Map)}
     */
    public static Map<String, Integer> partitionCounts(
            Map<String, Object> adminClientProps, Collection<String> topics) {
        try (Admin admin = Admin.create(adminClientProps)) {
            Set<String> existing = listTopics(admin, adminClientProps);
            List<String> present =
                    topics.stream().filter(existing::contains).distinct().toList();
            if (present.isEmpty()) {
                return Map.of();
            }
            Map<String, TopicDescription> described = admin.describeTopics(
                            present, new DescribeTopicsOptions().timeoutMs((int)
                                            reachTimeout(adminClientProps).toMillis()))
                    .allTopicNames()
                    .get();
            Map<String, Integer> counts = new TreeMap<>();
            described.forEach((name, d) -> counts.put(name, d.partitions().size()));
            return counts;
        } catch (ExecutionException e) {
            throw new TopicAdminException("cannot describe topics " + topics + ": " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TopicAdminException("interrupted while describing topics", e);
        }
    }

    /**
     * The bound on the first contact with the cluster: the client's {@code default.api.timeout.ms}
     * when the config sets it, else {@link #DEFAULT_REACH_TIMEOUT}.
     */
    static Duration reachTimeout(Map<String, Object> adminClientProps) {
        Object configured = adminClientProps.get(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG);
        if (configured == null || configured.toString().isBlank()) {
            return DEFAULT_REACH_TIMEOUT;
        }
        try {
            return Duration.ofMillis(Long.parseLong(configured.toString().strip()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG + " must be a number of milliseconds, got '"
                            + configured + "'",
                    e);
        }
    }

    /** Lists the topics within the reach timeout; a timeout means no broker answered at the address. */
    private static Set<String> listTopics(Admin admin, Map<String, Object> adminClientProps) {
        Duration timeout = reachTimeout(adminClientProps);
        try {
            return new TreeSet<>(admin.listTopics(new ListTopicsOptions().timeoutMs((int) timeout.toMillis()))
                    .names()
                    .get());
        } catch (ExecutionException e) {
            if (e.getCause() instanceof TimeoutException) {
                throw new BrokerUnreachableException(
                        "no Kafka broker answered at "
                                + adminClientProps.get(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG)
                                + " within " + timeout.toMillis() + " ms ("
                                + e.getCause().getMessage()
                                + "); is the broker running and the address (--bootstrap-servers, "
                                + "kafka.bootstrap.servers) right?",
                        e.getCause());
            }
            throw new TopicAdminException("cannot list topics: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TopicAdminException("interrupted while listing topics", e);
        }
    }

    /** True when this call created the topic, false when someone else created it first. */
    private static boolean awaitCreation(NewTopic topic, KafkaFuture<Void> result) {
        try {
            result.get();
            return true;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof TopicExistsException) {
                // another service's admin step won the race: the topic is there, which is all we need
                return false;
            }
            throw new TopicAdminException(
                    "cannot create topic " + topic.name() + " (" + topic.numPartitions()
                            + " partitions, replication " + topic.replicationFactor() + ", configs " + topic.configs()
                            + "): " + e.getCause(),
                    e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TopicAdminException("interrupted while creating topic " + topic.name(), e);
        }
    }
}
