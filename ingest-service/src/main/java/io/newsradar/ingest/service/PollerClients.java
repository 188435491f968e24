package io.newsradar.ingest.service;

import io.newsradar.schemas.config.NewsradarConfig;
import java.time.Duration;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The poller's three Kafka clients: the group consumer of {@code feeds.v1}, the group-less
 * reader of {@code feeds.state.v1} and the transactional producer (byte values: it writes Avro
 * articles and JSON states).
 */
record PollerClients(
        Consumer<String, String> feeds, Consumer<String, String> states, Producer<byte[], byte[]> producer) {
    private static final Logger log = LoggerFactory.getLogger(PollerClients.class);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(10);

    static PollerClients create(NewsradarConfig config, PollerSettings settings) {
        KafkaConsumer<String, String> feeds = new KafkaConsumer<>(
                PollerClientConfigs.feedsConsumer(config, settings),
                new StringDeserializer(),
                new StringDeserializer());
        try {
            KafkaConsumer<String, String> states = new KafkaConsumer<>(
                    PollerClientConfigs.stateConsumer(config, settings),
                    new StringDeserializer(),
                    new StringDeserializer());
            try {
                return new PollerClients(
                        feeds,
                        states,
                        new KafkaProducer<>(
                                PollerClientConfigs.transactionalProducer(config, settings),
                                new ByteArraySerializer(),
                                new ByteArraySerializer()));
            } catch (RuntimeException e) {
                states.close();
                throw e;
            }
        } catch (RuntimeException e) {
            feeds.close();
            throw e;
        }
    }

    /**
     * Closes all three. {@code leaveGroup} false: no leave request and no wait for the producer
     * (an abrupt stop, for tests).
     */
    void close(boolean leaveGroup) {
        CloseOptions consumerClose = CloseOptions.timeout(CLOSE_TIMEOUT)
                .withGroupMembershipOperation(
                        leaveGroup
                                ? CloseOptions.GroupMembershipOperation.LEAVE_GROUP
                                : CloseOptions.GroupMembershipOperation.REMAIN_IN_GROUP);
        closeQuietly("feed consumer", () -> feeds.close(consumerClose));
        closeQuietly("state consumer", () -> states.close(CloseOptions.timeout(CLOSE_TIMEOUT)));
        closeQuietly("producer", () -> producer.close(leaveGroup ? CLOSE_TIMEOUT : Duration.ZERO));
    }

    private static void closeQuietly(String what, Runnable close) {
        try {
            close.run();
        } catch (RuntimeException e) {
            log.warn("closing the feed poller's {}: {}", what, e.getMessage());
        }
    }
}
