package io.newsradar.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.newsradar.avro.NewsArticle;
import io.newsradar.avro.ScoredArticle;
import io.newsradar.localkafka.LocalKafkaBroker;
import io.newsradar.localkafka.TopicAdmin;
import io.newsradar.schemas.config.NewsradarConfig;
import io.newsradar.schemas.serde.AvroSerdes;
import io.newsradar.schemas.topics.TopicDef;
import io.newsradar.schemas.topics.Topics;
import io.newsradar.scoring.ruleset.RulesetRecord;
import io.newsradar.scoring.ruleset.RulesetStatus;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Live rules on a real broker (issue 6, must-show 3). "After a publication" means after the
 * instance reports it active. The broker compacts {@code rules.v1} as eagerly as it can (segments
 * roll after 100 ms, any dirt is cleanable, the cleaner looks every 100 ms), so the restart below
 * happens on a compacted topic, and the history test shows compaction keeps every publication.
 */
@Tag("integration")
class LiveRulesIntegrationTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final int RULES_PARTITIONS = 3;
    private static LocalKafkaBroker broker;

    @TempDir
    Path stateDir;

    @BeforeAll
    static void startBroker() throws Exception {
        // the cleaner checks for dirty logs every 100 ms instead of every 15 s
        broker = LocalKafkaBroker.startTemporary(Map.of("log.cleaner.backoff.ms", "100"));
        try (Admin admin = Admin.create(broker.clientProps())) {
            Map<String, String> configs = new HashMap<>(Topics.RULES.creationConfigs());
            // a segment closes (and becomes cleanable) at the first record 100 ms after it opened
            configs.put("segment.ms", "100");
            // any duplicate makes a segment worth cleaning
            configs.put("min.cleanable.dirty.ratio", "0");
            configs.put("min.compaction.lag.ms", "0");
            admin.createTopics(List.of(new NewTopic(Topics.RULES.name(), RULES_PARTITIONS, (short) 1).configs(configs)))
                    .all()
                    .get();
        }
        // the other topics as the admin step makes them (rules.v1 exists, so it is left as it is)
        TopicAdmin.ensureTopics(broker.clientProps(), Topics.all(), 1, (short) 1);
    }

    @AfterAll
    static void stopBroker() {
        if (broker != null) {
            broker.close();
        }
    }

    private NewsradarConfig config(String applicationId, String ruleset) {
        return NewsradarConfig.defaults()
                .with(NewsradarConfig.BOOTSTRAP_SERVERS, broker.bootstrapServers())
                .with(NewsradarConfig.APPLICATION_ID, applicationId)
                .with(NewsradarConfig.STATE_DIR, stateDir.toString())
                .with(ScoringApp.RULES_NAME, ruleset);
    }

    @Test
    void aPublicationScoresWithoutARestartAndTheLastGoodOneSurvivesARestartWithABadOneAtTheHead() {
        String ruleset = "live-it";
        NewsradarConfig config = config("live-rules-it-" + UUID.randomUUID(), ruleset);
        RulesetRecord good = LiveRulesTopologyTest.publication(ruleset, 1, LiveRulesTopologyTest.BUNDLE_V3);
        RulesetRecord bad = LiveRulesTopologyTest.publication(ruleset, 2, LiveRulesTopologyTest.BROKEN_BUNDLE);
        NewsArticle before = Articles.sample("grocer-quarterly-results");
        NewsArticle after = Articles.sample("tidewatch-joint-ai-programme");
        NewsArticle afterRestart = Articles.sample("seoul-tokyo-defence-talks");

        try (ScoringApp app = new ScoringApp(config)) {
            app.start();
            await().atMost(TIMEOUT).until(() -> app.state() == KafkaStreams.State.RUNNING);
            assertThat(app.rulesStatus().active().bootstrap()).isTrue();
            String bootstrapVersion = app.rules().version();
            produceArticle(before);
            assertThat(scoredVersion(before)).isEqualTo(bootstrapVersion);

            publish(good);
            await().atMost(TIMEOUT).until(() -> app.rulesStatus().active().sequence() == 1);
            produceArticle(after);
            assertThat(scoredVersion(after)).isEqualTo(good.version()).isNotEqualTo(bootstrapVersion);

            publish(bad);
            await().atMost(TIMEOUT).until(() -> app.rulesStatus().lastRejected() != null);
            assertThat(app.rulesStatus().lastRejected().key()).isEqualTo(bad.key());
            assertThat(app.rulesStatus().active().sequence()).isEqualTo(1);
            assertThat(app.state()).isEqualTo(KafkaStreams.State.RUNNING);
        }

        // the bad publication is the newest on the topic now
        try (ScoringApp app = new ScoringApp(config)) {
            app.start();
            // start() returns once the global store is restored: no article is scored before
            assertThat(app.rulesStatus().active().sequence()).isEqualTo(1);
            await().atMost(TIMEOUT).until(() -> app.state() == KafkaStreams.State.RUNNING);
            RulesetStatus status = app.rulesStatus();
            assertThat(status.active().sequence()).isEqualTo(1);
            assertThat(status.active().version()).isEqualTo(good.version());
            assertThat(status.lastRejected().key()).isEqualTo(bad.key());
            assertThat(status.rejections()).isEqualTo(1);

            produceArticle(afterRestart);
            assertThat(scoredVersion(afterRestart)).isEqualTo(good.version());
            assertThat(app.state()).isEqualTo(KafkaStreams.State.RUNNING);
            assertThat(app.failure()).isEmpty();
        }
    }

    @Test
    void compactionKeepsEveryPublication() {
        String ruleset = "history-it";
        List<RulesetRecord> history = List.of(
                LiveRulesTopologyTest.publication(ruleset, 1, LiveRulesTopologyTest.BUNDLE_V2),
                LiveRulesTopologyTest.publication(ruleset, 2, LiveRulesTopologyTest.BUNDLE_V3),
                LiveRulesTopologyTest.publication(ruleset, 3, LiveRulesTopologyTest.BROKEN_BUNDLE));
        history.forEach(LiveRulesIntegrationTest::publish);
        // a key written twice on every partition: once one copy is gone, the cleaner has compacted
        // the segments holding the publications (they come before it)
        String probe = "compaction-probe-" + UUID.randomUUID();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(producerProps())) {
            for (int round = 0; round < 2; round++) {
                for (int p = 0; p < RULES_PARTITIONS; p++) {
                    producer.send(new ProducerRecord<>(Topics.RULES.name(), p, probe, "probe " + round));
                }
                producer.flush();
            }
            await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(300)).until(() -> {
                // a record on every partition 100 ms on: rolls the segment, so the probes can be cleaned
                for (int p = 0; p < RULES_PARTITIONS; p++) {
                    producer.send(new ProducerRecord<>(Topics.RULES.name(), p, "roll", "roll"));
                }
                producer.flush();
                return readAll(Topics.RULES).stream()
                                .filter(r -> r.key().equals(probe))
                                .count()
                        == RULES_PARTITIONS;
            });
        }

        List<ConsumerRecord<String, String>> after = readAll(Topics.RULES);
        assertThat(after)
                .filteredOn(r -> r.key().startsWith(ruleset + "#"))
                .extracting(ConsumerRecord::key)
                .containsExactlyInAnyOrderElementsOf(
                        history.stream().map(RulesetRecord::key).toList());
        assertThat(after)
                .filteredOn(r -> r.key().equals(history.get(2).key()))
                .extracting(r -> RulesetRecord.fromJson(r.key(), r.value()).version())
                .containsExactly(history.get(2).version());
    }

    private static void publish(RulesetRecord r) {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(producerProps())) {
            producer.send(new ProducerRecord<>(Topics.RULES.name(), r.key(), r.toJson()));
            producer.flush();
        }
    }

    private static void produceArticle(NewsArticle a) {
        Map<String, Object> p = new HashMap<>(broker.clientProps());
        try (KafkaProducer<String, NewsArticle> producer = new KafkaProducer<>(
                p,
                Topics.NEWS_RAW.keySerde().serializer(),
                Topics.NEWS_RAW.valueSerde().serializer())) {
            producer.send(new ProducerRecord<>(Topics.NEWS_RAW.name(), a.getId(), a));
            producer.flush();
        }
    }

    /** The rules version the article was scored with, once its scored record is committed. */
    private static String scoredVersion(NewsArticle a) {
        List<ScoredArticle> found = new ArrayList<>();
        Map<String, Object> p = consumerProps(ByteArrayDeserializer.class);
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(p)) {
            List<TopicPartition> parts = partitions(consumer, Topics.NEWS_SCORED.name());
            consumer.assign(parts);
            consumer.seekToBeginning(parts);
            await().atMost(TIMEOUT).until(() -> {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    ScoredArticle s = AvroSerdes.scoredArticle().decode(r.value());
                    if (s.getArticle().getId().equals(a.getId())) {
                        found.add(s);
                    }
                }
                return !found.isEmpty();
            });
        }
        assertThat(found).hasSize(1);
        return found.get(0).getRulesVersion();
    }

    /** Everything on the topic now, read up to its end offsets. */
    private static List<ConsumerRecord<String, String>> readAll(TopicDef<String, String> topic) {
        List<ConsumerRecord<String, String>> out = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerProps(StringDeserializer.class))) {
            List<TopicPartition> parts = partitions(consumer, topic.name());
            consumer.assign(parts);
            consumer.seekToBeginning(parts);
            Map<TopicPartition, Long> end = consumer.endOffsets(parts);
            await().atMost(TIMEOUT).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(out::add);
                return parts.stream().allMatch(tp -> consumer.position(tp) >= end.get(tp));
            });
        }
        return out;
    }

    private static List<TopicPartition> partitions(KafkaConsumer<?, ?> consumer, String topic) {
        return consumer.partitionsFor(topic).stream()
                .map(i -> new TopicPartition(topic, i.partition()))
                .toList();
    }

    private static Map<String, Object> consumerProps(Class<?> valueDeserializer) {
        Map<String, Object> p = new HashMap<>(broker.clientProps());
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, valueDeserializer);
        // only what the app committed
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        // assign() without a group: nothing to commit, nothing to rebalance
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        return p;
    }

    private static Map<String, Object> producerProps() {
        Map<String, Object> p = new HashMap<>(broker.clientProps());
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        // the records must arrive in this order
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        return p;
    }
}
