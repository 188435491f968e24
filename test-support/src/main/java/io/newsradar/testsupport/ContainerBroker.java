package io.newsradar.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * A Kafka broker in a Docker container. The only class that touches Testcontainers, so a JVM
 * that uses the in-process broker never loads (or initialises) any of it.
 */
final class ContainerBroker implements TestBroker {

    /** Overrides the image, e.g. {@code -Dnewsradar.test.kafka.image=apache/kafka:4.1.0}. */
    static final String IMAGE_PROPERTY = "newsradar.test.kafka.image";

    private final KafkaContainer container;

    private ContainerBroker(KafkaContainer container) {
        this.container = container;
    }

    static boolean dockerAvailable() {
        return DockerClientFactory.instance().isDockerAvailable();
    }

    /** The broker image matching the Kafka client version on the classpath, unless overridden. */
    static String image() {
        return System.getProperty(IMAGE_PROPERTY, "apache/kafka:" + clientVersion());
    }

    /** The kafka-clients version, from the file the client jar carries (its reader class is internal API). */
    private static String clientVersion() {
        try (InputStream in = KafkaProducer.class.getResourceAsStream("/kafka/kafka-version.properties")) {
            if (in == null) {
                throw new IllegalStateException("kafka-clients carries no kafka/kafka-version.properties: set -D"
                        + IMAGE_PROPERTY + " to choose the Kafka image");
            }
            Properties props = new Properties();
            props.load(in);
            return props.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the kafka-clients version", e);
        }
    }

    static ContainerBroker start() {
        KafkaContainer container = new KafkaContainer(DockerImageName.parse(image()))
                // the same single-broker rules as the in-process broker, so tests behave alike on both
                .withEnv("KAFKA_AUTO_CREATE_TOPICS_ENABLE", "false")
                .withEnv("KAFKA_GROUP_INITIAL_REBALANCE_DELAY_MS", "0")
                .withEnv("KAFKA_GROUP_STREAMS_INITIAL_REBALANCE_DELAY_MS", "0")
                .withEnv("KAFKA_NUM_PARTITIONS", "1")
                .withEnv("KAFKA_DEFAULT_REPLICATION_FACTOR", "1")
                .withEnv("KAFKA_MIN_INSYNC_REPLICAS", "1")
                .withEnv("KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR", "1")
                .withEnv("KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR", "1")
                .withEnv("KAFKA_TRANSACTION_STATE_LOG_MIN_ISR", "1")
                .withEnv("KAFKA_SHARE_COORDINATOR_STATE_TOPIC_REPLICATION_FACTOR", "1")
                .withEnv("KAFKA_SHARE_COORDINATOR_STATE_TOPIC_MIN_ISR", "1");
        try {
            container.start();
        } catch (RuntimeException e) {
            container.close();
            throw e;
        }
        return new ContainerBroker(container);
    }

    @Override
    public String bootstrapServers() {
        return container.getBootstrapServers();
    }

    @Override
    public String description() {
        return "Testcontainers Kafka (" + container.getDockerImageName() + ") at " + bootstrapServers();
    }

    @Override
    public void close() {
        container.stop();
    }
}
