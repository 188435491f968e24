package io.newsradar.scoring.mutes;

import io.newsradar.schemas.mutes.MuteKind;
import io.newsradar.schemas.mutes.MuteRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The analysts' mutes as read from {@code mutes.v1}: a muted story, source or tag is still scored
 * but raises no alert while its period lasts. Thread-safe: filled by the global store's
 * processor ({@link MuteStoreUpdater}) on the global thread, read by every stream thread; a
 * concurrent map, so a lookup never waits for an update.
 *
 * <p>A mute covers an article when the article's event time is before the mute's {@code until}:
 * by event time, never the wall clock, so a replay decides as the live run did. Expired mutes stay
 * here as long as they are on the topic (an older article replayed is still covered); there are
 * few of them.
 */
public class MuteDirectory {
    private final Map<String, MuteRecord> mutes = new ConcurrentHashMap<>();
    private final AtomicLong rejectedRecords = new AtomicLong();

    /**
     * Why an article may not alert at event time {@code eventTimeMs}: a sentence for the
     * rationale ("Not alerted: …"), or empty when no mute covers it. Every covering mute is named,
     * story first, then source, then tags in id order, so the sentence does not depend on the
     * order tags were given in.
     *
     * @param storyId the article's story
     * @param source  the article's outlet
     * @param tagIds  the ids of its tags
     */
    public Optional<String> reasonFor(String storyId, String source, Collection<String> tagIds, long eventTimeMs) {
        if (mutes.isEmpty()) {
            return Optional.empty(); // the usual case: no lookups, no allocation per article
        }
        Instant at = Instant.ofEpochMilli(eventTimeMs);
        List<String> parts = new ArrayList<>(2);
        covering(MuteKind.STORY, storyId, at).ifPresent(parts::add);
        covering(MuteKind.SOURCE, source, at).ifPresent(parts::add);
        if (tagIds != null) {
            for (String tag : new TreeSet<>(tagIds)) {
                covering(MuteKind.TAG, tag, at).ifPresent(parts::add);
            }
        }
        return parts.isEmpty() ? Optional.empty() : Optional.of("Not alerted: " + String.join("; ", parts));
    }

    /** The mute under this {@code mutes.v1} key, expired or not; null when there is none. */
    public MuteRecord find(String key) {
        return key == null ? null : mutes.get(key);
    }

    /** Mutes known, expired ones included. */
    public int size() {
        return mutes.size();
    }

    /** {@code mutes.v1} records that were not mute records (logged, ignored). */
    public long rejectedRecords() {
        return rejectedRecords.get();
    }

    /** Adds or replaces a mute (by its key). Called by the global store's processor; public for tests. */
    public void put(MuteRecord mute) {
        mutes.put(mute.key(), mute);
    }

    /** Removes the mute under a {@code mutes.v1} key (an unmute). */
    public void remove(String key) {
        mutes.remove(key);
    }

    void countRejected() {
        rejectedRecords.incrementAndGet();
    }

    private Optional<String> covering(MuteKind kind, String value, Instant at) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        MuteRecord mute = mutes.get(MuteRecord.key(kind, value));
        if (mute == null || !mute.covers(at)) {
            return Optional.empty();
        }
        return Optional.of(sentence(mute));
    }

    /** "tag defense muted until 2026-12-01T18:00Z (reason: drill week)". */
    static String sentence(MuteRecord mute) {
        return mute.kind().word() + " " + mute.value() + " muted until " + mute.untilText()
                + (mute.reason().isEmpty() ? "" : " (reason: " + mute.reason() + ")");
    }
}
