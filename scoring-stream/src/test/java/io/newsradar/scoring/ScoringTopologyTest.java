package io.newsradar.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsradar.avro.Alert;
import io.newsradar.avro.AlertLifecycle;
import io.newsradar.avro.NewsArticle;
import io.newsradar.avro.ScoredArticle;
import io.newsradar.schemas.config.NewsradarConfig;
import io.newsradar.schemas.serde.AvroSerdes;
import io.newsradar.schemas.topics.TopicDef;
import io.newsradar.schemas.topics.Topics;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The whole topology, with the service's own Streams settings, on TopologyTestDriver. */
class ScoringTopologyTest {
    private static final TopicDef<String, Alert> DEFENSE_AI = Topics.alerts(Topics.DEFENSE_AI_ROUTE);

    @TempDir
    Path stateDir;

    private final ScoringRules rules = ScoringRules.defaults();
    private final ScoringCounters counters = new ScoringCounters();
    private Properties props;

    @BeforeEach
    void setUp() {
        NewsradarConfig config = NewsradarConfig.defaults()
                .with(NewsradarConfig.BOOTSTRAP_SERVERS, "unused:9092")
                .with(NewsradarConfig.STATE_DIR, stateDir.toString());
        props = ScoringApp.streamsProperties(config);
    }

    private TopologyTestDriver driver() {
        return new TopologyTestDriver(ScoringTopology.build(ScoringEngine.of(rules), counters), props);
    }

    private static TestInputTopic<String, NewsArticle> raw(TopologyTestDriver d) {
        return d.createInputTopic(
                Topics.NEWS_RAW.name(),
                Topics.NEWS_RAW.keySerde().serializer(),
                Topics.NEWS_RAW.valueSerde().serializer());
    }

    private static TestOutputTopic<String, ScoredArticle> scored(TopologyTestDriver d) {
        return d.createOutputTopic(
                Topics.NEWS_SCORED.name(),
                Topics.NEWS_SCORED.keySerde().deserializer(),
                Topics.NEWS_SCORED.valueSerde().deserializer());
    }

    private static TestOutputTopic<String, Alert> alerts(TopologyTestDriver d) {
        return d.createOutputTopic(
                DEFENSE_AI.name(),
                DEFENSE_AI.keySerde().deserializer(),
                DEFENSE_AI.valueSerde().deserializer());
    }

    private static TestOutputTopic<byte[], byte[]> dlq(TopologyTestDriver d) {
        return d.createOutputTopic(
                Topics.NEWS_DLQ.name(),
                Topics.NEWS_DLQ.keySerde().deserializer(),
                Topics.NEWS_DLQ.valueSerde().deserializer());
    }

    private static void pipe(TestInputTopic<String, NewsArticle> in, NewsArticle a) {
        in.pipeInput(a.getId(), a, a.getPublishedAt());
    }

