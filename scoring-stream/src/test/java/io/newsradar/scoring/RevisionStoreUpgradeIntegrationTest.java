package io.newsradar.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.newsradar.avro.Alert;
import io.newsradar.avro.AlertLifecycle;
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
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An upgrade on a real broker: the revision store's changelog holds values in the format the
 * previous version wrote ({@code <revision>:<hash>}); a new instance with no local state restores
 * them and goes on from there.
 */
@Tag("integration")
class RevisionStoreUpgradeIntegrationTest {
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
    void shouldRestoreOldFormatRevisionsFromTheChangelogAndCountTheirContentAsRepeats() throws Exception {
        String appId = "scoring-upgrade-it-" + UUID.randomUUID();
        NewsradarConfig config = NewsradarConfig.defaults()
                .with(NewsradarConfig.BOOTSTRAP_SERVERS, broker.bootstrapServers())
                .with(NewsradarConfig.APPLICATION_ID, appId)
                .with(NewsradarConfig.STATE_DIR, stateDir.toString());
        NewsArticle a = Articles.sample("tidewatch-joint-ai-programme");
        NewsArticle corrected = Articles.corrected(a, a.getBody().replace("$620 million", "$650 million"));
        // what the previous version left in its changelog: revision 2 of the article, one hash
        String changelog = appId + "-" + ScoringTopology.REVISIONS_STORE + "-changelog";
        createCompacted(changelog);
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(producerProps())) {
            producer.send(new ProducerRecord<>(changelog, utf8(a.getId()), utf8("2:" + a.getContentHash())))
                    .get(30, TimeUnit.SECONDS);
        }

        try (ScoringApp app = new ScoringApp(config)) {
            app.start();
            await().atMost(TIMEOUT).until(() -> app.state() == KafkaStreams.State.RUNNING);
            try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(producerProps())) {
                producer.send(raw(a));
                producer.send(raw(corrected));
                producer.flush();
            }

            // the repeat is not scored: the first scored record is the correction, as revision 3
            ScoredArticle first = AvroSerdes.scoredArticle()
                    .decode(readAtLeast(Topics.NEWS_SCORED.name(), 1).get(0));
            assertThat(first.getArticle().getContentHash()).isEqualTo(corrected.getContentHash());
            assertThat(first.getRevision()).isEqualTo(3);
            Alert alert = AvroSerdes.alert()
                    .decode(readAtLeast(Topics.alerts(Topics.DEFENSE_AI_ROUTE).name(), 1)
                            .get(0));
            // the story stage starts with no alert state: the upgraded article's story (its own id)
            // raises its first alert on the route, NEW, sequence 1 (the upgrade note says so)
            assertThat(alert.getAlertId()).isEqualTo(a.getId() + ":" + Topics.DEFENSE_AI_ROUTE + ":1");
            assertThat(alert.getLifecycle()).isEqualTo(AlertLifecycle.NEW);
            assertThat(alert.getRevision()).isEqualTo(3);
            assertThat(app.counters().repeats()).isEqualTo(1);
            assertThat(app.counters().scored()).isEqualTo(1);
        }
    }

    private static void createCompacted(String topic) throws Exception {
        try (Admin admin = Admin.create(broker.clientProps())) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1)
                            .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT))))
                    .all()
                    .get(30, TimeUnit.SECONDS);
        }
    }

    private static ProducerRecord<byte[], byte[]> raw(NewsArticle a) {
        return new ProducerRecord<>(
                Topics.NEWS_RAW.name(),
                utf8(a.getId()),
                AvroSerdes.newsArticle().encode(a));
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static Map<String, Object> producerProps() {
        Map<String, Object> p = new HashMap<>(broker.clientProps());
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        // the repeat must arrive before the correction
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        return p;
    }

    /** Values of the first {@code count} (or more) committed records of a topic. */
    private static List<byte[]> readAtLeast(String topic, int count) {
        Map<String, Object> p = new HashMap<>(broker.clientProps());
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        // only what the app committed
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        // assign() without a group: nothing to commit, nothing to rebalance
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        List<byte[]> out = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(p)) {
            List<TopicPartition> parts = consumer.partitionsFor(topic).stream()
                    .map(i -> new TopicPartition(topic, i.partition()))
                    .toList();
            consumer.assign(parts);
            consumer.seekToBeginning(parts);
            await().atMost(TIMEOUT).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> out.add(r.value()));
                return out.size() >= count;
            });
        }
        return out;
    }
}
