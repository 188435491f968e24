package io.newsradar.scoring.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.newsradar.avro.Alert;
import io.newsradar.avro.AlertLifecycle;
import io.newsradar.schemas.topics.Topics;
import io.newsradar.scoring.ScoringCounters;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The scoring meters over {@link ScoringCounters}, as a Prometheus scrape shows them. */
class ScoringMetersTest {
    private final ScoringCounters counters = new ScoringCounters();

    @Test
    void exportsTheCountersUnderTheirPrometheusNamesAndTheAlertsPerRoutePriorityAndStatus() {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        counters.countStoryStarted();
        counters.countAlert(alert(Topics.DEFENSE_AI_ROUTE, "high", "NEW"));
        try (ScoringMeters meters = ScoringMeters.bindCounters(registry, counters)) {
            // after the binding: kinds first seen now get their meter too
            counters.countAlert(alert(Topics.DEFENSE_AI_ROUTE, "high", "UPDATED"));
            counters.countAlert(alert(Topics.DEFENSE_AI_ROUTE, "high", "UPDATED"));
            counters.countAlert(alert(Topics.DEFENSE_KOREA_JAPAN_ROUTE, "normal", "NEW"));
            counters.countMuted();

            String scrape = registry.scrape();

            assertThat(scrape)
                    .contains("newsradar_scoring_scored_total 0.0")
                    .contains("newsradar_scoring_repeats_total 0.0")
                    .contains("newsradar_scoring_revisions_total 0.0")
                    .contains("newsradar_scoring_rule_errors_total 0.0")
                    .contains("newsradar_scoring_stories_started_total 1.0")
                    .contains("newsradar_scoring_story_copies_total 0.0")
                    .contains("newsradar_scoring_muted_total 1.0")
                    .contains("newsradar_scoring_retractions_total 0.0")
                    .contains("newsradar_scoring_updates_held_total 0.0")
                    .contains(
                            "newsradar_scoring_alerts_total{priority=\"high\",route=\"defense-ai\",status=\"NEW\"} 1.0")
                    .contains(
                            "newsradar_scoring_alerts_total{priority=\"high\",route=\"defense-ai\",status=\"UPDATED\"}"
                                    + " 2.0")
                    .contains("newsradar_scoring_alerts_total{priority=\"normal\",route=\"defense-korea-japan\","
                            + "status=\"NEW\"} 1.0");
        }
    }

    @Test
    void lateRecordsAreExportedPerAggregateFromZero() {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        try (ScoringMeters meters = ScoringMeters.bindCounters(registry, counters)) {
            counters.countMetricsLate("tags");
            counters.countMetricsLate("tags");

            String scrape = registry.scrape();
            assertThat(scrape)
                    .contains("newsradar_scoring_metrics_late_total{aggregate=\"tags\"} 2.0")
                    .contains("newsradar_scoring_metrics_late_total{aggregate=\"routes\"} 0.0");
        }
    }

    @Test
    void aV1AlertWithoutStatusCountsUnderItsLifecycle() {
        Alert v1 = alert(Topics.DEFENSE_AI_ROUTE, "high", "");
        v1.setLifecycle(AlertLifecycle.UPDATED);

        counters.countAlert(v1);

        assertThat(counters.alerts(new ScoringCounters.AlertKind(Topics.DEFENSE_AI_ROUTE, "high", "UPDATED")))
                .isEqualTo(1);
    }

    @Test
    void eachNewAlertKindIsAnnouncedOnceAndCloseRemovesTheMeters() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        List<ScoringCounters.AlertKind> announced = new ArrayList<>();
        Runnable stop = counters.onAlertKind(announced::add);
        counters.countAlert(alert(Topics.DEFENSE_AI_ROUTE, "high", "NEW"));
        counters.countAlert(alert(Topics.DEFENSE_AI_ROUTE, "high", "NEW"));
        stop.run();
        counters.countAlert(alert(Topics.DEFENSE_AI_ROUTE, "high", "RETRACTED"));
        assertThat(announced).containsExactly(new ScoringCounters.AlertKind(Topics.DEFENSE_AI_ROUTE, "high", "NEW"));

        ScoringMeters meters = ScoringMeters.bindCounters(registry, counters);
        assertThat(registry.get(ScoringMeters.ALERTS).functionCounters()).hasSize(2);
        assertThat(registry.get(ScoringMeters.ALERTS)
                        .tags("status", "NEW")
                        .functionCounter()
                        .count())
                .isEqualTo(2);
        meters.close();
        counters.countAlert(alert(Topics.DEFENSE_KOREA_JAPAN_ROUTE, "normal", "NEW"));
        assertThat(registry.find(ScoringMeters.ALERTS).meters()).isEmpty();
        assertThat(registry.find(ScoringMeters.SCORED).meters()).isEmpty();
    }

    private static Alert alert(String route, String priority, String status) {
        return Alert.newBuilder()
                .setAlertId("story-1:" + route + ":1")
                .setStoryId("story-1")
                .setRevision(1)
                .setLifecycle(AlertLifecycle.NEW)
                .setStatus(status)
                .setRoute(route)
                .setPriority(priority)
                .setArticleId("story-1")
                .setTitle("t")
                .setSource("s")
                .setPublishedAt(Instant.parse("2026-03-01T00:00:00Z"))
                .setScore(7.0)
                .setRationale("r")
                .setRulesVersion("v")
                // every defaulted field set: the builder would otherwise resolve defaults by reflection
                .setUrl(null)
                .setTags(List.of())
                .setContributions(List.of())
                .setKeyPoints(List.of())
                .setSequence(1)
                .setCoverage(1)
                .setOutlets(List.of())
                .setChange("")
                .build();
    }
}