    @Test
    void shouldRouteDefenseAiArticleToAlertTopic() {
        NewsArticle a = Articles.sample("tidewatch-joint-ai-programme");
        try (TopologyTestDriver d = driver()) {
            pipe(raw(d), a);

            TestRecord<String, ScoredArticle> s = scored(d).readRecord();
            assertThat(s.key()).isEqualTo(a.getId());
            assertThat(s.timestamp()).isEqualTo(a.getPublishedAt().toEpochMilli());
            ScoredArticle v = s.value();
            assertThat(v.getScore()).isGreaterThanOrEqualTo(7.0);
            assertThat(v.getTags()).extracting(t -> t.getId()).contains("defense", "artificial-intelligence");
            // the programme is Japanese and American: the broader Korea-Japan watch takes it too
            assertThat(v.getRoutes()).containsExactly(Topics.DEFENSE_AI_ROUTE, Topics.DEFENSE_KOREA_JAPAN_ROUTE);
            assertThat(v.getRevision()).isEqualTo(1);
            assertThat(v.getStoryId()).isEqualTo(a.getId());
            assertThat(v.getRulesVersion()).isEqualTo(rules.version());
            assertThat(v.getRationale()).isNotBlank();
            assertThat(v.getKeyPoints()).isNotEmpty();

            TestRecord<String, Alert> alert = alerts(d).readRecord();
            assertThat(alert.key()).isEqualTo(a.getId());
            assertThat(alert.timestamp()).isEqualTo(a.getPublishedAt().toEpochMilli());
            // alert ids: story, route, the story's sequence on the route (Alert v2)
            assertThat(alert.value().getAlertId()).isEqualTo(a.getId() + ":" + Topics.DEFENSE_AI_ROUTE + ":1");
            assertThat(alert.value().getLifecycle()).isEqualTo(AlertLifecycle.NEW);
            assertThat(alert.value().getPriority()).isEqualTo("high");
            assertThat(alert.value().getRoute()).isEqualTo(Topics.DEFENSE_AI_ROUTE);
            assertThat(alert.value().getScore()).isEqualTo(v.getScore());
            assertThat(alert.value().getRulesVersion()).isEqualTo(rules.version());
            assertThat(alerts(d).isEmpty()).isTrue();
            TopicDef<String, Alert> watchTopic = Topics.alerts(Topics.DEFENSE_KOREA_JAPAN_ROUTE);
            TestOutputTopic<String, Alert> watch = d.createOutputTopic(
                    watchTopic.name(),
                    watchTopic.keySerde().deserializer(),
                    watchTopic.valueSerde().deserializer());
            Alert watchAlert = watch.readValue();
            assertThat(watchAlert.getPriority()).isEqualTo("normal");
            // counted as they left the desk, per route, priority and status
            assertThat(counters.alerts())
                    .containsExactly(
                            Map.entry(new ScoringCounters.AlertKind(Topics.DEFENSE_AI_ROUTE, "high", "NEW"), 1L),
                            Map.entry(
                                    new ScoringCounters.AlertKind(Topics.DEFENSE_KOREA_JAPAN_ROUTE, "normal", "NEW"),
                                    1L));
            // no longer the same id as the other route's alert: a receiver's dedupe keeps both
            assertThat(watchAlert.getAlertId()).isEqualTo(a.getId() + ":" + Topics.DEFENSE_KOREA_JAPAN_ROUTE + ":1");
            assertThat(watch.isEmpty()).isTrue();
            assertThat(dlq(d).isEmpty()).isTrue();
        }
    }

    @Test
    void shouldScoreButNotAlertUnrelatedArticles() {
        List<NewsArticle> unrelated = List.of(
                Articles.sample("grocer-quarterly-results"),
                Articles.sample("coastal-storm-warning"),
                Articles.sample("exoplanet-water-vapour"),
                Articles.sample("hospital-ai-triage"),
                Articles.sample("army-navy-snow-game"));
        try (TopologyTestDriver d = driver()) {
            unrelated.forEach(a -> pipe(raw(d), a));

            assertThat(scored(d).readValuesToList())
                    .hasSize(unrelated.size())
                    .allSatisfy(s -> assertThat(s.getRoutes()).isEmpty());
            assertThat(alerts(d).isEmpty()).isTrue();
        }
    }

    @Test
    void shouldNotScoreAnExactRepeatTwice() {
        NewsArticle a = Articles.sample("seoul-tokyo-defence-talks");
        try (TopologyTestDriver d = driver()) {
            TestInputTopic<String, NewsArticle> in = raw(d);
            pipe(in, a);
            pipe(in, a);

            assertThat(scored(d).readValuesToList()).hasSize(1);
            assertThat(alerts(d).readValuesToList()).hasSize(1);
            assertThat(counters.repeats()).isEqualTo(1);
            assertThat(counters.scored()).isEqualTo(1);
        }
    }

    @Test
    void shouldScoreCorrectedContentAsRevisionTwoInTheSameStoryWithoutASecondNewAlert() {
        NewsArticle first = Articles.sample("tidewatch-joint-ai-programme");
        NewsArticle corrected = Articles.corrected(first, first.getBody().replace("$620 million", "$650 million"));
        try (TopologyTestDriver d = driver()) {
            TestInputTopic<String, NewsArticle> in = raw(d);
            pipe(in, first);
            pipe(in, corrected);
            pipe(in, corrected);

            List<ScoredArticle> s = scored(d).readValuesToList();
            assertThat(s).extracting(ScoredArticle::getRevision).containsExactly(1, 2);
            assertThat(s.get(1).getArticle().getBody()).contains("$650 million");
            // the correction stays in its article's story; the same outlet at the same event time
            // is no news to the story (an UPDATED alert needs a higher score or more outlets after
            // the cool-down), so the story's one alert on the route stays the NEW one
            assertThat(s).extracting(ScoredArticle::getStoryId).containsOnly(first.getId());
            List<Alert> alerts = alerts(d).readValuesToList();
            assertThat(alerts)
                    .extracting(Alert::getAlertId, Alert::getLifecycle)
                    .containsExactly(org.assertj.core.api.Assertions.tuple(
                            first.getId() + ":" + Topics.DEFENSE_AI_ROUTE + ":1", AlertLifecycle.NEW));
            assertThat(counters.revisions()).isEqualTo(1);
            assertThat(counters.repeats()).isEqualTo(1);
        }
    }

