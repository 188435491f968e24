package io.newsradar.testsupport;

import io.newsradar.localkafka.TopicAdmin;
import io.newsradar.schemas.topics.TopicDef;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.CommonClientConfigs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Kafka broker per test JVM, shared by every integration test in it and stopped when the JVM
 * ends. By default a Testcontainers broker when a Docker engine answers and the in-process broker
 * otherwise; {@code -Dnewsradar.test.broker=testcontainers|inprocess} forces either.
 *
 * <p>Tests share the broker and the catalogue topics, so each test must use its own keys, group
 * ids and application ids ({@link #uniqueId(String)}) and must not expect a topic to be empty.
 * The first test to create a topic fixes its partition count for the whole JVM: {@link
 * #ensureTopics(Collection, int)} fails when an existing topic has another count, so a test that
 * needs N partitions finds out at once instead of depending on which test ran first (such a test
 * uses topics of its own or a broker of its own).
 * Tests that need their own broker settings (fault tests) start a
 * {@link io.newsradar.localkafka.LocalKafkaBroker} of their own.
 */
public final class TestKafka {

    private static final Logger LOG = LoggerFactory.getLogger(TestKafka.class);

    private static TestBroker broker;
    /** A failed start is not retried by every later test: they all fail at once with the first cause. */
    private static RuntimeException startFailure;

    private TestKafka() {}

    /** The shared broker's bootstrap servers; starts the broker on first use. */
    public static synchronized String bootstrapServers() {
        if (startFailure != null) {
            throw new IllegalStateException(
                    "the shared test broker failed to start earlier in this JVM: " + startFailure.getMessage(),
                    startFailure);
        }
        if (broker == null) {
            try {
                broker = startBroker();
            } catch (RuntimeException e) {
                startFailure = e;
                throw e;
            }
            TestBroker started = broker;
            Runtime.getRuntime().addShutdownHook(new Thread(started::close, "newsradar-test-kafka-shutdown"));
        }
        return broker.bootstrapServers();
    }

    /** Client config for the shared broker (bootstrap servers), in a new mutable map to add settings to. */
    public static Map<String, Object> clientProps() {
        Map<String, Object> props = new HashMap<>();
        props.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        return props;
    }

    /** {@link #ensureTopics(Collection, int)} with one partition, the count every shared catalogue topic has. */
    public static List<String> ensureTopics(Collection<TopicDef<?, ?>> topics) {
        return ensureTopics(topics, 1);
    }

    /**
     * Creates the missing topics with {@code partitions} and replication 1; returns the names created.
     *
     * @throws IllegalStateException naming the topic when one exists already with another partition
     *     count: Kafka keeps an existing topic as it is, so the test would silently run on other
     *     partitions than it asked for
     */
    public static List<String> ensureTopics(Collection<TopicDef<?, ?>> topics, int partitions) {
        List<String> created = TopicAdmin.ensureTopics(clientProps(), topics, partitions, (short) 1);
        Map<String, Integer> actual = TopicAdmin.partitionCounts(
                clientProps(), topics.stream().map(TopicDef::name).toList());
        List<String> mismatched = actual.entrySet().stream()
                .filter(e -> e.getValue() != partitions)
                .map(e -> e.getKey() + " (" + e.getValue() + (e.getValue() == 1 ? " partition)" : " partitions)"))
                .toList();
        if (!mismatched.isEmpty()) {
            throw new IllegalStateException("the shared test broker has " + mismatched + " but this test asked for "
                    + partitions + ": an earlier test created them. Use topics of your own (uniqueId) or a "
                    + "LocalKafkaBroker of your own for another partition count.");
        }
        return created;
    }

    /** The partition count of an existing topic on the shared broker. */
    public static int partitions(String topic) {
        Integer count =
                TopicAdmin.partitionCounts(clientProps(), List.of(topic)).get(topic);
        if (count == null) {
            throw new IllegalArgumentException("no topic " + topic + " on the shared test broker");
        }
        return count;
    }

    /** A name no other test in this JVM (or an earlier run against a kept broker) uses: {@code prefix-<uuid>}. */
    public static String uniqueId(String prefix) {
        return prefix + "-" + UUID.randomUUID();
    }

    private static TestBroker startBroker() {
        BrokerChoice choice =
                BrokerChoice.choose(System.getProperty(BrokerChoice.PROPERTY), DockerProbe::dockerAvailable);
        TestBroker started;
        switch (choice) {
            case TESTCONTAINERS_REQUIRED:
                try {
                    started = ContainerBroker.start();
                } catch (RuntimeException e) {
                    throw new IllegalStateException(
                            "-D" + BrokerChoice.PROPERTY + "=testcontainers but the Kafka" + " container ("
                                    + ContainerBroker.image() + ") did not start: " + e.getMessage(),
                            e);
                }
                break;
            case TESTCONTAINERS_PREFERRED:
                try {
                    started = ContainerBroker.start();
                } catch (RuntimeException e) {
                    LOG.warn(
                            "Docker answered but the Kafka container did not start ({}); using the in-process broker."
                                    + " Set -D{}=testcontainers to make this an error.",
                            e.toString(),
                            BrokerChoice.PROPERTY);
                    started = InProcessBroker.start();
                }
                break;
            default:
                started = InProcessBroker.start();
        }
        LOG.info(
                "integration tests use the {} ({}={})",
                started.description(),
                BrokerChoice.PROPERTY,
                System.getProperty(BrokerChoice.PROPERTY, "auto"));
        return started;
    }
}
