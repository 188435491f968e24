package io.newsradar.scoring.query;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.newsradar.scoring.query.LocalQueries.RecentAlert;
import io.newsradar.scoring.query.LocalQueries.TagMinute;
import io.newsradar.scoring.query.LocalQueries.TagMinutes;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class MergesTest {
    private static final long T0 = 1_764_482_400_000L; // 2025-11-30T06:00:00Z
    private static final long MIN = 60_000;

    @Test
    void quantilesComeFromTheMergedHistogramNotFromAveragedQuantiles() {
        // instance A: 99 fast records; instance B: 1 slow one. The application's median is fast.
        LatencyHistogram a = new LatencyHistogram();
        for (int i = 0; i < 99; i++) {
            a.record(10);
        }
        LatencyHistogram b = new LatencyHistogram();
        b.record(10_000);
        Histogram ha = LatencyHistogram.decode(LatencyHistogram.encode(a.snapshot()));
        Histogram hb = LatencyHistogram.decode(LatencyHistogram.encode(b.snapshot()));
        long averagedP50 = (ha.getValueAtPercentile(50) + hb.getValueAtPercentile(50)) / 2;

        Map<String, Object> merged = Merges.quantiles(Merges.histograms(List.of(ha, hb)));

        assertThat(merged).containsEntry("count", 100L).containsEntry("minMs", 10L);
        assertThat((Long) merged.get("p50Ms")).isEqualTo(10L).isNotEqualTo(averagedP50);
        assertThat((Long) merged.get("p95Ms")).isEqualTo(10L);
        // p99 is the 99th record: still a fast one; the max is the slow one (HdrHistogram precision)
        assertThat((Long) merged.get("p99Ms")).isEqualTo(10L);
        assertThat((Long) merged.get("maxMs")).isBetween(10_000L, 10_010L);
    }

    @Test
    void mergedHistogramEqualsOneHistogramOfAllValues() {
        LatencyHistogram a = new LatencyHistogram();
        LatencyHistogram b = new LatencyHistogram();
        LatencyHistogram all = new LatencyHistogram();
        for (long v = 1; v <= 500; v++) {
            (v % 3 == 0 ? a : b).record(v * 7);
            all.record(v * 7);
        }
        Histogram merged = Merges.histograms(List.of(a.snapshot(), b.snapshot()));
        assertThat(Merges.quantiles(merged)).isEqualTo(Merges.quantiles(all.snapshot()));
        assertThat(merged).isEqualTo(all.snapshot());
    }

    @Test
    void emptyHistogramsHaveACountAndNoQuantiles() {
        Map<String, Object> q = Merges.quantiles(Merges.histograms(List.of()));
        assertThat(q).containsEntry("count", 0L).containsEntry("p50Ms", null).containsEntry("maxMs", null);
    }

    @Test
    void snapshotsAccumulateAndNegativeLatenciesCountAsZero() {
        LatencyHistogram h = new LatencyHistogram();
        h.record(5);
        assertThat(h.snapshot().getTotalCount()).isEqualTo(1);
        h.record(-40);
        Histogram s = h.snapshot();
        assertThat(s.getTotalCount()).isEqualTo(2);
        assertThat(s.getMinValue()).isZero();
    }

    @Test
    void topTagsAddCountsAndScoreSumsPerTagAcrossInstancesBeforeDividing() {
        // A holds defense-ai in two minutes, B holds it in a third; means of means would be wrong
        TagMinutes a = new TagMinutes(
                OptionalLong.of(T0 + 3 * MIN),
                List.of(
                        new TagMinute("defense-ai", T0, 3, 9.0),
                        new TagMinute("defense-ai", T0 + MIN, 1, 1.0),
                        new TagMinute("chips", T0 + 2 * MIN, 2, 10.0)));
        TagMinutes b = new TagMinutes(
                OptionalLong.of(T0 + 5 * MIN),
                List.of(
                        new TagMinute("defense-ai", T0 + 4 * MIN, 1, 5.0),
                        new TagMinute("space", T0 + 4 * MIN, 2, 4.0)));

        Merges.TopTags top = Merges.topTags(List.of(a, b, TagMinutes.none()), 60, 10);

        assertThat(top.untilMs()).hasValue(T0 + 5 * MIN);
        assertThat(top.fromMs()).hasValue(T0 + 5 * MIN - 60 * MIN);
        assertThat(top.tags())
                .containsExactly(
                        new Merges.TagTotal("defense-ai", 5, 15.0 / 5),
                        new Merges.TagTotal("chips", 2, 5.0),
                        new Merges.TagTotal("space", 2, 2.0));
    }

    @Test
    void topTagsCountOnlyWindowsInsideTheRangeBeforeTheNewestEndAndCutAtTheLimit() {
        TagMinutes a = new TagMinutes(
                OptionalLong.of(T0 + 10 * MIN),
                List.of(
                        new TagMinute("old", T0 + 4 * MIN, 50, 50.0), // starts before from: out
                        new TagMinute("x", T0 + 5 * MIN, 1, 1.0), // starts at from: in
                        new TagMinute("y", T0 + 9 * MIN, 2, 2.0),
                        new TagMinute("z", T0 + 9 * MIN, 2, 2.0)));
        Merges.TopTags top = Merges.topTags(List.of(a), 5, 2);
        assertThat(top.tags()).extracting(Merges.TagTotal::tag).containsExactly("y", "z");
        assertThat(Merges.topTags(List.of(a), 5, 10).tags())
                .extracting(Merges.TagTotal::tag)
                .containsExactly("y", "z", "x");
    }

    @Test
    void noWindowsAnywhereIsAnEmptyRange() {
        Merges.TopTags top = Merges.topTags(List.of(TagMinutes.none()), 60, 10);
        assertThat(top.untilMs()).isEmpty();
        assertThat(top.tags()).isEmpty();
    }

    @Test
    void recentAlertsAreTheNewestOfAllPartsByEventTimeThenAlertId() {
        List<RecentAlert> a = List.of(alert(T0 + 5, "s1:r:1"), alert(T0 + 1, "s2:r:1"));
        List<RecentAlert> b = List.of(alert(T0 + 5, "s0:r:1"), alert(T0 + 3, "s3:r:1"), alert(T0, "s4:r:1"));
        assertThat(Merges.recentAlerts(List.of(a, b), 4))
                .extracting(RecentAlert::alertId)
                .containsExactly("s1:r:1", "s0:r:1", "s3:r:1", "s2:r:1");
    }

    @Test
    void anAlertInTwoPartsIsListedOnce() {
        List<RecentAlert> a = List.of(alert(T0, "s1:r:1"));
        assertThat(Merges.recentAlerts(List.of(a, a), 10)).hasSize(1);
    }

    @Test
    void scoreBucketsAddUpAndScoresLandInTheirBuckets() {
        ScoreBuckets a = new ScoreBuckets();
        a.record(0);
        a.record(0.99);
        a.record(9.5);
        a.record(10);
        ScoreBuckets b = new ScoreBuckets();
        b.record(1.0);
        b.record(-3);
        assertThat(Merges.scores(List.of(a.counts(), b.counts()))).containsExactly(3, 1, 0, 0, 0, 0, 0, 0, 0, 2);
    }

    private static RecentAlert alert(long t, String id) {
        return new RecentAlert(t, id, JsonNodeFactory.instance.objectNode().put("alertId", id));
    }
}
