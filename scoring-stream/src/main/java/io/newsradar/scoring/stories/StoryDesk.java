package io.newsradar.scoring.stories;

import io.newsradar.scoring.ScoringCounters;
import io.newsradar.scoring.ScoringEngine;
import io.newsradar.scoring.mutes.MuteDirectory;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stage 4 of the story topology, keyed by story id: finishes each article with its story's
 * coverage, applies holds, retractions and mutes, and decides the story's alerts per route
 * ({@link StoryLifecycle}); forwards a {@link StoryOutput} keyed by the story id with the
 * record's own timestamp. A retraction that withdraws no alert forwards nothing.
 *
 * <p>State: {@value #STORIES_STORE} (story id -> {@link StoryState}) and its index by last
 * sighting {@value #STORIES_BY_LAST_SEEN_STORE} ({@link StoryStore}); a story expires a
 * {@link StorySettings#window} of stream time after it was last seen, removed by a punctuator on
 * stream time and ignored by the lookup meanwhile. A story seen again after that starts over: its
 * next alert on a route is NEW with sequence 1 again.
 */
public final class StoryDesk implements Processor<String, StoryAssignment, String, StoryOutput> {
    /** Story id -> {@link StoryState}. */
    public static final String STORIES_STORE = "stories";
    /** The same stories by last sighting, for expiry ({@link StoryStore}). */
    public static final String STORIES_BY_LAST_SEEN_STORE = "stories-by-last-seen";

    private static final Logger LOG = LoggerFactory.getLogger(StoryDesk.class);

    private final StorySettings settings;
    private final Supplier<ScoringEngine> engine;
    private final StoryLifecycle lifecycle;
    private ProcessorContext<String, StoryOutput> context;
    private StoryStore store;

    /**
     * @param engine the engine in force, read once per article (rules change while running)
     * @param mutes  asked whether an article may alert
     */
    public StoryDesk(
            StorySettings settings, Supplier<ScoringEngine> engine, MuteDirectory mutes, ScoringCounters counters) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.engine = Objects.requireNonNull(engine, "engine");
        Objects.requireNonNull(mutes, "mutes");
        this.lifecycle = new StoryLifecycle(settings, mutes::reasonFor, counters);
    }

    /**
     * The stores the desk needs. Persistent and changelogged (the defaults), so a restarted or
     * moved task keeps its stories and sends no second NEW alert. Caching disabled, like the
     * revision store's: each state is read about once per record, so a cache would save little,
     * and every write goes to the changelog at once, in the transaction of the alerts it caused.
     */
    public static List<StoreBuilder<?>> stores(StorySettings settings) {
        Objects.requireNonNull(settings, "settings");
        return List.of(
                Stores.keyValueStoreBuilder(
                                Stores.persistentKeyValueStore(STORIES_STORE), Serdes.String(), StoryState.serde())
                        .withCachingDisabled(),
                Stores.keyValueStoreBuilder(
                                Stores.persistentKeyValueStore(STORIES_BY_LAST_SEEN_STORE),
                                Serdes.String(),
                                Serdes.String())
                        .withCachingDisabled());
    }

    public static String[] storeNames() {
        return new String[] {STORIES_STORE, STORIES_BY_LAST_SEEN_STORE};
    }

    @Override
    public void init(ProcessorContext<String, StoryOutput> context) {
        this.context = context;
        this.store = new StoryStore(
                context.getStateStore(STORIES_STORE),
                context.getStateStore(STORIES_BY_LAST_SEEN_STORE),
                settings.windowMs());
        // stream time, not the wall clock: a replay expires the same stories at the same records
        context.schedule(
                Duration.ofMillis(StoryStore.slotMs(settings.windowMs())), PunctuationType.STREAM_TIME, this::expire);
    }

    @Override
    public void process(Record<String, StoryAssignment> record) {
        StoryAssignment assignment = record.value();
        if (assignment == null) {
            LOG.warn("story assignment without a value (key {}) ignored", record.key());
            return;
        }
        String storyId = assignment.storyId();
        if (record.key() != null && !record.key().equals(storyId)) {
            // the partition decides which task keeps the story: a wrong key would split its state
            throw new IllegalArgumentException(
                    "story assignment keyed " + record.key() + " is for story " + storyId + ": must be keyed by it");
        }
        long eventTime = record.timestamp();
        long now = Math.max(context.currentStreamTimeMs(), eventTime);
        StoryState stored = store.get(storyId);
        StoryState known = store.live(stored, now);
        if (known == null && stored != null) {
            LOG.debug(
                    "story {} seen again after it expired (last seen at stream time {}): it starts over",
                    storyId,
                    stored.lastSeenMs());
        }
        StoryLifecycle.Step step = assignment.isRetraction()
                ? lifecycle.retraction(known, assignment, eventTime, now)
                : lifecycle.article(known, assignment, engine.get(), eventTime, now);
        store.put(storyId, stored, step.state());
        if (step.output() != null) {
            context.forward(record.withKey(storyId).withValue(step.output()));
        }
    }

    private void expire(long streamTime) {
        int expired = store.expire(streamTime);
        if (expired > 0) {
            LOG.debug(
                    "{} stories expired, last seen over {} before stream time {}",
                    expired,
                    settings.window(),
                    streamTime);
        }
    }
}
