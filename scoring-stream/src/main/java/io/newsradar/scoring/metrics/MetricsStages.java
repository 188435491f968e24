package io.newsradar.scoring.metrics;

import io.newsradar.avro.ScoredArticle;
import io.newsradar.avro.Tag;
import io.newsradar.schemas.alert.AlertStatus;
import io.newsradar.schemas.topics.TopicDef;
import io.newsradar.schemas.topics.Topics;
import io.newsradar.scoring.ScoringCounters;
import io.newsradar.scoring.stories.StoryOutput;
import java.util.List;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.kstream.TimeWindows;
import org.apache.kafka.streams.state.WindowStore;

/**
 * The per-minute figures for dashboards, in windowed KTables fed by the story desk's outputs
 * (event time: every record's timestamp is the article's publish time):
 * <ul>
 *   <li>per tag of each scored record: articles and score sum, in {@value #TAG_MINUTES_STORE},
 *       each update as JSON to {@code metrics.tags.v1} keyed by tag;</li>
 *   <li>per route: alerts and their counts by status, in {@value #ROUTE_MINUTES_STORE}, each
 *       update as JSON to {@code metrics.routes.v1} keyed by route.</li>
 * </ul>
 *
 * <p>Each aggregate repartitions its records by its key ({@value #TAGS_REPARTITION}: one record
 * per tag of each scored record; {@value #ROUTES_REPARTITION}: one per alert). Right after the
 * repartition, in the aggregation's own sub-topology, {@link LateRecords} counts the records too
 * late for their window and keeps them out of the aggregation, so that none is dropped silently
 * (nor counted among Kafka Streams' dropped records, which the service reports as dead letters).
 * Updates leave after the store's record cache (one per window and commit at most), without
 * suppression: readers keep the last record per (key, window start).
 *
 * <p>Every node, store and internal topic is named, so the changelog and repartition topics keep
 * their names when the topology grows. Formats and semantics: docs/metrics-topics.md.
 */
public final class MetricsStages {
    /** Per tag and minute window: {@link TagMinute}. Queried by the interactive queries. */
    public static final String TAG_MINUTES_STORE = "metrics-tag-minutes";
    /** Per route and minute window: {@link RouteMinute}. */
    public static final String ROUTE_MINUTES_STORE = "metrics-route-minutes";

    /** The repartition by tag: topic {@code <application id>-metrics-tags-by-tag-repartition}. */
    public static final String TAGS_REPARTITION = "metrics-tags-by-tag";
    /** The repartition by route: topic {@code <application id>-metrics-alerts-by-route-repartition}. */
    public static final String ROUTES_REPARTITION = "metrics-alerts-by-route";

    /** The aggregates, as named in the late counters ({@link ScoringCounters#metricsLate}). */
    public static final String TAGS = "tags";

    public static final String ROUTES = "routes";
    public static final List<String> AGGREGATES = List.of(TAGS, ROUTES);

    private MetricsStages() {}

    /**
     * Adds both aggregates and their output topics, fed by the desk's records. The builder is not
     * used yet (the stores come with the DSL aggregations); it is taken so a later stage can add
     * stores of its own without changing the call in the topology.
     */
    public static void add(
            StreamsBuilder builder,
            KStream<String, StoryOutput> desk,
            MetricsSettings settings,
            ScoringCounters counters) {
        TimeWindows minutes = TimeWindows.ofSizeAndGrace(MetricsSettings.WINDOW, settings.grace());
        addTags(desk, minutes, settings, counters);
        addRoutes(desk, minutes, settings, counters);
    }

    private static void addTags(
            KStream<String, StoryOutput> desk,
            TimeWindows minutes,
            MetricsSettings settings,
            ScoringCounters counters) {
        TopicDef<String, String> out = Topics.METRICS_TAGS;
        desk.flatMap((storyId, output) -> tagScores(output), Named.as("metrics-tag-scores"))
                .repartition(Repartitioned.<String, Double>as(TAGS_REPARTITION)
                        .withKeySerde(Serdes.String())
                        .withValueSerde(Serdes.Double()))
                .processValues(
                        () -> new LateRecords<String, Double>(minutes, TAGS, counters), Named.as("metrics-tags-late"))
                .groupByKey(Grouped.with("metrics-tags-grouped", Serdes.String(), Serdes.Double()))
                .windowedBy(minutes)
                .aggregate(
                        () -> TagMinute.EMPTY,
                        (tag, score, minute) -> minute.add(score),
                        Named.as("metrics-tag-minutes-aggregate"),
                        Materialized.<String, TagMinute, WindowStore<Bytes, byte[]>>as(TAG_MINUTES_STORE)
                                .withKeySerde(Serdes.String())
                                .withValueSerde(TagMinute.serde())
                                .withRetention(settings.retention()))
                .toStream(Named.as("metrics-tag-minutes-updates"))
                .process(() -> new MinuteRecords<TagMinute>(MetricsJson::tag), Named.as("metrics-tags-json"))
                .to(out.name(), Produced.with(out.keySerde(), out.valueSerde()).withName("metrics-tags-out"));
    }

    private static void addRoutes(
            KStream<String, StoryOutput> desk,
            TimeWindows minutes,
            MetricsSettings settings,
            ScoringCounters counters) {
        TopicDef<String, String> out = Topics.METRICS_ROUTES;
        desk.flatMap((storyId, output) -> routeStatuses(output), Named.as("metrics-alert-statuses"))
                .repartition(Repartitioned.<String, String>as(ROUTES_REPARTITION)
                        .withKeySerde(Serdes.String())
                        .withValueSerde(Serdes.String()))
                .processValues(
                        () -> new LateRecords<String, String>(minutes, ROUTES, counters),
                        Named.as("metrics-routes-late"))
                .groupByKey(Grouped.with("metrics-routes-grouped", Serdes.String(), Serdes.String()))
                .windowedBy(minutes)
                .aggregate(
                        () -> RouteMinute.EMPTY,
                        (route, status, minute) -> minute.add(status),
                        Named.as("metrics-route-minutes-aggregate"),
                        Materialized.<String, RouteMinute, WindowStore<Bytes, byte[]>>as(ROUTE_MINUTES_STORE)
                                .withKeySerde(Serdes.String())
                                .withValueSerde(RouteMinute.serde())
                                .withRetention(settings.retention()))
                .toStream(Named.as("metrics-route-minutes-updates"))
                .process(() -> new MinuteRecords<RouteMinute>(MetricsJson::route), Named.as("metrics-routes-json"))
                .to(out.name(), Produced.with(out.keySerde(), out.valueSerde()).withName("metrics-routes-out"));
    }

    /** One (tag id, score) per distinct tag of the scored record; none for a retraction. */
    static List<KeyValue<String, Double>> tagScores(StoryOutput output) {
        ScoredArticle scored = output.scored();
        if (scored == null) {
            return List.of();
        }
        return scored.getTags().stream()
                .map(Tag::getId)
                .distinct()
                .map(tag -> KeyValue.pair(tag, scored.getScore()))
                .toList();
    }

    /** One (route, status) per alert; a v1 alert (no status) by its lifecycle. */
    static List<KeyValue<String, String>> routeStatuses(StoryOutput output) {
        return output.alerts().stream()
                .map(a -> KeyValue.pair(a.getRoute(), AlertStatus.of(a)))
                .toList();
    }
}
