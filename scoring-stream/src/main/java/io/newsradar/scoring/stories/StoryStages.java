package io.newsradar.scoring.stories;

import io.newsradar.scoring.Provisional;
import io.newsradar.scoring.ScoringCounters;
import io.newsradar.scoring.ScoringEngine;
import io.newsradar.scoring.mutes.MuteDirectory;
import java.time.Duration;
import java.util.function.Supplier;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.WindowStore;

/**
 * Stages 2 to 4 of the story topology, from the band records of stage 1 to what the story desk
 * publishes. Three repartitions, each named so its topic stays put as the topology grows:
 * {@value #BANDS_REPARTITION} (by band key), {@value #VOTES_REPARTITION} (by article id) and
 * {@value #STORIES_REPARTITION} (by story id); Streams names them
 * {@code <application id>-<name>-repartition}.
 */
public final class StoryStages {
    public static final String BANDS_REPARTITION = "story-bands";
    public static final String VOTES_REPARTITION = "story-votes";
    public static final String STORIES_REPARTITION = "stories";
    /** Band key -> the bucket's members inside the window (duplicates retained). */
    public static final String BAND_INDEX_STORE = "story-band-index";
    /** {@code <article id>#<revision>} -> the votes received so far; deleted when complete. */
    public static final String PENDING_VOTES_STORE = "story-votes-pending";
    /** {@code <article id>#<revision>} -> band 0's provisional score until the votes are complete. */
    public static final String PENDING_PROVISIONAL_STORE = "story-votes-pending-provisional";
    /** Article id -> its story, a window after its last sighting. */
    public static final String ARTICLE_STORIES_STORE = "article-stories";

    // Window stores keep an entry at one instant (its sighting): the smallest window size.
    private static final Duration POINT = Duration.ofMillis(1);

    private StoryStages() {}

    static StoreBuilder<WindowStore<String, BandEntry>> bandIndex(StorySettings settings) {
        return Stores.windowStoreBuilder(
                        Stores.persistentWindowStore(BAND_INDEX_STORE, settings.window(), POINT, true),
                        Serdes.String(),
                        BandEntry.serde())
                .withCachingDisabled();
    }

    static StoreBuilder<KeyValueStore<String, PendingVotes>> pendingVotes() {
        return Stores.keyValueStoreBuilder(
                        Stores.persistentKeyValueStore(PENDING_VOTES_STORE), Serdes.String(), PendingVotes.serde())
                .withCachingDisabled();
    }

    static StoreBuilder<KeyValueStore<String, Provisional>> pendingProvisional() {
        return Stores.keyValueStoreBuilder(
                        Stores.persistentKeyValueStore(PENDING_PROVISIONAL_STORE),
                        Serdes.String(),
                        StorySerdes.provisional())
                .withCachingDisabled();
    }

    static StoreBuilder<WindowStore<String, StoryOrigin>> articleStories(StorySettings settings) {
        return Stores.windowStoreBuilder(
                        Stores.persistentWindowStore(ARTICLE_STORIES_STORE, settings.window(), POINT, false),
                        Serdes.String(),
                        StorySerdes.origin())
                .withCachingDisabled();
    }

    /**
     * Adds the stores and stages 2 to 4 behind {@code bands} (stage 1's output, keyed by band key)
     * and returns the desk's output, keyed by story id.
     */
    public static KStream<String, StoryOutput> add(
            StreamsBuilder builder,
            KStream<String, BandRecord> bands,
            StorySettings settings,
            Supplier<ScoringEngine> engine,
            MuteDirectory mutes,
            ScoringCounters counters) {
        // All changelogged (the default), so a restored task keeps its stories. No caches: each
        // entry is read about once per record, and duplicates-retaining stores cannot cache.
        builder.addStateStore(bandIndex(settings));
        builder.addStateStore(pendingVotes());
        builder.addStateStore(pendingProvisional());
        builder.addStateStore(articleStories(settings));
        StoryDesk.stores(settings).forEach(builder::addStateStore);

        return bands.repartition(Repartitioned.<String, BandRecord>as(BANDS_REPARTITION)
                        .withKeySerde(Serdes.String())
                        .withValueSerde(BandRecord.serde()))
                .process(
                        () -> new BandMatcher(BAND_INDEX_STORE, settings),
                        Named.as("story-band-match"),
                        BAND_INDEX_STORE)
                .repartition(Repartitioned.<String, BandVote>as(VOTES_REPARTITION)
                        .withKeySerde(Serdes.String())
                        .withValueSerde(BandVote.serde()))
                .process(
                        () -> new StoryChooser(
                                PENDING_VOTES_STORE,
                                PENDING_PROVISIONAL_STORE,
                                ARTICLE_STORIES_STORE,
                                settings,
                                counters),
                        Named.as("story-choose"),
                        PENDING_VOTES_STORE,
                        PENDING_PROVISIONAL_STORE,
                        ARTICLE_STORIES_STORE)
                .repartition(Repartitioned.<String, StoryAssignment>as(STORIES_REPARTITION)
                        .withKeySerde(Serdes.String())
                        .withValueSerde(StorySerdes.assignment()))
                .process(
                        () -> new StoryDesk(settings, engine, mutes, counters),
                        Named.as("story-desk"),
                        StoryDesk.storeNames());
    }
}
