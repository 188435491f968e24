package io.newsradar.scoring.metrics;

import static io.newsradar.scoring.metrics.DeskRecords.alert;
import static io.newsradar.scoring.metrics.DeskRecords.scored;
import static org.assertj.core.api.Assertions.assertThat;

import io.newsradar.avro.AlertLifecycle;
import io.newsradar.schemas.alert.AlertStatus;
import io.newsradar.scoring.stories.StoryOutput;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The per-minute tag and route windows on TopologyTestDriver, with a stand-in desk. */
class MetricsStagesTest {
    private static final Instant SIX = Instant.parse("2026-11-30T06:00:00Z");

    @TempDir
    Path stateDir;

    private MetricsDriver driver() {
        return new MetricsDriver(MetricsSettings.defaults(), stateDir);
    }

    private static Instant at(String hhmmss) {
        return Instant.parse("2026-11-30T" + hhmmss + "Z");
    }

    /** The last record per (key, window start), as a reader keeps them. */
    private static Map<String, String> lastPerWindow(List<TestRecord<String, String>> records) {
        Map<String, String> last = new LinkedHashMap<>();
        records.forEach(r -> last.put(r.key() + "@" + r.getRecordTime(), r.value()));
        return last;
    }

    @Test
    void shouldPublishEachUpdateOfATagMinuteWithArticlesScoreSumAndMean() {
        try (MetricsDriver d = driver()) {
            d.pipe(scored("one", at("06:00:05"), 4.0, "defense-ai", "artificial-intelligence"));
            d.pipe(scored("two", at("06:00:20"), 4.5, "defense-ai"));
            d.pipe(scored("three", at("06:00:59.999"), 4.0, "defense-ai"));
            d.pipe(scored("four", at("06:01:00"), 9.0, "defense-ai"));

            List<TestRecord<String, String>> records = d.tags.readRecordsToList();
            assertThat(records)
                    .filteredOn(r -> r.key().equals("defense-ai"))
                    .extracting(TestRecord::value)
                    .containsExactly(
                            "{\"format\":1,\"tag\":\"defense-ai\",\"windowStart\":\"2026-11-30T06:00:00Z\","
                                    + "\"windowEnd\":\"2026-11-30T06:01:00Z\",\"articles\":1,\"scoreSum\":4.0,"
                                    + "\"meanScore\":4.0}",
                            "{\"format\":1,\"tag\":\"defense-ai\",\"windowStart\":\"2026-11-30T06:00:00Z\","
                                    + "\"windowEnd\":\"2026-11-30T06:01:00Z\",\"articles\":2,\"scoreSum\":8.5,"
                                    + "\"meanScore\":4.25}",
                            "{\"format\":1,\"tag\":\"defense-ai\",\"windowStart\":\"2026-11-30T06:00:00Z\","
                                    + "\"windowEnd\":\"2026-11-30T06:01:00Z\",\"articles\":3,\"scoreSum\":12.5,"
                                    + "\"meanScore\":4.1667}",
                            "{\"format\":1,\"tag\":\"defense-ai\",\"windowStart\":\"2026-11-30T06:01:00Z\","
                                    + "\"windowEnd\":\"2026-11-30T06:02:00Z\",\"articles\":1,\"scoreSum\":9.0,"
                                    + "\"meanScore\":9.0}");
            // keyed by tag, stamped with the window's start (event time), whatever the article's own time
            assertThat(records)
                    .filteredOn(r -> r.key().equals("defense-ai"))
                    .extracting(TestRecord::getRecordTime)
                    .containsExactly(SIX, SIX, SIX, at("06:01:00"));
            assertThat(lastPerWindow(records))
                    .containsEntry(
                            "artificial-intelligence@" + SIX,
                            "{\"format\":1,\"tag\":\"artificial-intelligence\",\"windowStart\":"
                                    + "\"2026-11-30T06:00:00Z\",\"windowEnd\":\"2026-11-30T06:01:00Z\",\"articles\":1,"
                                    + "\"scoreSum\":4.0,\"meanScore\":4.0}")
                    .hasSize(3);
            // the store holds the exact sums, for the interactive queries
            assertThat(d.tagStore().fetch("defense-ai", SIX.toEpochMilli()).value())
                    .isEqualTo(new TagMinute(3, 12.5));
            assertThat(d.counters.metricsLate(MetricsStages.TAGS)).isZero();
        }
    }

