package io.newsradar.cli;

import java.util.Map;
import java.util.Set;

/**
 * The metric names the scoring stream and the alert sink export, as the operations design
 * declares them (docs/metrics.md of the metrics work: ScoringMeters, SinkMeters, the Kafka
 * binders), for as long as this branch cannot start those services with their /metrics. Each was
 * seen in a real scrape of ScoringHttp and SinkHttp on the metrics branch.
 * MonitoringMetricNamesIntegrationTest scrapes the real ingest service; once ScoringHttp and
 * SinkHttp are on the same branch it scrapes those too and this list goes.
 */
final class DeclaredServiceExports {
    private DeclaredServiceExports() {}

    private static final Set<String> JVM = Set.of(
            "jvm_memory_used_bytes",
            "jvm_memory_max_bytes",
            "jvm_threads_live_threads",
            "process_cpu_usage",
            "process_uptime_seconds");

    private static final Set<String> KAFKA_CONSUMER = Set.of(
            "kafka_consumer_fetch_manager_records_lag",
            "kafka_consumer_fetch_manager_records_lag_max",
            "kafka_consumer_fetch_manager_records_consumed_total",
            "kafka_consumer_coordinator_rebalance_total",
            "kafka_consumer_last_poll_seconds_ago");

    static Map<String, Set<String>> scoringAndSink() {
        return Map.of(
                "scoring (declared)",
                union(
                        JVM,
                        KAFKA_CONSUMER,
                        Set.of(
                                "kafka_stream_alive_stream_threads",
                                "kafka_stream_failed_stream_threads_total",
                                "newsradar_scoring_scored_total",
                                "newsradar_scoring_repeats_total",
                                "newsradar_scoring_revisions_total",
                                "newsradar_scoring_dead_lettered_total",
                                "newsradar_scoring_rule_errors_total",
                                "newsradar_scoring_stories_started_total",
                                "newsradar_scoring_muted_total",
                                "newsradar_scoring_retractions_total",
                                "newsradar_scoring_alerts_total")),
                "sink (declared)",
                union(
                        JVM,
                        KAFKA_CONSUMER,
                        Set.of(
                                "newsradar_sink_alerts_received_total",
                                "newsradar_sink_deliveries_total",
                                "newsradar_sink_retries_total",
                                "newsradar_sink_dead_lettered_total")));
    }

    @SafeVarargs
    private static Set<String> union(Set<String>... sets) {
        java.util.Set<String> all = new java.util.TreeSet<>();
        for (Set<String> s : sets) {
            all.addAll(s);
        }
        return all;
    }
}
