package io.newsradar.scoring.stories;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The story states of one task with their expiry: the states by story id, and an index of the
 * same stories by when they were last seen, so expiry reads only what has expired.
 *
 * <p>The index is coarse: its keys are {@code <slot start, 19 digits> <story id>}, where a slot
 * is a {@link #SLOTS_PER_WINDOW}th of the window. A story seen again within the same slot (the
 * copies of a busy story, minutes apart) rewrites only its state, not its index entry: two
 * changelog records fewer per copy. The price: a story is removed up to one slot after its
 * window has passed. Whether a story is live is decided on its exact last sighting
 * ({@link #live}), so the slot never changes a decision.
 *
 * <p>Every time is stream time: a replay expires the same stories at the same records.
 */
final class StoryStore {
    static final int SLOTS_PER_WINDOW = 64;
    // keys handled per iterator: bounds memory, and no store is written while an iterator is open
    private static final int BATCH = 1_000;

    private final KeyValueStore<String, StoryState> byId;
    private final KeyValueStore<String, String> byLastSeen;
    private final long windowMs;
    private final long slotMs;

    StoryStore(KeyValueStore<String, StoryState> byId, KeyValueStore<String, String> byLastSeen, long windowMs) {
        this.byId = byId;
        this.byLastSeen = byLastSeen;
        this.windowMs = windowMs;
        this.slotMs = slotMs(windowMs);
    }

    static long slotMs(long windowMs) {
        return Math.max(1, windowMs / SLOTS_PER_WINDOW);
    }

    /** The stored state, expired or not (see {@link #live}). */
    StoryState get(String storyId) {
        return byId.get(storyId);
    }

    /** The state if the story was seen within the window before stream time {@code now}, else null. */
    StoryState live(StoryState stored, long now) {
        return stored == null || now - stored.lastSeenMs() > windowMs ? null : stored;
    }

    /** Replaces {@code previous} (what {@link #get} returned) by {@code next}, keeping the index in step. */
    void put(String storyId, StoryState previous, StoryState next) {
        byId.put(storyId, next);
        String key = indexKey(next.lastSeenMs(), storyId);
        String before = previous == null ? null : indexKey(previous.lastSeenMs(), storyId);
        if (key.equals(before)) {
            return;
        }
        if (before != null) {
            byLastSeen.delete(before);
        }
        byLastSeen.put(key, storyId);
    }

    /** Removes every story last seen more than the window before {@code now}; returns how many. */
    int expire(long now) {
        long cutoff = now - windowMs; // stories last seen before this have expired
        // a slot has expired when its last millisecond is before the cutoff: slot start <= cutoff - slot
        long lastExpiredSlot = cutoff - slotMs;
        if (lastExpiredSlot < 0) {
            return 0;
        }
        // the bare time sorts before every key of that slot: the range holds older slots only
        String upTo = timeKey(lastExpiredSlot + 1);
        int removed = 0;
        List<KeyValue<String, String>> batch;
        do {
            batch = new ArrayList<>(BATCH);
            try (KeyValueIterator<String, String> it = byLastSeen.range(null, upTo)) {
                while (it.hasNext() && batch.size() < BATCH) {
                    batch.add(it.next());
                }
            }
            for (KeyValue<String, String> e : batch) {
                StoryState state = byId.get(e.value);
                // a stale key (the story was seen again, in a later slot) only loses its index entry
                if (state != null && indexKey(state.lastSeenMs(), e.value).equals(e.key) && live(state, now) == null) {
                    byId.delete(e.value);
                    removed++;
                }
                byLastSeen.delete(e.key);
            }
        } while (batch.size() == BATCH);
        return removed;
    }

    String indexKey(long lastSeenMs, String storyId) {
        return timeKey(Math.floorDiv(lastSeenMs, slotMs) * slotMs) + " " + storyId;
    }

    private static String timeKey(long ms) {
        return String.format(Locale.ROOT, "%019d", ms);
    }
}