    @Test
    void shouldCountAnArticleOncePerTagAndNothingForARetraction() {
        StoryOutput twice = new StoryOutput(scored("dup", SIX, 5.0, "ai", "ai", "defense"), List.of());
        assertThat(MetricsStages.tagScores(twice))
                .containsExactly(KeyValue.pair("ai", 5.0), KeyValue.pair("defense", 5.0));
        StoryOutput retraction = new StoryOutput(null, List.of(alert("s1", "defense-ai", AlertStatus.RETRACTED, SIX)));
        assertThat(MetricsStages.tagScores(retraction)).isEmpty();
        assertThat(MetricsStages.routeStatuses(retraction)).containsExactly(KeyValue.pair("defense-ai", "RETRACTED"));
    }

    @Test
    void shouldCountAlertsPerRouteAndMinuteByStatus() {
        try (MetricsDriver d = driver()) {
            d.pipe(alert("s1", "defense-ai", AlertStatus.NEW, SIX), at("06:00:01"));
            d.pipe(alert("s1", "defense-ai", AlertStatus.UPDATED, SIX), at("06:00:10"));
            d.pipe(alert("s2", "defense-ai", AlertStatus.UPDATED, SIX), at("06:00:30"));
            d.pipe(alert("s1", "defense-ai", AlertStatus.RETRACTED, SIX), at("06:00:45"));
            d.pipe(alert("s3", "cyber", AlertStatus.NEW, SIX), at("06:00:50"));
            d.pipe(DeskRecords.v1Alert("s4", "cyber", AlertLifecycle.UPDATED, SIX), at("06:00:55"));
            d.pipe(alert("s5", "defense-ai", AlertStatus.NEW, SIX), at("06:01:02"));

            List<TestRecord<String, String>> records = d.routes.readRecordsToList();
            assertThat(records).hasSize(7);
            assertThat(lastPerWindow(records))
                    .containsExactly(
                            Map.entry(
                                    "defense-ai@" + SIX,
                                    "{\"format\":1,\"route\":\"defense-ai\",\"windowStart\":\"2026-11-30T06:00:00Z\","
                                            + "\"windowEnd\":\"2026-11-30T06:01:00Z\",\"alerts\":4,\"byStatus\":"
                                            + "{\"NEW\":1,\"RETRACTED\":1,\"UPDATED\":2}}"),
                            Map.entry(
                                    "cyber@" + SIX,
                                    "{\"format\":1,\"route\":\"cyber\",\"windowStart\":\"2026-11-30T06:00:00Z\","
                                            + "\"windowEnd\":\"2026-11-30T06:01:00Z\",\"alerts\":2,\"byStatus\":"
                                            + "{\"NEW\":1,\"UPDATED\":1}}"),
                            Map.entry(
                                    "defense-ai@" + at("06:01:00"),
                                    "{\"format\":1,\"route\":\"defense-ai\",\"windowStart\":\"2026-11-30T06:01:00Z\","
                                            + "\"windowEnd\":\"2026-11-30T06:02:00Z\",\"alerts\":1,\"byStatus\":"
                                            + "{\"NEW\":1}}"));
            assertThat(d.driver
                            .<String, RouteMinute>getWindowStore(MetricsStages.ROUTE_MINUTES_STORE)
                            .fetch("defense-ai", SIX.toEpochMilli()))
                    .isEqualTo(new RouteMinute(4, Map.of("NEW", 1L, "UPDATED", 2L, "RETRACTED", 1L)));
            // the scored-record side saw nothing
            assertThat(d.tags.isEmpty()).isTrue();
        }
    }

