package io.newsradar.ingest.poll;

import io.newsradar.avro.NewsArticle;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The feed state's memory of recent item ids, which keeps a feed without validators (or one that
 * changes its ETag on every request) from publishing the same items on every poll.
 */
final class SeenItems {
    private SeenItems() {}

    /** The articles whose ids are not in {@code seen}, in feed order, each id once. */
    static List<NewsArticle> unseen(List<NewsArticle> articles, List<String> seen) {
        Set<String> skip = new HashSet<>(seen);
        List<NewsArticle> fresh = new ArrayList<>();
        for (NewsArticle a : articles) {
            if (skip.add(a.getId())) {
                fresh.add(a);
            }
        }
        return fresh;
    }

    /**
     * The ids to remember after a poll, at most {@code max}: the new items' ids first, then the
     * ids of the items the feed still carries, then the older ones. Keeping every id the feed
     * still serves ahead of the ids that left it means an item is forgotten only after it has left
     * the feed (for feeds of fewer than {@code max} items), never while it could be fetched again.
     */
    static List<String> remember(List<NewsArticle> fresh, List<NewsArticle> inFeed, List<String> old, int max) {
        LinkedHashSet<String> ids = new LinkedHashSet<>();
        fresh.forEach(a -> ids.add(a.getId()));
        inFeed.forEach(a -> ids.add(a.getId()));
        ids.addAll(old);
        return ids.stream().limit(max).toList();
    }
}