    /**
     * Under exactly-once, TopologyTestDriver cannot show a dead letter written while a record is
     * deserialized: that send happens before the driver's process-and-commit cycle, and the driver
     * then clears its mock producer, uncommitted sends included. On a broker the record is
     * committed with the next transaction. So the dead letter itself is checked under
     * at-least-once (same handlers, same topic); under exactly-once the test checks that the
     * record was dropped from processing and the stream went on.
     */
    @ParameterizedTest(name = "processing.guarantee={0}")
    @ValueSource(strings = {StreamsConfig.AT_LEAST_ONCE, StreamsConfig.EXACTLY_ONCE_V2})
    void shouldDeadLetterGarbageBytesAndKeepScoring(String guarantee) {
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, guarantee);
        NewsArticle before = Articles.sample("grocer-quarterly-results");
        NewsArticle after = Articles.sample("coastal-storm-warning");
        byte[] garbageKey = "some-key".getBytes(StandardCharsets.UTF_8);
        byte[] garbage = {(byte) 0xC3, 0x01, 0x02, 0x03, 'n', 'o', 't', ' ', 'a', 'v', 'r', 'o'};
        try (TopologyTestDriver d = driver()) {
            TestInputTopic<byte[], byte[]> bytes =
                    d.createInputTopic(Topics.NEWS_RAW.name(), new ByteArraySerializer(), new ByteArraySerializer());
            pipe(raw(d), before);
            bytes.pipeInput(garbageKey, garbage, Instant.parse("2026-05-01T00:00:00Z"));
            pipe(raw(d), after);

            assertThat(scored(d).readValuesToList())
                    .extracting(s -> s.getArticle().getId())
                    .containsExactly(before.getId(), after.getId());
            assertThat(droppedRecords(d)).isEqualTo(1.0);
            if (guarantee.equals(StreamsConfig.EXACTLY_ONCE_V2)) {
                return;
            }
            List<TestRecord<byte[], byte[]>> dead = dlq(d).readRecordsToList();
            assertThat(dead).hasSize(1);
            TestRecord<byte[], byte[]> letter = dead.get(0);
            assertThat(letter.key()).isEqualTo(garbageKey);
            assertThat(letter.value()).isEqualTo(garbage);
            assertThat(header(letter, "__streams.errors.topic")).isEqualTo(Topics.NEWS_RAW.name());
            assertThat(header(letter, "__streams.errors.offset")).isEqualTo("1");
            assertThat(header(letter, "__streams.errors.exception")).contains("UndecodableRecordException");
            assertThat(header(letter, "__streams.errors.message")).contains("cannot decode");
            assertThat(letter.headers().lastHeader("__streams.errors.stacktrace"))
                    .isNotNull();
        }
    }

    @Test
    void shouldDeadLetterAnArticleWithoutTitleWithItsOriginalBytes() {
        NewsArticle bad = NewsArticle.newBuilder(Articles.sample("tidewatch-joint-ai-programme"))
                .setTitle(" ")
                .build();
        byte[] original = AvroSerdes.newsArticle().encode(bad);
        try (TopologyTestDriver d = driver()) {
            pipe(raw(d), bad);

            assertThat(scored(d).isEmpty()).isTrue();
            assertThat(alerts(d).isEmpty()).isTrue();
            TestRecord<byte[], byte[]> letter = dlq(d).readRecord();
            assertThat(new String(letter.key(), StandardCharsets.UTF_8)).isEqualTo(bad.getId());
            assertThat(letter.value()).isEqualTo(original);
            assertThat(header(letter, "__streams.errors.exception")).contains("InvalidArticleException");
            assertThat(header(letter, "__streams.errors.message")).contains("has no title");
        }
    }

    /**
     * An article too large to score safely must leave as a processing error (dead-lettered, then
     * skipped), not reach the producer: a record over max.request.size would abort the
     * exactly-once transaction again and again. At-least-once so the dead letter is visible on
     * the driver, as in the garbage-bytes test.
     */
    @Test
    void shouldDeadLetterAnOversizedArticleAndScoreTheNextOne() {
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.AT_LEAST_ONCE);
        NewsArticle sample = Articles.sample("tidewatch-joint-ai-programme");
        String hugeBody = sample.getBody() + "\n\n" + "More words about the same talks. ".repeat(10_000);
        NewsArticle oversized = Articles.article(
                "https://test.example/oversized", sample.getTitle(), hugeBody, sample.getPublishedAt());
        NewsArticle next = Articles.sample("coastal-storm-warning");
        try (TopologyTestDriver d = driver()) {
            pipe(raw(d), oversized);
            pipe(raw(d), next);

            assertThat(scored(d).readValuesToList())
                    .extracting(s -> s.getArticle().getId())
                    .containsExactly(next.getId());
            assertThat(alerts(d).isEmpty()).isTrue();
            List<TestRecord<byte[], byte[]>> dead = dlq(d).readRecordsToList();
            assertThat(dead).hasSize(1);
            TestRecord<byte[], byte[]> letter = dead.get(0);
            assertThat(new String(letter.key(), StandardCharsets.UTF_8)).isEqualTo(oversized.getId());
            assertThat(letter.value()).isEqualTo(AvroSerdes.newsArticle().encode(oversized));
            assertThat(header(letter, "__streams.errors.exception")).contains("InvalidArticleException");
            assertThat(header(letter, "__streams.errors.message"))
                    .contains("body is " + hugeBody.getBytes(StandardCharsets.UTF_8).length + " bytes")
                    .contains(ArticleValidator.MAX_BODY_BYTES + "-byte limit");
        }
    }

    @Test
    void shouldDeadLetterAnArticleKeyedByAnythingButItsId() {
        NewsArticle a = Articles.sample("hospital-ai-triage");
        try (TopologyTestDriver d = driver()) {
            raw(d).pipeInput("wrong-key", a, a.getPublishedAt());

            assertThat(scored(d).isEmpty()).isTrue();
            assertThat(header(dlq(d).readRecord(), "__streams.errors.message")).contains("differs from article id");
        }
    }

    @Test
    void shouldCountATombstoneOfAnUnknownArticleAsAnUnknownRetractionNotADeadLetter() {
        try (TopologyTestDriver d = driver()) {
            raw(d).pipeInput("some-id", null, Instant.parse("2026-05-01T00:00:00Z"));

            assertThat(scored(d).isEmpty()).isTrue();
            assertThat(dlq(d).isEmpty()).isTrue();
            assertThat(droppedRecords(d)).isZero();
            assertThat(counters.unknownRetractions()).isEqualTo(1);
            assertThat(counters.retractions()).isZero();
        }
    }

    @Test
    void shouldRememberRevisionsInThePersistentStore() {
        NewsArticle a = Articles.sample("seoul-tokyo-defence-talks");
        try (TopologyTestDriver d = driver()) {
            pipe(raw(d), a);
            KeyValueStore<String, RevisionState> store = d.getKeyValueStore(ScoringTopology.REVISIONS_STORE);
            // last seen: the stream time at the sighting, here the only record's timestamp
            assertThat(store.get(a.getId()))
                    .isEqualTo(new RevisionState(
                            1, List.of(a.getContentHash()), a.getPublishedAt().toEpochMilli()));
            assertThat(store.persistent()).isTrue();
        }
    }

    private static double droppedRecords(TopologyTestDriver d) {
        return d.metrics().entrySet().stream()
                .filter(e -> e.getKey().name().equals("dropped-records-total"))
                .mapToDouble(e -> ((Number) e.getValue().metricValue()).doubleValue())
                .sum();
    }

    private static String header(TestRecord<byte[], byte[]> r, String name) {
        Header h = r.headers().lastHeader(name);
        assertThat(h).as("header " + name).isNotNull();
        return new String(h.value(), StandardCharsets.UTF_8);
    }
}