    @Test
    void shouldCountARecordLateOnceTheStreamTimeReachesItsWindowEndPlusGrace() {
        // window [06:00, 06:01), grace 10 min: it closes when the stream time reaches 06:11:00.000
        try (MetricsDriver d = driver()) {
            d.pipe(scored("first", at("06:00:30"), 2.0, "x"));
            d.pipe(scored("clock 1", at("06:10:59.999"), 1.0, "clock"));
            d.pipe(scored("just in time", at("06:00:40"), 4.0, "x"));
            assertThat(d.counters.metricsLate(MetricsStages.TAGS)).isZero();

            d.pipe(scored("clock 2", at("06:11:00"), 1.0, "clock"));
            d.pipe(scored("at the close", at("06:00:50"), 8.0, "x"));
            assertThat(d.counters.metricsLate(MetricsStages.TAGS)).isEqualTo(1);

            d.pipe(scored("clock 3", at("06:11:00.001"), 1.0, "clock"));
            d.pipe(scored("after the close", at("06:00:55"), 8.0, "x"));
            // the next window is still open: [06:01, 06:02) closes at 06:12
            d.pipe(scored("next minute", at("06:01:30"), 6.0, "x"));
            assertThat(d.counters.metricsLate(MetricsStages.TAGS)).isEqualTo(2);

            List<TestRecord<String, String>> x = d.tags.readRecordsToList().stream()
                    .filter(r -> r.key().equals("x"))
                    .toList();
            assertThat(x)
                    .extracting(TestRecord::value)
                    .as("the two late records published nothing")
                    .containsExactly(
                            "{\"format\":1,\"tag\":\"x\",\"windowStart\":\"2026-11-30T06:00:00Z\",\"windowEnd\":"
                                    + "\"2026-11-30T06:01:00Z\",\"articles\":1,\"scoreSum\":2.0,\"meanScore\":2.0}",
                            "{\"format\":1,\"tag\":\"x\",\"windowStart\":\"2026-11-30T06:00:00Z\",\"windowEnd\":"
                                    + "\"2026-11-30T06:01:00Z\",\"articles\":2,\"scoreSum\":6.0,\"meanScore\":3.0}",
                            "{\"format\":1,\"tag\":\"x\",\"windowStart\":\"2026-11-30T06:01:00Z\",\"windowEnd\":"
                                    + "\"2026-11-30T06:02:00Z\",\"articles\":1,\"scoreSum\":6.0,\"meanScore\":6.0}");
            assertThat(d.tagStore().fetch("x", SIX.toEpochMilli()).value()).isEqualTo(new TagMinute(2, 6.0));
            // taken out before the aggregation: it dropped nothing itself, so nothing reads as a dead letter
            assertThat(d.droppedRecords()).isZero();
            assertThat(d.counters.metricsLate(MetricsStages.ROUTES)).isZero();
        }
    }

    @Test
    void shouldCountLateAlertsOnTheRoutesAggregate() {
        try (MetricsDriver d = new MetricsDriver(new MetricsSettings(Duration.ZERO, Duration.ofHours(1)), stateDir)) {
            d.pipe(alert("s1", "defense-ai", AlertStatus.NEW, SIX), at("06:01:00"));
            // grace 0: the 06:00 window closed when the stream time reached its end
            d.pipe(alert("s2", "defense-ai", AlertStatus.NEW, SIX), at("06:00:59.999"));
            assertThat(d.counters.metricsLate(MetricsStages.ROUTES)).isEqualTo(1);
            assertThat(d.counters.metricsLate(MetricsStages.TAGS)).isZero();
            assertThat(d.routes.readKeyValuesToList()).hasSize(1);
            assertThat(d.droppedRecords()).isZero();
        }
    }

    @Test
    void shouldTreatAFeedBacklogDaysOldAsLateOnceNewerArticlesWereSeen() {
        try (MetricsDriver d = driver()) {
            d.pipe(scored("today", at("06:00:00"), 3.0, "x"));
            for (int day = 1; day <= 3; day++) {
                d.pipe(scored("backlog " + day, SIX.minus(Duration.ofDays(day)), 3.0, "x"));
            }
            assertThat(d.counters.metricsLate(MetricsStages.TAGS)).isEqualTo(3);
            assertThat(d.tags.readKeyValuesToList()).hasSize(1);
        }
    }

    @Test
    void shouldKeepWindowsForTheRetentionAndExpireThemAfter() {
        // the shortest retention allowed with a 10-minute grace: an hour and ten minutes
        MetricsSettings settings = new MetricsSettings(Duration.ofMinutes(10), Duration.ofMinutes(70));
        // without the record cache: a cached window store answers a fetch from the cache, expired
        // or not, until the entry is evicted; the retention is the persistent store's
        Properties noCache = new Properties();
        noCache.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, 0);
        try (MetricsDriver d = new MetricsDriver(settings, stateDir, noCache)) {
            d.pipe(scored("old", at("06:00:30"), 5.0, "x"));
            d.pipe(scored("an hour later", at("07:05:00"), 5.0, "clock"));
            assertThat(d.tagStore().fetch("x", SIX.toEpochMilli()))
                    .as("65 minutes old, within the retention")
                    .isNotNull();

            d.pipe(scored("three hours later", at("09:00:00"), 5.0, "x"));
            assertThat(d.tagStore().fetch("x", SIX.toEpochMilli()))
                    .as("three hours old, past the retention")
                    .isNull();
            assertThat(d.tagStore().fetch("x", at("09:00:00").toEpochMilli()).value())
                    .isEqualTo(new TagMinute(1, 5.0));
        }
    }
}
