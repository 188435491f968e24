package io.newsradar.scoring;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The revision store of one task with its retention: the entries by article id, and an index of
 * the same entries by last sighting, so expiry reads only what has expired instead of scanning
 * every article.
 *
 * <p>Index keys are {@code <last seen, 19 digits, zero-padded> <article id>} with the id as the
 * value: fixed-width digits sort by time as strings, and the changelog stays readable. One more
 * key, {@value #LEGACY_INDEXED}, sorts after every digit and records that the entries written
 * in the old format (without a last sighting) have been indexed.
 *
 * <p>Every time is stream time, never the wall clock: an entry lives until stream time has moved
 * more than the retention past its last sighting, so a replay expires the same entries.
 */
final class RevisionStore {
    static final String LEGACY_INDEXED = "~legacy-entries-indexed";
    // keys handled per iterator: bounds memory, and no store is written while an iterator is open
    private static final int BATCH = 1_000;

    private final KeyValueStore<String, RevisionState> byId;
    private final KeyValueStore<String, String> byLastSeen;
    private final long retentionMs;

    RevisionStore(
            KeyValueStore<String, RevisionState> byId, KeyValueStore<String, String> byLastSeen, long retentionMs) {
        this.byId = byId;
        this.byLastSeen = byLastSeen;
        this.retentionMs = retentionMs;
    }

    /** The stored entry, expired or not (see {@link #live}). */
    RevisionState get(String id) {
        return byId.get(id);
    }

    /**
     * The entry if it has not expired at stream time {@code now}, else null. Checked here as well
     * as by {@link #expire}, so what counts as a repeat never depends on when expiry last ran.
     */
    RevisionState live(RevisionState stored, long now) {
        if (stored == null || (stored.lastSeenKnown() && expired(stored.lastSeenMs(), now))) {
            return null;
        }
        return stored;
    }

    /** Replaces {@code previous} (what {@link #get} returned) by {@code next}, keeping the index in step. */
    void put(String id, RevisionState previous, RevisionState next) {
        byId.put(id, next);
        long before = previous == null ? RevisionState.UNKNOWN : previous.lastSeenMs();
        if (before == next.lastSeenMs()) {
            return;
        }
        if (before != RevisionState.UNKNOWN) {
            byLastSeen.delete(indexKey(before, id));
        }
        if (next.lastSeenKnown()) {
            byLastSeen.put(indexKey(next.lastSeenMs(), id), id);
        }
    }

    /** Removes every entry last seen more than the retention before {@code now}; returns how many. */
    int expire(long now) {
        long cutoff = now - retentionMs; // entries last seen before this have expired
        if (cutoff <= 0) {
            return 0;
        }
        // the bare cutoff sorts before every key of that millisecond: the range holds older ones only
        String upTo = timeKey(cutoff);
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
                RevisionState state = byId.get(e.value);
                // the index may hold a stale key if an entry was rewritten; only its current one counts
                if (state != null
                        && state.lastSeenKnown()
                        && indexKey(state.lastSeenMs(), e.value).equals(e.key)) {
                    byId.delete(e.value);
                    removed++;
                }
                byLastSeen.delete(e.key);
            }
        } while (batch.size() == BATCH);
        return removed;
    }

    /**
     * Once per store: gives every entry written in the old format (no last sighting) the last
     * sighting {@code now}, so it expires like the others, a retention after the upgrade. Returns
     * how many entries it indexed; 0 without reading the store when this was done before.
     */
    int indexLegacyEntries(long now) {
        if (byLastSeen.get(LEGACY_INDEXED) != null) {
            return 0;
        }
        int indexed = 0;
        String after = null;
        List<KeyValue<String, RevisionState>> batch;
        do {
            batch = new ArrayList<>(BATCH);
            try (KeyValueIterator<String, RevisionState> it = byId.range(after, null)) {
                while (it.hasNext() && batch.size() < BATCH) {
                    KeyValue<String, RevisionState> e = it.next();
                    if (!e.key.equals(after)) {
                        batch.add(e);
                    }
                }
            }
            for (KeyValue<String, RevisionState> e : batch) {
                if (!e.value.lastSeenKnown()) {
                    put(e.key, e.value, e.value.seenAt(now));
                    indexed++;
                }
            }
            after = batch.isEmpty() ? after : batch.get(batch.size() - 1).key;
        } while (batch.size() == BATCH);
        byLastSeen.put(LEGACY_INDEXED, Long.toString(now));
        return indexed;
    }

    private boolean expired(long lastSeenMs, long now) {
        return now - lastSeenMs > retentionMs;
    }

    static String indexKey(long lastSeenMs, String id) {
        return timeKey(lastSeenMs) + " " + id;
    }

    private static String timeKey(long ms) {
        return String.format(Locale.ROOT, "%019d", ms);
    }
}
