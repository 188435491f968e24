package io.newsradar.schemas.topics;

import io.newsradar.avro.Alert;
import io.newsradar.avro.NewsArticle;
import io.newsradar.avro.ScoredArticle;
import io.newsradar.schemas.serde.AvroSerdes;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.kafka.common.serialization.Serdes;

/**
 * The topic catalogue. The only place topic names are written down; see DESIGN.md § Topics.
 */
public final class Topics {
    /** Raw articles, keyed by article id (stable hash of the canonical URL). */
    public static final TopicDef<String, NewsArticle> NEWS_RAW =
            new TopicDef<>("news.raw.v1", Serdes.String(), AvroSerdes.newsArticle(), false);

    /** Articles with tags, score, contributions and rationale, keyed by article id. */
    public static final TopicDef<String, ScoredArticle> NEWS_SCORED =
            new TopicDef<>("news.scored.v1", Serdes.String(), AvroSerdes.scoredArticle(), false);

    /** Records the scoring stream could not process: original key and bytes, with error headers. */
    public static final TopicDef<byte[], byte[]> NEWS_DLQ =
            new TopicDef<>("news.dlq.v1", Serdes.ByteArray(), Serdes.ByteArray(), false);

    /** Alerts the sink could not deliver, keyed by alert id, value alert JSON. */
    public static final TopicDef<String, String> DELIVERY_DLQ =
            new TopicDef<>("delivery.dlq.v1", Serdes.String(), Serdes.String(), false);

    /**
     * Ruleset publications, keyed {@code <ruleset name>#<10-digit sequence>} (one key per
     * publication), value the publication's JSON with the bundle text. Compacted, and since no key
     * is written twice, compaction keeps every publication: the history {@code rules history} and
     * {@code rules rollback} read. No retention: a deleted publication could leave a bad ruleset
     * as the only one. Read by every scoring instance into a global store.
     */
    public static final TopicDef<String, String> RULES =
            new TopicDef<>("rules.v1", Serdes.String(), Serdes.String(), true);

    /**
     * The listed feeds, keyed by stable feed id, {@code FeedRecord} JSON values, a tombstone
     * removes a feed; compacted. Partitioned by the host of the listed URL ({@code FeedPartitions},
     * set explicitly by every writer), so the ingest instances, consuming it as one group, split
     * the feeds host by host. Same partition count as {@link #FEEDS_STATE}.
     */
    public static final TopicDef<String, String> FEEDS =
            new TopicDef<>("feeds.v1", Serdes.String(), Serdes.String(), true);

    /**
     * Per-feed polling state ({@code FeedState} JSON), keyed by stable feed id, partitioned like
     * {@link #FEEDS}; compacted. Written in one transaction with the poll's items.
     */
    public static final TopicDef<String, String> FEEDS_STATE =
            new TopicDef<>("feeds.state.v1", Serdes.String(), Serdes.String(), true);

    /**
     * Analysts' mutes, keyed {@code <kind>:<value>} (kind {@code story}, {@code source} or {@code
     * tag}), {@code MuteRecord} JSON values with the end of the period; a tombstone unmutes.
     * Compacted. Named outside the {@code alerts.} prefix on purpose: it carries no alerts, and
     * alert consumers subscribe to that prefix. Read by every scoring instance into a global store.
     */
    public static final TopicDef<String, String> MUTES =
            new TopicDef<>("mutes.v1", Serdes.String(), Serdes.String(), true);

    /**
     * Per-minute tag figures for dashboards (articles scored with the tag and their mean score, by
     * event time), keyed by tag, JSON values; each record is the latest figure of one tag's minute,
     * so a reader keeps the last record per (tag, window start). Written by the scoring stream.
     */
    public static final TopicDef<String, String> METRICS_TAGS =
            new TopicDef<>("metrics.tags.v1", Serdes.String(), Serdes.String(), false);

    /**
     * Per-minute alert counts per route for dashboards (by event time), keyed by route, JSON values;
     * latest figure per (route, window start), like {@link #METRICS_TAGS}. Named outside the {@code
     * alerts.} prefix: it counts alerts but carries none, and alert consumers subscribe to that prefix.
     */
    public static final TopicDef<String, String> METRICS_ROUTES =
            new TopicDef<>("metrics.routes.v1", Serdes.String(), Serdes.String(), false);

    /** The route every default ruleset has: defense x AI signals. */
    public static final String DEFENSE_AI_ROUTE = "defense-ai";

    /** The default ruleset's broader watch: defense news involving Korea or Japan. */
    public static final String DEFENSE_KOREA_JAPAN_ROUTE = "defense-korea-japan";

    /**
     * The routes of the default ruleset (config/routes.yaml), whose alert topics are part of the
     * default catalogue; a test in scoring-stream keeps the two lists equal.
     */
    public static final List<String> DEFAULT_ROUTES = List.of(DEFENSE_AI_ROUTE, DEFENSE_KOREA_JAPAN_ROUTE);

    /** Matches every alert topic; what alert consumers subscribe to. */
    public static final Pattern ALERT_TOPICS = Pattern.compile("alerts\\.[a-z0-9][a-z0-9-]*\\.v1");

    private static final Pattern ROUTE_NAME = Pattern.compile("[a-z0-9][a-z0-9-]*");

    private Topics() {}

    /** The alert topic of a route: {@code alerts.<route>.v1}, keyed by story id. */
    public static TopicDef<String, Alert> alerts(String route) {
        if (route == null || !ROUTE_NAME.matcher(route).matches()) {
            throw new IllegalArgumentException(
                    "route name must be lower-case letters, digits and '-', starting with a letter or digit: " + route);
        }
        return new TopicDef<>("alerts." + route + ".v1", Serdes.String(), AvroSerdes.alert(), false);
    }

    /** Every topic that exists whatever the rules say. */
    public static List<TopicDef<?, ?>> fixed() {
        return List.of(
                NEWS_RAW,
                NEWS_SCORED,
                NEWS_DLQ,
                DELIVERY_DLQ,
                RULES,
                FEEDS,
                FEEDS_STATE,
                MUTES,
                METRICS_TAGS,
                METRICS_ROUTES);
    }

    /** The fixed topics plus the alert topic of each route given. */
    public static List<TopicDef<?, ?>> withRoutes(Collection<String> routes) {
        List<TopicDef<?, ?>> all = new ArrayList<>(fixed());
        routes.forEach(r -> all.add(alerts(r)));
        return List.copyOf(all);
    }

    /** The whole default catalogue: fixed topics and the default routes' alert topics. */
    public static List<TopicDef<?, ?>> all() {
        return withRoutes(DEFAULT_ROUTES);
    }
}
