package io.newsradar.scoring;

import static io.newsradar.scoring.RevisionTopologyTest.alerts;
import static io.newsradar.scoring.RevisionTopologyTest.raw;
import static io.newsradar.scoring.RevisionTopologyTest.scored;
import static org.assertj.core.api.Assertions.assertThat;

import io.newsradar.avro.Alert;
import io.newsradar.avro.AlertLifecycle;
import io.newsradar.avro.NewsArticle;
import io.newsradar.avro.ScoredArticle;
import io.newsradar.schemas.config.NewsradarConfig;
import io.newsradar.schemas.topics.Topics;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Retention and the bound of the revision store on the whole topology: entries expire by stream
 * time after their last sighting, never by the wall clock, and the store keeps the most recently
 * seen contents per id.
 */
class RevisionRetentionTest {
    private static final Duration RETENTION = Duration.ofDays(10);
    private static final Instant T0 = Instant.parse("2026-05-01T08:00:00Z");

    @TempDir
    Path stateDir;

    private final ScoringCounters counters = new ScoringCounters();
    private Properties props;

    @BeforeEach
    void setUp() {
        NewsradarConfig config = NewsradarConfig.defaults()
                .with(NewsradarConfig.BOOTSTRAP_SERVERS, "unused:9092")
                .with(NewsradarConfig.STATE_DIR, stateDir.toString());
        props = ScoringApp.streamsProperties(config);
    }

    private TopologyTestDriver driver(RevisionSettings settings) {
        return new TopologyTestDriver(
                ScoringTopology.build(ScoringEngine.of(ScoringRules.defaults()), settings, counters), props);
    }

    private TopologyTestDriver driver() {
        return driver(new RevisionSettings(RETENTION, RevisionSettings.DEFAULT_RECENT_HASHES));
    }

    /** The alerting sample, published at {@code at}. */
    private static NewsArticle alerting(Instant at) {
        NewsArticle s = Articles.sample("tidewatch-joint-ai-programme");
        return Articles.article(s.getUrl(), s.getTitle(), s.getBody(), at);
    }

    /** An unrelated article published at {@code at}: moves stream time on. */
    private static NewsArticle filler(Instant at) {
        return Articles.article("https://test.example/filler/" + at, "Harbour ferry timetable " + at, "No change.", at);
    }

    private static void pipe(TestInputTopic<String, NewsArticle> in, NewsArticle a) {
        in.pipeInput(a.getId(), a, a.getPublishedAt());
    }

    @Test
    void shouldScoreAnArticleAgainAsRevisionOneOnceStreamTimeMovedPastItsRetention() {
        NewsArticle a = alerting(T0);
        try (TopologyTestDriver d = driver()) {
            TestInputTopic<String, NewsArticle> in = raw(d);
            pipe(in, a);
            pipe(in, filler(T0.plus(RETENTION)));
            // exactly a retention after its last sighting: still remembered
            assertThat(byId(d).get(a.getId())).isNotNull();
            assertThat(counters.expired()).isZero();

            // the expiry punctuator runs once an interval of stream time (here an hour) has passed
            pipe(in, filler(T0.plus(RETENTION).plus(Duration.ofHours(1))));
            // and removed the entry and its index key
            assertThat(byId(d).get(a.getId())).isNull();
            assertThat(index(d)).extracting(kv -> kv.value).doesNotContain(a.getId());
            assertThat(counters.expired()).isEqualTo(1);

            pipe(in, a); // re-published with its old publication time
            List<ScoredArticle> s = scored(d).readValuesToList();
            assertThat(s)
                    .filteredOn(x -> x.getArticle().getId().equals(a.getId()))
                    .extracting(ScoredArticle::getRevision)
                    .containsExactly(1, 1);
            // the first sighting raised the story's NEW alert; whether the story remembers it
            // after so long is the story desk's business, but any alert it raises again is the
            // same story's first on the route: the same id, which receivers dedupe
            List<Alert> alerts = alerts(d).readValuesToList();
            assertThat(alerts)
                    .first()
                    .extracting(Alert::getAlertId, Alert::getLifecycle)
                    .containsExactly(a.getId() + ":" + Topics.DEFENSE_AI_ROUTE + ":1", AlertLifecycle.NEW);
            assertThat(alerts)
                    .extracting(Alert::getAlertId)
                    .containsOnly(a.getId() + ":" + Topics.DEFENSE_AI_ROUTE + ":1");
            assertThat(counters.repeats()).isZero();
        }
    }

