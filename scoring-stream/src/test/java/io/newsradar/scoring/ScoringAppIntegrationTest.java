package io.newsradar.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.newsradar.avro.NewsArticle;
import io.newsradar.avro.ScoredArticle;
import io.newsradar.localkafka.LocalKafkaBroker;
import io.newsradar.localkafka.TopicAdmin;
import io.newsradar.schemas.config.NewsradarConfig;
import io.newsradar.schemas.serde.AvroSerdes;
import io.newsradar.schemas.topics.Topics;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
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
 * The service against a real broker, under exactly-once: what TopologyTestDriver cannot show is
 * that a dead letter written while deserializing is committed with the transaction, read by a
 * read_committed consumer, and the app keeps running.
 */
@Tag("integration")
class ScoringAppIntegrationTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static LocalKafkaBroker broker;

    @TempDir
    Path stateDir;

    @BeforeAll
    static void startBroker() {
        broker = LocalKafkaBroker.startTemporary();
        TopicAdmin.ensureTopics(broker.clientProps(), Topics.all(), 1, (short) 1);
    }

    @AfterAll
    static void stopBroker() {
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void shouldRefuseToStartWhenARouteTopicIsMissing() {
        NewsradarConfig config = NewsradarConfig.defaults()
                .with(NewsradarConfig.BOOTSTRAP_SERVERS, broker.bootstrapServers())
                .with(NewsradarConfig.APPLICATION_ID, "scoring-it-" + UUID.randomUUID())
                .with(NewsradarConfig.STATE_DIR, stateDir.toString());
        ScoringRules defaults = ScoringRules.defaults();
        Route unpublished = new Route("never-created", "low", java.util.Set.of("defense"), 1.0);
        ScoringRules rules = new ScoringRules(
                defaults.taxonomy(),
                java.util.List.of(defaults.routes().get(0), unpublished),
                defaults.version() + "-extra");

        try (ScoringApp app = new ScoringApp(config, rules)) {
            org.assertj.core.api.Assertions.assertThatThrownBy(app::start)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining(Topics.alerts("never-created").name())
                    .hasMessageNotContaining(Topics.NEWS_RAW.name());
            assertThat(app.state()).isEqualTo(KafkaStreams.State.CREATED);
        }
    }

    @Test
    void shouldScoreAlertAndDeadLetterGarbageUnderExactlyOnce() {
        NewsradarConfig config = NewsradarConfig.defaults()
                .with(NewsradarConfig.BOOTSTRAP_SERVERS, broker.bootstrapServers())
                .with(NewsradarConfig.APPLICATION_ID, "scoring-it-" + UUID.randomUUID())
                .with(NewsradarConfig.STATE_DIR, stateDir.toString());
        NewsArticle good = Articles.sample("grocer-quarterly-results");
        NewsArticle alerting = Articles.sample("tidewatch-joint-ai-programme");
        byte[] garbage = "definitely not avro".getBytes(StandardCharsets.UTF_8);
        // 300 KiB of body: over the validator's limit, yet well under the 1 MiB request size, so
        // the raw record itself can be produced
        NewsArticle oversized = Articles.article(
                "https://test.example/oversized",
                alerting.getTitle(),
                "Another sentence about the same talks. ".repeat(300 * 1024 / 39 + 1),
                alerting.getPublishedAt());

        try (ScoringApp app = new ScoringApp(config)) {
            app.start();
            await().atMost(TIMEOUT).until(() -> app.state() == KafkaStreams.State.RUNNING);

            try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(producerProps())) {
                producer.send(raw(
                        good.getId().getBytes(StandardCharsets.UTF_8),
                        AvroSerdes.newsArticle().encode(good)));
                producer.send(raw("junk".getBytes(StandardCharsets.UTF_8), garbage));
                producer.send(raw(
                        alerting.getId().getBytes(StandardCharsets.UTF_8),
                        AvroSerdes.newsArticle().encode(alerting)));
                producer.send(raw(
                        oversized.getId().getBytes(StandardCharsets.UTF_8),
                        AvroSerdes.newsArticle().encode(oversized)));
                // last: nothing processed after it, its dead letter must still be committed
                producer.send(raw("junk-2".getBytes(StandardCharsets.UTF_8), new byte[] {(byte) 0xC3, 0x01}));
                producer.flush();
            }

            List<ConsumerRecord<byte[], byte[]>> scored = readAtLeast(Topics.NEWS_SCORED.name(), 2);
            List<ConsumerRecord<byte[], byte[]>> dead = readAtLeast(Topics.NEWS_DLQ.name(), 3);
            List<ConsumerRecord<byte[], byte[]>> alerts =
                    readAtLeast(Topics.alerts(Topics.DEFENSE_AI_ROUTE).name(), 1);

            assertThat(scored)
                    .extracting(r -> AvroSerdes.scoredArticle().decode(r.value()))
                    .extracting(ScoredArticle::getArticle)
                    .extracting(NewsArticle::getId)
                    .containsExactly(good.getId(), alerting.getId());
            assertThat(dead).hasSize(3);
            // a deserialization error is sent when the record becomes the queue's head, which can
            // be before the record ahead of it is processed: only the first letter's place is fixed
            assertThat(dead)
                    .extracting(r -> new String(r.key(), StandardCharsets.UTF_8))
                    .containsExactlyInAnyOrder("junk", oversized.getId(), "junk-2");
            ConsumerRecord<byte[], byte[]> tooBig = dead.stream()
                    .filter(r -> new String(r.key(), StandardCharsets.UTF_8).equals(oversized.getId()))
                    .findFirst()
                    .orElseThrow();
            assertThat(tooBig.value()).isEqualTo(AvroSerdes.newsArticle().encode(oversized));
            assertThat(new String(
                            tooBig.headers()
                                    .lastHeader("__streams.errors.message")
                                    .value(),
                            StandardCharsets.UTF_8))
                    .contains(ArticleValidator.MAX_BODY_BYTES + "-byte limit");
            assertThat(dead.get(0).key()).isEqualTo("junk".getBytes(StandardCharsets.UTF_8));
            assertThat(dead.get(0).value()).isEqualTo(garbage);
            Header exception = dead.get(0).headers().lastHeader("__streams.errors.exception");
            assertThat(new String(exception.value(), StandardCharsets.UTF_8)).contains("UndecodableRecordException");
            assertThat(alerts).hasSize(1);
            assertThat(AvroSerdes.alert().decode(alerts.get(0).value()).getAlertId())
                    .isEqualTo(alerting.getId() + ":" + Topics.DEFENSE_AI_ROUTE + ":1");
            assertThat(app.state()).isEqualTo(KafkaStreams.State.RUNNING);
            assertThat(app.counters().scored()).isEqualTo(2);
            assertThat(app.deadLettered()).isEqualTo(3);
        }
    }

    private static ProducerRecord<byte[], byte[]> raw(byte[] key, byte[] value) {
        return new ProducerRecord<>(Topics.NEWS_RAW.name(), key, value);
    }

    private static Map<String, Object> producerProps() {
        Map<String, Object> p = new HashMap<>(broker.clientProps());
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        // the records must arrive in this order
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        return p;
    }

    private static List<ConsumerRecord<byte[], byte[]>> readAtLeast(String topic, int count) {
        Map<String, Object> p = new HashMap<>(broker.clientProps());
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        // only what the app committed: dead letters of aborted transactions must not count
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        // assign() without a group: nothing to commit, nothing to rebalance
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        List<ConsumerRecord<byte[], byte[]>> out = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(p)) {
            List<org.apache.kafka.common.TopicPartition> parts = consumer.partitionsFor(topic).stream()
                    .map(i -> new org.apache.kafka.common.TopicPartition(topic, i.partition()))
                    .toList();
            consumer.assign(parts);
            consumer.seekToBeginning(parts);
            await().atMost(TIMEOUT).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(out::add);
                return out.size() >= count;
            });
        }
        return out;
    }
}
