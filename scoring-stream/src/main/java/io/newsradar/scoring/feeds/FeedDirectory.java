package io.newsradar.scoring.feeds;

import io.newsradar.schemas.feeds.FeedRecord;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The listed feeds as the scoring stream knows them: {@code feeds.v1} read by the global store's
 * processor ({@link FeedStoreUpdater}) on the global thread, looked up by {@code feedId} on the
 * stream threads, once per article. A concurrent map, so a lookup never waits for an update.
 *
 * <p>Also counts what could not be used: records that are not feed records, and fixed tags of a
 * feed that the taxonomy in force does not have (each logged once per feed and tag, counted per
 * article).
 */
public final class FeedDirectory {
    private static final Logger LOG = LoggerFactory.getLogger(FeedDirectory.class);

    private final Map<String, FeedRecord> feeds = new ConcurrentHashMap<>();
    private final Set<String> warnedTags = ConcurrentHashMap.newKeySet();
    private final AtomicLong rejectedRecords = new AtomicLong();
    private final AtomicLong ignoredTags = new AtomicLong();

    /** The feed listed under this id, or null (no id, or not listed). */
    public FeedRecord find(String feedId) {
        return feedId == null ? null : feeds.get(feedId);
    }

    public int size() {
        return feeds.size();
    }

    /** {@code feeds.v1} records that were not feed records (logged, ignored). */
    public long rejectedRecords() {
        return rejectedRecords.get();
    }

    /** Fixed feed tags ignored on articles because the taxonomy has no such tag id. */
    public long ignoredTags() {
        return ignoredTags.get();
    }

    void put(FeedRecord feed) {
        feeds.put(feed.id(), feed);
    }

    void remove(String feedId) {
        feeds.remove(feedId);
    }

    void countRejected() {
        rejectedRecords.incrementAndGet();
    }

    /** One article of {@code feedId} carried these fixed tag ids the taxonomy does not know. */
    public void ignoredTags(String feedId, Iterable<String> tagIds) {
        for (String tag : tagIds) {
            ignoredTags.incrementAndGet();
            // once per feed and tag, not per article: a busy feed would flood the log
            if (warnedTags.add(feedId + "\u0000" + tag)) {
                LOG.warn(
                        "feed {} lists fixed tag '{}', which the taxonomy in force does not have: ignored"
                                + " on its articles (counted, warned once)",
                        feedId,
                        tag);
            }
        }
    }
}