    @Test
    void shouldTreatAnExpiredEntryAsUnknownBeforeExpiryHasRemovedIt() {
        NewsArticle a = alerting(T0);
        try (TopologyTestDriver d = driver()) {
            TestInputTopic<String, NewsArticle> in = raw(d);
            pipe(in, a);
            pipe(in, filler(T0.plus(RETENTION)));
            pipe(in, filler(T0.plus(RETENTION).plusMillis(1)));
            // expired, though the next expiry scan is not due yet
            assertThat(byId(d).get(a.getId())).isNotNull();

            pipe(in, a);

            assertThat(scored(d).readValuesToList())
                    .filteredOn(x -> x.getArticle().getId().equals(a.getId()))
                    .extracting(ScoredArticle::getRevision)
                    .containsExactly(1, 1);
            assertThat(counters.repeats()).isZero();
            // rewritten as a fresh entry, its old index key replaced
            assertThat(index(d))
                    .filteredOn(kv -> kv.value.equals(a.getId()))
                    .extracting(kv -> kv.key)
                    .containsExactly(RevisionStore.indexKey(
                            T0.plus(RETENTION).plusMillis(1).toEpochMilli(), a.getId()));
        }
    }

    @Test
    void shouldNeverExpireByTheWallClock() {
        NewsArticle a = alerting(T0);
        try (TopologyTestDriver d = driver()) {
            TestInputTopic<String, NewsArticle> in = raw(d);
            pipe(in, a);
            d.advanceWallClockTime(RETENTION.multipliedBy(50));
            pipe(in, a);

            assertThat(scored(d).readValuesToList()).hasSize(1);
            assertThat(counters.repeats()).isEqualTo(1);
            assertThat(counters.expired()).isZero();
            assertThat(byId(d).get(a.getId())).isNotNull();
        }
    }

    @Test
    void shouldCountRetentionFromTheLastSightingIncludingRepeats() {
        NewsArticle a = alerting(T0);
        try (TopologyTestDriver d = driver()) {
            TestInputTopic<String, NewsArticle> in = raw(d);
            pipe(in, a);
            pipe(in, filler(T0.plus(Duration.ofDays(6))));
            pipe(in, a); // a repeat six days on: the feed still serves it, its entry lives on
            assertThat(byId(d).get(a.getId()).lastSeenMs())
                    .isEqualTo(T0.plus(Duration.ofDays(6)).toEpochMilli());
            pipe(in, filler(T0.plus(Duration.ofDays(12))));
            pipe(in, a); // twelve days after the first sighting, six after the last: a repeat

            assertThat(scored(d).readValuesToList())
                    .filteredOn(x -> x.getArticle().getId().equals(a.getId()))
                    .hasSize(1);
            assertThat(counters.repeats()).isEqualTo(2);
            assertThat(counters.expired()).isZero();
            // one index key per entry, at its current last sighting
            assertThat(index(d))
                    .filteredOn(kv -> kv.value.equals(a.getId()))
                    .extracting(kv -> kv.key)
                    .containsExactly(
                            RevisionStore.indexKey(T0.plus(Duration.ofDays(12)).toEpochMilli(), a.getId()));
        }
    }

    @Test
    void shouldMeasureRetentionFromStreamTimeNotFromThePublicationTime() {
        Instant now = T0.plus(Duration.ofDays(800));
        NewsArticle old = alerting(T0); // published two years before what the stream sees now
        try (TopologyTestDriver d = driver()) {
            TestInputTopic<String, NewsArticle> in = raw(d);
            pipe(in, filler(now));
            pipe(in, old);
            pipe(in, filler(now.plus(Duration.ofHours(1))));
            pipe(in, old);

            assertThat(scored(d).readValuesToList())
                    .filteredOn(x -> x.getArticle().getId().equals(old.getId()))
                    .extracting(ScoredArticle::getRevision)
                    .containsExactly(1);
            assertThat(counters.repeats()).isEqualTo(1);
            assertThat(byId(d).get(old.getId()).lastSeenMs()).isEqualTo(now.toEpochMilli());
        }
    }

