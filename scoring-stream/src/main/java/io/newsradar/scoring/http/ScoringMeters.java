package io.newsradar.scoring.http;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import io.newsradar.scoring.ScoringApp;
import io.newsradar.scoring.ScoringCounters;
import io.newsradar.scoring.ScoringCounters.AlertKind;
import io.newsradar.scoring.metrics.MetricsStages;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.ToDoubleFunction;
import org.apache.kafka.streams.KafkaStreams;

/**
 * The scoring service's meters in the process's registry: function counters over {@link
 * ScoringCounters} (read at scrape time, nothing is copied), the dead letters from Kafka Streams'
 * own dropped-records metric, alerts per route, priority and status, and Micrometer's {@link
 * KafkaStreamsMetrics} binder over the application's {@link KafkaStreams} (its stream, task and
 * store metrics and its clients' consumer, producer and admin metrics). Names and meaning: {@code
 * docs/metrics.md}.
 *
 * <p>Bind once per {@link ScoringApp}, before or after it starts; {@link #close()} (before or with
 * the app) removes the meters and stops the binder's refresh thread.
 */
public final class ScoringMeters implements AutoCloseable {
    public static final String SCORED = "newsradar.scoring.scored";
    public static final String REPEATS = "newsradar.scoring.repeats";
    public static final String REVISIONS = "newsradar.scoring.revisions";
    public static final String EXPIRED = "newsradar.scoring.revisions.expired";
    public static final String DEAD_LETTERED = "newsradar.scoring.dead.lettered";
    public static final String RULE_ERRORS = "newsradar.scoring.rule.errors";
    public static final String STORIES_STARTED = "newsradar.scoring.stories.started";
    public static final String STORY_COPIES = "newsradar.scoring.story.copies";
    public static final String STORY_MERGES = "newsradar.scoring.story.merges";
    public static final String MUTED = "newsradar.scoring.muted";
    public static final String RETRACTIONS = "newsradar.scoring.retractions";
    public static final String UNKNOWN_RETRACTIONS = "newsradar.scoring.retractions.unknown";
    public static final String UPDATES_HELD = "newsradar.scoring.updates.held";
    public static final String ALERTS = "newsradar.scoring.alerts";
    public static final String METRICS_LATE = "newsradar.scoring.metrics.late";

    /**
     * How often the Kafka binder looks for new Kafka metrics (a new stream thread, task or
     * partition registers its metrics when it appears): Micrometer's default is a minute, which
     * leaves a fresh instance without its lag metrics for that long.
     */
    static final Duration KAFKA_METRICS_REFRESH = Duration.ofSeconds(5);

    private final MeterRegistry registry;
    private final List<Meter> meters = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService refresh;
    private final KafkaStreamsMetrics kafka;
    private final Runnable stopAlertKinds;

    private ScoringMeters(MeterRegistry registry, ScoringCounters counters, ScoringApp app, KafkaStreams streams) {
        this.registry = Objects.requireNonNull(registry, "registry");
        counter(SCORED, "Articles scored (first revisions and corrections)", counters, ScoringCounters::scored);
        counter(REPEATS, "Exact repeats recognised and not scored again", counters, ScoringCounters::repeats);
        counter(
                REVISIONS,
                "Corrections: known ids with new content, scored again",
                counters,
                ScoringCounters::revisions);
        counter(EXPIRED, "Revision-store entries removed by retention", counters, ScoringCounters::expired);
        counter(RULE_ERRORS, "Rule evaluations that failed on an article", counters, ScoringCounters::ruleErrors);
        counter(STORIES_STARTED, "Articles that started a story", counters, ScoringCounters::storiesStarted);
        counter(STORY_COPIES, "Articles that joined another article's story", counters, ScoringCounters::storyCopies);
        counter(STORY_MERGES, "Articles whose bands proposed several stories", counters, ScoringCounters::storyMerges);
        counter(MUTED, "Articles that would have alerted but a mute held", counters, ScoringCounters::muted);
        counter(RETRACTIONS, "Retractions of articles of a known story", counters, ScoringCounters::retractions);
        counter(
                UNKNOWN_RETRACTIONS,
                "Retractions of ids no story knows",
                counters,
                ScoringCounters::unknownRetractions);
        counter(UPDATES_HELD, "UPDATED alerts held by the story's cool-down", counters, ScoringCounters::updatesHeld);
        // one series per windowed aggregate, there from the start (0 until a record is late)
        for (String aggregate : MetricsStages.AGGREGATES) {
            meters.add(FunctionCounter.builder(METRICS_LATE, counters, c -> c.metricsLate(aggregate))
                    .description("Records too late for their per-minute window (after window end + grace):"
                            + " counted, left out of metrics.tags.v1 / metrics.routes.v1")
                    .tag("aggregate", aggregate)
                    .register(registry));
        }
        if (app != null) {
            counter(
                    DEAD_LETTERED,
                    "Records sent to the dead-letter topic (Streams dropped-records)",
                    app,
                    ScoringApp::deadLettered);
        }
        this.stopAlertKinds = counters.onAlertKind(kind -> alertCounter(counters, kind));
        if (streams != null) {
            refresh = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "scoring-kafka-metrics");
                t.setDaemon(true); // never holds the JVM open
                return t;
            });
            kafka = new KafkaStreamsMetrics(streams, Tags.empty(), refresh, KAFKA_METRICS_REFRESH);
            kafka.bindTo(registry);
        } else {
            refresh = null;
            kafka = null;
        }
    }

    /** Every scoring meter, for {@code app}'s counters and its {@link KafkaStreams}. */
    public static ScoringMeters bind(MeterRegistry registry, ScoringApp app) {
        return new ScoringMeters(registry, app.counters(), app, app.streams());
    }

    /** The counters only, without Kafka Streams (no dead-letter count, no binder): for topology tests. */
    public static ScoringMeters bindCounters(MeterRegistry registry, ScoringCounters counters) {
        return new ScoringMeters(registry, counters, null, null);
    }

    private <T> void counter(String name, String help, T source, ToDoubleFunction<T> value) {
        meters.add(
                FunctionCounter.builder(name, source, value).description(help).register(registry));
    }

    private void alertCounter(ScoringCounters counters, AlertKind kind) {
        meters.add(FunctionCounter.builder(ALERTS, counters, c -> c.alerts(kind))
                .description("Alerts sent to the alert topics, by route, priority and status")
                .tag("route", kind.route())
                .tag("priority", kind.priority())
                .tag("status", kind.status())
                .register(registry));
    }

    /** Removes the meters and stops the Kafka binder. */
    @Override
    public void close() {
        stopAlertKinds.run();
        if (kafka != null) {
            kafka.close();
            refresh.shutdownNow();
        }
        meters.forEach(registry::remove);
        meters.clear();
    }
}
