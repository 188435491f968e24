package io.newsradar.scoring;

import io.newsradar.avro.Alert;
import io.newsradar.avro.NewsArticle;
import io.newsradar.avro.ScoredArticle;
import io.newsradar.schemas.topics.TopicDef;
import io.newsradar.schemas.topics.Topics;
import java.util.List;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.processor.TopicNameExtractor;
import org.apache.kafka.streams.state.Stores;

/**
 * The scoring topology: {@code news.raw.v1} -> validate -> dedupe -> tag, score, route ->
 * {@code news.scored.v1} and {@code alerts.<route>.v1}.
 *
 * <p>Errors are not handled here: a record that cannot be decoded or raises while being
 * processed goes to {@code news.dlq.v1} through Kafka Streams' own dead-letter queue, configured
 * in {@link ScoringApp#streamsProperties}. Record timestamps pass through unchanged, so every
 * output carries the article's event time, never the wall clock.
 *
 * <p>Every node and the store are named, so the changelog topic and processor names stay stable
 * when the topology grows.
 */
public final class ScoringTopology {
    /** Per article id: last revision and content hash (see {@link RevisionTracker}). */
    public static final String REVISIONS_STORE = "article-revisions";

    private ScoringTopology() {}

    public static Topology build(ScoringRules rules) {
        return build(ScoringEngine.of(rules), new ScoringCounters());
    }

    /** Pure: builds the graph, touches no network or disk. */
    public static Topology build(ScoringEngine engine, ScoringCounters counters) {
        StreamsBuilder builder = new StreamsBuilder();
        builder.addStateStore(Stores.keyValueStoreBuilder(
                        Stores.persistentKeyValueStore(REVISIONS_STORE), Serdes.String(), RevisionState.serde())
                // writes go to the changelog at once rather than at the next cache flush; the store
                // is read once per record, so a cache would save little
                .withCachingDisabled());

        TopicDef<String, NewsArticle> raw = Topics.NEWS_RAW;
        KStream<String, ScoredArticle> scored = builder.stream(
                        raw.name(),
                        Consumed.with(raw.keySerde(), raw.valueSerde()).withName("news-raw"))
                .mapValues(ArticleValidator::validate, Named.as("validate"))
                .processValues(
                        () -> new RevisionTracker(REVISIONS_STORE, counters), Named.as("dedupe"), REVISIONS_STORE)
                .mapValues(
                        revised -> {
                            ScoredArticle s = engine.score(revised.article(), revised.revision());
                            counters.countScored();
                            return s;
                        },
                        Named.as("tag-score-route"));

        TopicDef<String, ScoredArticle> out = Topics.NEWS_SCORED;
        scored.to(out.name(), Produced.with(out.keySerde(), out.valueSerde()).withName("news-scored"));

        // One alert per matched route, keyed by story id. The topic comes from the alert's route,
        // so routes added by new rules need no new sink node. No KTable on this path: nothing
        // caches alerts, they leave with the next commit.
        TopicDef<String, Alert> alertShape = Topics.alerts(Topics.DEFENSE_AI_ROUTE);
        TopicNameExtractor<String, Alert> alertTopic =
                (key, alert, ctx) -> Topics.alerts(alert.getRoute()).name();
        scored.flatMap(
                        (articleId, s) -> {
                            List<Alert> alerts = engine.alerts(s);
                            return alerts.stream()
                                    .map(a -> KeyValue.pair(a.getStoryId(), a))
                                    .toList();
                        },
                        Named.as("alerts"))
                .to(
                        alertTopic,
                        Produced.with(alertShape.keySerde(), alertShape.valueSerde())
                                .withName("alerts-out"));

        return builder.build();
    }
}
