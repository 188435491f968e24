package io.newsradar.scoring;

import io.newsradar.avro.Alert;
import io.newsradar.avro.NewsArticle;
import io.newsradar.avro.ScoredArticle;
import io.newsradar.schemas.topics.TopicDef;
import io.newsradar.schemas.topics.Topics;
import io.newsradar.scoring.feeds.FeedDirectory;
import io.newsradar.scoring.feeds.FeedStoreUpdater;
import io.newsradar.scoring.metrics.MetricsSettings;
import io.newsradar.scoring.metrics.MetricsStages;
import io.newsradar.scoring.mutes.MuteDirectory;
import io.newsradar.scoring.mutes.MuteStoreUpdater;
import io.newsradar.scoring.query.QueryStages;
import io.newsradar.scoring.ruleset.LiveRules;
import io.newsradar.scoring.ruleset.RulesetStoreUpdater;
import io.newsradar.scoring.ruleset.TopicCheck;
import io.newsradar.scoring.stories.BandFanOut;
import io.newsradar.scoring.stories.BandRecord;
import io.newsradar.scoring.stories.RetractionIntake;
import io.newsradar.scoring.stories.StoryOutput;
import io.newsradar.scoring.stories.StorySettings;
import io.newsradar.scoring.stories.StoryStages;
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
 * The scoring topology, in four stages (see {@link StoryStages} for the repartitions):
 * <ol>
 *   <li>by article id: {@code news.raw.v1} -> validate -> dedupe, tag, score at coverage 1 (one
 *       node, see {@link RevisionTracker}) -> one record per LSH band ({@link BandFanOut}); a
 *       tombstone becomes a retraction ({@link RetractionIntake});</li>
 *   <li>by band key: the band buckets propose a story ({@code BandMatcher});</li>
 *   <li>by article id: the votes choose the story ({@code StoryChooser});</li>
 *   <li>by story id: the story desk adds coverage, routes and alerts -> {@code news.scored.v1}
 *       (by article id) and {@code alerts.<route>.v1} (by story id).</li>
 * </ol>
 *
 * <p>Errors are not handled here: a record that cannot be decoded or raises while being
 * processed goes to {@code news.dlq.v1} through Kafka Streams' own dead-letter queue, configured
 * in {@link ScoringApp#streamsProperties}. Record timestamps pass through unchanged, so every
 * output carries the article's event time, never the wall clock.
 *
 * <p>The rules come from a {@link LiveRules} holder: the global store {@value #RULESETS_STORE}
 * mirrors {@code rules.v1}, and its processor swaps in each newer valid publication of the
 * followed ruleset. The scoring node reads the holder once per record.
 *
 * <p>The listed feeds come from {@code feeds.v1} the same way, into the global store {@value
 * #FEEDS_STORE} and a {@link FeedDirectory}: an article with a {@code feedId} gets its feed's
 * source weight and fixed tags. An article whose {@code alertHold} is set is scored and published
 * but routed nowhere: the story desk applies the hold (see {@link AlertHold}).
 *
 * <p>Every node and store is named, so the changelog topics and processor names stay stable
 * when the topology grows.
 */
public final class ScoringTopology {
    /** Per article id: last revision, recent content hashes, last sighting (see {@link RevisionTracker}). */
    public static final String REVISIONS_STORE = "article-revisions";
    /** The same entries by last sighting, for expiry by retention (see {@link RevisionStore}). */
    public static final String REVISIONS_BY_LAST_SEEN_STORE = "article-revisions-by-last-seen";

    /** Every {@code rules.v1} record by key: the publications of every ruleset (global, in memory). */
    public static final String RULESETS_STORE = "rulesets";

    /** Every {@code feeds.v1} record by feed id: the feed list (global, in memory). */
    public static final String FEEDS_STORE = "feeds";

    /** Every {@code mutes.v1} record by key: the analysts' mutes (global, in memory). */
    public static final String MUTES_STORE = "mutes";

    private ScoringTopology() {}

    /**
     * Follows the publications of the rules' own name on {@code rules.v1}, the rules scoring until
     * one is valid; every topic is taken to exist (as on TopologyTestDriver).
     */
    public static Topology build(ScoringRules rules) {
        return build(
                LiveRules.following(rules.taxonomy().name(), rules, TopicCheck.NONE),
                RevisionSettings.defaults(),
                new ScoringCounters());
    }

    /** One engine, whatever {@code rules.v1} holds; with the default revision settings. */
    public static Topology build(ScoringEngine engine, ScoringCounters counters) {
        return build(engine, RevisionSettings.defaults(), counters);
    }

    /** One engine, whatever {@code rules.v1} holds. */
    public static Topology build(ScoringEngine engine, RevisionSettings revisions, ScoringCounters counters) {
        return build(LiveRules.fixed(engine), revisions, counters);
    }

    /** Without a feed list of the caller's: the feeds read from {@code feeds.v1} are not visible outside. */
    public static Topology build(LiveRules rules, RevisionSettings revisions, ScoringCounters counters) {
        return build(rules, revisions, counters, new FeedDirectory());
    }

    /** With the default story settings and no mutes of the caller's. */
    public static Topology build(
            LiveRules rules, RevisionSettings revisions, ScoringCounters counters, FeedDirectory feeds) {
        return build(rules, revisions, StorySettings.defaults(), counters, feeds, new MuteDirectory());
    }

    /** With the default metrics windows (see {@link MetricsSettings}). */
    public static Topology build(
            LiveRules rules,
            RevisionSettings revisions,
            StorySettings stories,
            ScoringCounters counters,
            FeedDirectory feeds,
            MuteDirectory mutes) {
        return build(rules, revisions, stories, MetricsSettings.defaults(), counters, feeds, mutes);
    }

    /**
     * Pure: builds the graph, touches no network or disk.
     *
     * @param stories how near-duplicates are grouped into stories and how stories alert
     * @param feeds   filled from {@code feeds.v1} by the global store's processor; the scoring node
     *                looks each article's feed up in it
     * @param mutes   filled from {@code mutes.v1} by the global store's processor; the story stage
     *                asks it whether an article may alert
     * @param metrics the grace and retention of the per-minute metrics windows
     */
    public static Topology build(
            LiveRules rules,
            RevisionSettings revisions,
            StorySettings stories,
            MetricsSettings metrics,
            ScoringCounters counters,
            FeedDirectory feeds,
            MuteDirectory mutes) {
        StreamsBuilder builder = new StreamsBuilder();
        // A copy of rules.v1 in every instance. In memory: the topic is small, and a start re-reads
        // it through the processor, so activation always takes the same path. Global stores have
        // no changelog (the topic is theirs).
        TopicDef<String, String> rulesTopic = Topics.RULES;
        builder.addGlobalStore(
                Stores.keyValueStoreBuilder(
                                Stores.inMemoryKeyValueStore(RULESETS_STORE), Serdes.String(), Serdes.String())
                        .withLoggingDisabled(),
                rulesTopic.name(),
                Consumed.with(rulesTopic.keySerde(), rulesTopic.valueSerde()).withName("rules"),
                () -> new RulesetStoreUpdater(RULESETS_STORE, rules));
        // The feed list, for each article's source weight and fixed tags: strings in the store,
        // parsed by the processor, so a bad record is counted rather than fatal. In memory and
        // re-read at start, like rules.v1: a few hundred small records.
        TopicDef<String, String> feedsTopic = Topics.FEEDS;
        builder.addGlobalStore(
                Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(FEEDS_STORE), Serdes.String(), Serdes.String())
                        .withLoggingDisabled(),
                feedsTopic.name(),
                Consumed.with(feedsTopic.keySerde(), feedsTopic.valueSerde()).withName("feeds"),
                () -> new FeedStoreUpdater(FEEDS_STORE, feeds));
        // The analysts' mutes, asked by the story stage whether an article may alert: strings in
        // the store, parsed by the processor (a bad record counted, never fatal), a tombstone
        // unmutes. In memory and re-read at start, like the feed list: a handful of records.
        TopicDef<String, String> mutesTopic = Topics.MUTES;
        builder.addGlobalStore(
                Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(MUTES_STORE), Serdes.String(), Serdes.String())
                        .withLoggingDisabled(),
                mutesTopic.name(),
                Consumed.with(mutesTopic.keySerde(), mutesTopic.valueSerde()).withName("mutes"),
                () -> new MuteStoreUpdater(MUTES_STORE, mutes));
        // Both stores are changelogged (the default), so a restored task keeps its index too.
        // Writes go to the changelog at once rather than at the next cache flush; each is read
        // about once per record, so a cache would save little.
        builder.addStateStore(Stores.keyValueStoreBuilder(
                        Stores.persistentKeyValueStore(REVISIONS_STORE), Serdes.String(), RevisionState.serde())
                .withCachingDisabled());
        builder.addStateStore(Stores.keyValueStoreBuilder(
                        Stores.persistentKeyValueStore(REVISIONS_BY_LAST_SEEN_STORE), Serdes.String(), Serdes.String())
                .withCachingDisabled());

        TopicDef<String, NewsArticle> raw = Topics.NEWS_RAW;
        KStream<String, NewsArticle> rawArticles = builder.stream(
                raw.name(), Consumed.with(raw.keySerde(), raw.valueSerde()).withName("news-raw"));

        // Stage 1, by article id. A tombstone is a takedown: a retraction on the band path, never
        // the validator (which would dead-letter it).
        KStream<String, BandRecord> retractions = rawArticles
                .filter((id, article) -> article == null, Named.as("tombstones"))
                .process(RetractionIntake::new, Named.as("story-retraction-intake"));
        // One node checks for a repeat, tags and scores at coverage 1 and only then stores the new
        // revision: an article whose tagging throws is dead-lettered (as the raw record) without
        // being remembered. Nothing downstream of it can fail on the article's content.
        KStream<String, BandRecord> bands = rawArticles
                .filterNot((id, article) -> article == null, Named.as("articles"))
                .mapValues(ArticleValidator::validate, Named.as("validate"))
                .processValues(
                        () -> new RevisionTracker<>(
                                REVISIONS_STORE,
                                REVISIONS_BY_LAST_SEEN_STORE,
                                revisions,
                                counters,
                                // the engine in force, read once per record
                                revised -> ProvisionalScoring.of(rules.engine(), revised, counters, feeds)),
                        Named.as("dedupe-tag-score"),
                        REVISIONS_STORE,
                        REVISIONS_BY_LAST_SEEN_STORE)
                .process(() -> new BandFanOut(stories), Named.as("story-band-fan-out"))
                .merge(retractions, Named.as("story-band-records"));

        // Stages 2 to 4: band buckets, the story of each article, the story desk.
        KStream<String, StoryOutput> desk = StoryStages.add(builder, bands, stories, rules::engine, mutes, counters);

        // The query API's recent alerts per task and freshness/score recording (interactive queries).
        QueryStages.add(builder, desk);

        // Every article revision, finished with its story's coverage, keyed by article id again.
        TopicDef<String, ScoredArticle> out = Topics.NEWS_SCORED;
        desk.filter((storyId, output) -> output.scored() != null, Named.as("scored-only"))
                .map(
                        (storyId, output) ->
                                KeyValue.pair(output.scored().getArticle().getId(), output.scored()),
                        Named.as("scored"))
                .to(out.name(), Produced.with(out.keySerde(), out.valueSerde()).withName("news-scored"));

        // The desk's alerts, keyed by story id. The topic comes from the alert's route, so routes
        // added by new rules need no new sink node. No KTable on this path: nothing caches
        // alerts, they leave with the next commit.
        TopicDef<String, Alert> alertShape = Topics.alerts(Topics.DEFENSE_AI_ROUTE);
        TopicNameExtractor<String, Alert> alertTopic =
                (key, alert, ctx) -> Topics.alerts(alert.getRoute()).name();
        desk.flatMap(
                        (storyId, output) -> output.alerts().stream()
                                .map(a -> KeyValue.pair(a.getStoryId(), a))
                                .toList(),
                        Named.as("alerts"))
                // counted as they leave (newsradar_scoring_alerts_total); inside the transaction,
                // so an aborted one counts its alerts again when they are processed anew
                .peek((storyId, alert) -> counters.countAlert(alert), Named.as("count-alerts"))
                .to(
                        alertTopic,
                        Produced.with(alertShape.keySerde(), alertShape.valueSerde())
                                .withName("alerts-out"));

        // Per-minute tag and route figures for dashboards, in windowed KTables.
        MetricsStages.add(builder, desk, metrics, counters);

        return builder.build();
    }
}