    @Test
    void shouldForgetTheContentSeenLeastRecentlyBeyondTheBound() {
        NewsArticle a = alerting(T0);
        NewsArticle b = Articles.corrected(a, a.getBody() + "\n\nSecond summary.");
        NewsArticle c = Articles.corrected(a, a.getBody() + "\n\nThird summary.");
        try (TopologyTestDriver d = driver(new RevisionSettings(RETENTION, 2))) {
            TestInputTopic<String, NewsArticle> in = raw(d);
            // A and B; A again (now the most recent); C evicts B, not A
            List.of(a, b, a, c, a, b).forEach(x -> pipe(in, x));

            assertThat(scored(d).readValuesToList())
                    .extracting(s -> s.getRevision() + " " + s.getArticle().getContentHash())
                    .containsExactly(
                            "1 " + a.getContentHash(),
                            "2 " + b.getContentHash(),
                            "3 " + c.getContentHash(),
                            "4 " + b.getContentHash());
            assertThat(counters.repeats()).isEqualTo(2);
            assertThat(byId(d).get(a.getId()).recentHashes()).containsExactly(a.getContentHash(), b.getContentHash());
        }
    }

    @Test
    void shouldReadEntriesOfTheOldFormatAndExpireThemARetentionAfterTheUpgrade() {
        NewsArticle a = alerting(T0);
        NewsArticle corrected = Articles.corrected(a, a.getBody() + "\n\nCorrection.");
        String neverSeenAgain = "0123456789abcdef";
        try (TopologyTestDriver d = driver()) {
            KeyValueStore<String, RevisionState> byId = byId(d);
            // what a store written by the previous version holds (restored from its changelog)
            byId.put(a.getId(), legacy("3:" + a.getContentHash()));
            byId.put(neverSeenAgain, legacy("1:feedbeef"));
            TestInputTopic<String, NewsArticle> in = raw(d);

            pipe(in, a);
            assertThat(counters.repeats()).isEqualTo(1);
            // the first punctuation gave the entry never seen again a last sighting: now
            assertThat(byId.get(neverSeenAgain).lastSeenMs()).isEqualTo(T0.toEpochMilli());

            pipe(in, corrected);
            assertThat(scored(d).readValuesToList())
                    .extracting(ScoredArticle::getRevision)
                    .containsExactly(4);
            assertThat(byId.get(a.getId()).recentHashes())
                    .containsExactly(a.getContentHash(), corrected.getContentHash());

            pipe(in, filler(T0.plus(RETENTION).plusSeconds(1)));
            assertThat(byId.get(neverSeenAgain)).isNull();
            assertThat(byId.get(a.getId())).isNull();
            assertThat(index(d))
                    .extracting(kv -> kv.value)
                    .doesNotContain(a.getId(), neverSeenAgain)
                    .contains(Long.toString(T0.toEpochMilli())); // the marker: legacy entries indexed then
            assertThat(counters.expired()).isEqualTo(2);
        }
    }

    private static RevisionState legacy(String value) {
        return RevisionState.serde().deserializer().deserialize("changelog", value.getBytes(StandardCharsets.UTF_8));
    }

    private static KeyValueStore<String, RevisionState> byId(TopologyTestDriver d) {
        return d.getKeyValueStore(ScoringTopology.REVISIONS_STORE);
    }

    private static List<KeyValue<String, String>> index(TopologyTestDriver d) {
        KeyValueStore<String, String> store = d.getKeyValueStore(ScoringTopology.REVISIONS_BY_LAST_SEEN_STORE);
        List<KeyValue<String, String>> all = new ArrayList<>();
        try (KeyValueIterator<String, String> it = store.all()) {
            it.forEachRemaining(all::add);
        }
        return all;
    }
}
