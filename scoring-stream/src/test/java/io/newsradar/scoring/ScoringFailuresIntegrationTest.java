package io.newsradar.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.newsradar.avro.NewsArticle;
import io.newsradar.localkafka.LocalKafkaBroker;
import io.newsradar.localkafka.TopicAdmin;
import io.newsradar.schemas.config.NewsradarConfig;
import io.newsradar.schemas.serde.AvroSerdes;
import io.newsradar.schemas.topics.Topics;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The stream against a real broker when something is too big or gone: a raw record just under
 * the broker's size limit, and a route topic deleted while the stream runs. Its own broker, so
 * the size limit the test works against is set here and not whatever the shared broker has.
 */
@Tag("integration")
class ScoringFailuresIntegrationTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    /** Kafka's default message.max.bytes, set explicitly: the oversized record is sized from it. */
    private static final int BROKER_LIMIT = 1_048_588;

    private static LocalKafkaBroker broker;

    @TempDir
    Path stateDir;

    @BeforeAll
    static void startBroker() {
        broker = LocalKafkaBroker.startTemporary(Map.of("message.max.bytes", Integer.toString(BROKER_LIMIT)));
        TopicAdmin.ensureTopics(broker.clientProps(), Topics.all(), 1, (short) 1);
    }

    @AfterAll
    static void stopBroker() {
        if (broker != null) {
            broker.close();
        }
    }

    private NewsradarConfig config(String applicationId) {
        return NewsradarConfig.defaults()
                .with(NewsradarConfig.BOOTSTRAP_SERVERS, broker.bootstrapServers())
                .with(NewsradarConfig.APPLICATION_ID, applicationId)
                .with(NewsradarConfig.STATE_DIR, stateDir.toString());
    }

    @Test
    void shouldDeadLetterATruncatedCopyOfARecordJustUnderTheBrokerLimitAndGoOn() throws Exception {
        String applicationId = "scoring-limits-" + UUID.randomUUID();
        NewsArticle alerting = Articles.sample("tidewatch-joint-ai-programme");
        NewsArticle huge = articleEncodedTo(BROKER_LIMIT - 2048);
        byte[] hugeValue = AvroSerdes.newsArticle().encode(huge);
        assertThat(hugeValue).hasSize(BROKER_LIMIT - 2048);

        try (ScoringApp app = new ScoringApp(config(applicationId))) {
            app.start();
            waitAtMost().until(() -> app.state() == KafkaStreams.State.RUNNING);

            RecordMetadata hugeAt;
            RecordMetadata nextAt;
            try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(producerProps())) {
                hugeAt = producer.send(raw(huge.getId(), hugeValue)).get(30, TimeUnit.SECONDS);
                nextAt = producer.send(
                                raw(alerting.getId(), AvroSerdes.newsArticle().encode(alerting)))
                        .get(30, TimeUnit.SECONDS);
            }

            // the partition moves on: the article after the huge one is scored ...
            List<ConsumerRecord<byte[], byte[]>> scored = readUntil(Topics.NEWS_SCORED.name(), alerting.getId());
            assertThat(scored).isNotEmpty();
            // ... and the group's committed offset passes both, so nothing is read again on restart
            TopicPartition rawPartition = new TopicPartition(Topics.NEWS_RAW.name(), hugeAt.partition());
            waitAtMost().until(() -> committedOffset(applicationId, rawPartition) > nextAt.offset());

            ConsumerRecord<byte[], byte[]> dead = readUntil(Topics.NEWS_DLQ.name(), huge.getId()).stream()
                    .filter(r -> new String(r.key(), StandardCharsets.UTF_8).equals(huge.getId()))
                    .findFirst()
                    .orElseThrow();
            Header truncated = dead.headers().lastHeader("newsradar.dlq.truncated");
            assertThat(truncated).as("truncation header").isNotNull();
            assertThat(new String(truncated.value(), StandardCharsets.UTF_8))
                    .contains("value: " + hugeValue.length + " bytes, kept " + dead.value().length);
            assertThat(dead.value().length).isLessThan(hugeValue.length).isGreaterThan(100 * 1024);
            assertThat(dead.value()).isEqualTo(Arrays.copyOf(hugeValue, dead.value().length));
            assertThat(new String(
                            dead.headers()
                                    .lastHeader("__streams.errors.message")
                                    .value(),
                            StandardCharsets.UTF_8))
                    .contains("body is");
            assertThat(dead.headers().lastHeader("__streams.errors.offset").value())
                    .isEqualTo(Long.toString(hugeAt.offset()).getBytes(StandardCharsets.UTF_8));
            assertThat(app.state()).isEqualTo(KafkaStreams.State.RUNNING);
        }
    }

    @Test
    void shouldStopNamingTheRecordAndTheLimitsWhenEvenItsDeadLetterIsRefused() throws Exception {
        String applicationId = "scoring-refused-dlq-" + UUID.randomUUID();
        // over the validator's body limit, so dead-lettered; under the dead-letter bound, so not cut;
        // over the dead-letter topic's own limit set below, so the broker refuses it
        NewsArticle tooLong = hugeArticle("Words about the talks. ".repeat(300 * 1024 / 23));
        ConfigResource dlq = new ConfigResource(ConfigResource.Type.TOPIC, Topics.NEWS_DLQ.name());
        TopicPartition rawPartition = new TopicPartition(Topics.NEWS_RAW.name(), 0);
        try (Admin admin = Admin.create(broker.clientProps());
                ScoringApp app = new ScoringApp(config(applicationId))) {
            app.start();
            waitAtMost().until(() -> app.state() == KafkaStreams.State.RUNNING);
            // what the other tests left in the input is dead-lettered before the limit drops
            long end = endOffset(rawPartition);
            waitAtMost().until(() -> end == 0 || committedOffset(applicationId, rawPartition) >= end);
            setDeadLetterTopicLimit(admin, dlq, "65536");
            try {
                RecordMetadata at;
                try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(producerProps())) {
                    at = producer.send(raw(
                                    tooLong.getId(), AvroSerdes.newsArticle().encode(tooLong)))
                            .get(30, TimeUnit.SECONDS);
                }

                // stopped for good: not RUNNING with a thread replaced again and again
                waitAtMost().until(() -> app.state() == KafkaStreams.State.ERROR);
                assertThat(app.failure())
                        .hasValueSatisfying(reason -> assertThat(reason)
                                .contains(Topics.NEWS_RAW.name() + "-" + at.partition() + "@" + at.offset())
                                .contains("key '" + tooLong.getId() + "'")
                                .contains("max.request.size=1048576")
                                .contains("max.message.bytes")
                                .contains(Topics.NEWS_DLQ.name()));
                assertThat(app.failedOnInfrastructure()).isTrue();
            } finally {
                setDeadLetterTopicLimit(admin, dlq, null);
            }
        }
    }

    /** Sets (or with null removes) the topic's max.message.bytes and waits until the broker applies it. */
    private static void setDeadLetterTopicLimit(Admin admin, ConfigResource topic, String bytes) throws Exception {
        AlterConfigOp op = bytes == null
                ? new AlterConfigOp(new ConfigEntry("max.message.bytes", ""), AlterConfigOp.OpType.DELETE)
                : new AlterConfigOp(new ConfigEntry("max.message.bytes", bytes), AlterConfigOp.OpType.SET);
        admin.incrementalAlterConfigs(Map.of(topic, List.of(op))).all().get(30, TimeUnit.SECONDS);
        waitAtMost().until(() -> {
            ConfigEntry now =
                    admin.describeConfigs(List.of(topic)).all().get().get(topic).get("max.message.bytes");
            return bytes == null
                    ? now.source() != ConfigEntry.ConfigSource.DYNAMIC_TOPIC_CONFIG
                    : bytes.equals(now.value());
        });
    }

    private static long endOffset(TopicPartition partition) {
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(readCommittedProps())) {
            return consumer.endOffsets(List.of(partition)).get(partition);
        }
    }

    @Test
    void shouldStopNamingARouteTopicDeletedWhileRunningAndNotDeadLetterItsAlert() throws Exception {
        String applicationId = "scoring-deleted-route-" + UUID.randomUUID();
        String route = "it-deleted-" + Long.toHexString(System.nanoTime());
        String routeTopic = Topics.alerts(route).name();
        ScoringRules defaults = ScoringRules.defaults();
        ScoringRules rules = new ScoringRules(
                defaults.taxonomy(), List.of(new Route(route, "high", Set.of("defense"), 0.0)), defaults.version());
        TopicAdmin.ensureTopics(broker.clientProps(), ScoringApp.topicsFor(rules), 1, (short) 1);
        NewsArticle alerting = Articles.sample("tidewatch-joint-ai-programme");
        NewsradarConfig config = config(applicationId)
                // the test does not wait out the production defaults (see ScoringApp)
                .with("scoring.topic.check.interval.ms", "200")
                .with("kafka.max.block.ms", "2000");

        try (ScoringApp app = new ScoringApp(config, rules)) {
            app.start();
            waitAtMost().until(() -> app.state() == KafkaStreams.State.RUNNING);
            try (Admin admin = Admin.create(broker.clientProps())) {
                admin.deleteTopics(List.of(routeTopic)).all().get(30, TimeUnit.SECONDS);
            }
            try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(producerProps())) {
                producer.send(raw(alerting.getId(), AvroSerdes.newsArticle().encode(alerting)))
                        .get(30, TimeUnit.SECONDS);
            }

            waitAtMost()
                    .until(() ->
                            app.state() == KafkaStreams.State.NOT_RUNNING || app.state() == KafkaStreams.State.ERROR);
            assertThat(app.failure())
                    .hasValueSatisfying(reason -> assertThat(reason).contains(routeTopic));
            assertThat(app.failedOnInfrastructure()).isTrue();
        }
        // an alert is not raw input: neither it nor its article went to the dead-letter topic
        assertThat(readAll(Topics.NEWS_DLQ.name()))
                .extracting(r -> new String(r.key(), StandardCharsets.UTF_8))
                .doesNotContain(alerting.getId());
    }

    @Test
    void shouldStopNamingARouteTopicDeletedAndRecreatedWhileRunning() throws Exception {
        String applicationId = "scoring-recreated-route-" + UUID.randomUUID();
        String route = "it-recreated-" + Long.toHexString(System.nanoTime());
        String routeTopic = Topics.alerts(route).name();
        ScoringRules defaults = ScoringRules.defaults();
        ScoringRules rules = new ScoringRules(
                defaults.taxonomy(), List.of(new Route(route, "high", Set.of("defense"), 0.0)), defaults.version());
        TopicAdmin.ensureTopics(broker.clientProps(), ScoringApp.topicsFor(rules), 1, (short) 1);
        NewsradarConfig config = config(applicationId).with("scoring.topic.check.interval.ms", "200");

        try (ScoringApp app = new ScoringApp(config, rules)) {
            app.start();
            waitAtMost().until(() -> app.state() == KafkaStreams.State.RUNNING);
            // what a broker with auto.create.topics.enable=true does on a producer's next metadata request
            try (Admin admin = Admin.create(broker.clientProps())) {
                admin.deleteTopics(List.of(routeTopic)).all().get(30, TimeUnit.SECONDS);
                waitAtMost().until(() -> !admin.listTopics().names().get().contains(routeTopic));
                TopicAdmin.ensureTopics(broker.clientProps(), List.of(Topics.alerts(route)), 1, (short) 1);
            }

            waitAtMost()
                    .until(() ->
                            app.state() == KafkaStreams.State.NOT_RUNNING || app.state() == KafkaStreams.State.ERROR);
            assertThat(app.failure())
                    .hasValueSatisfying(
                            reason -> assertThat(reason).contains(routeTopic).contains("deleted"));
        }
    }

    /**
     * Awaitility would fail the wait on any uncaught exception of any thread; a stream thread that
     * dies is the app's business here (its handler decides), and the test judges the outcome.
     */
    private static org.awaitility.core.ConditionFactory waitAtMost() {
        return await().atMost(TIMEOUT).dontCatchUncaughtExceptions();
    }

    /** An article with a body sized so that its encoded value has exactly {@code bytes} bytes. */
    private static NewsArticle articleEncodedTo(int bytes) {
        String body = "The talks went on through the night. ".repeat(bytes / 37 + 1);
        NewsArticle a = hugeArticle(body);
        // the body's length prefix is a varint: cutting can narrow it, so settle it in a few rounds
        for (int i = 0; i < 3; i++) {
            int over = AvroSerdes.newsArticle().encode(a).length - bytes;
            a = hugeArticle(body = body.substring(0, body.length() - over));
        }
        return a;
    }

    private static NewsArticle hugeArticle(String body) {
        return Articles.article(
                "https://test.example/huge", "A huge article", body, java.time.Instant.parse("2026-04-01T10:00:00Z"));
    }

    private static ProducerRecord<byte[], byte[]> raw(String key, byte[] value) {
        return new ProducerRecord<>(Topics.NEWS_RAW.name(), key.getBytes(StandardCharsets.UTF_8), value);
    }

    private static Map<String, Object> producerProps() {
        Map<String, Object> p = new HashMap<>(broker.clientProps());
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        // a plain producer may send up to the broker's limit: its own 1 MiB default must not refuse first
        p.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 2 * BROKER_LIMIT);
        // the records must arrive in this order
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        return p;
    }

    private static long committedOffset(String groupId, TopicPartition partition) throws Exception {
        try (Admin admin = Admin.create(broker.clientProps())) {
            OffsetAndMetadata committed = admin.listConsumerGroupOffsets(groupId)
                    .partitionsToOffsetAndMetadata()
                    .get(10, TimeUnit.SECONDS)
                    .get(partition);
            return committed == null ? -1 : committed.offset();
        }
    }

    private static Map<String, Object> readCommittedProps() {
        Map<String, Object> p = new HashMap<>(broker.clientProps());
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        // only what the app committed: dead letters of aborted transactions must not count
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        // assign() without a group: nothing to commit, nothing to rebalance
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        // the dead letter of a record near 1 MiB must fit in one fetch
        p.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 2 * BROKER_LIMIT);
        return p;
    }

    /** Every committed record of the topic from the start, until one has the key. */
    private static List<ConsumerRecord<byte[], byte[]>> readUntil(String topic, String key) {
        List<ConsumerRecord<byte[], byte[]>> out = new ArrayList<>();
        byte[] wanted = key.getBytes(StandardCharsets.UTF_8);
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(readCommittedProps())) {
            List<TopicPartition> parts = partitions(consumer, topic);
            consumer.assign(parts);
            consumer.seekToBeginning(parts);
            waitAtMost().until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(out::add);
                return out.stream().anyMatch(r -> Arrays.equals(r.key(), wanted));
            });
        }
        return out;
    }

    /** Every committed record of the topic, up to its end now. */
    private static List<ConsumerRecord<byte[], byte[]>> readAll(String topic) {
        List<ConsumerRecord<byte[], byte[]>> out = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(readCommittedProps())) {
            List<TopicPartition> parts = partitions(consumer, topic);
            consumer.assign(parts);
            consumer.seekToBeginning(parts);
            Map<TopicPartition, Long> end = consumer.endOffsets(parts);
            waitAtMost().until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(out::add);
                return parts.stream().allMatch(p -> consumer.position(p) >= end.get(p));
            });
        }
        return out;
    }

    private static List<TopicPartition> partitions(KafkaConsumer<byte[], byte[]> consumer, String topic) {
        return consumer.partitionsFor(topic).stream()
                .map(i -> new TopicPartition(topic, i.partition()))
                .toList();
    }
}
