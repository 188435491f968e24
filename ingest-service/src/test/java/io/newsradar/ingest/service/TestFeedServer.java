package io.newsradar.ingest.service;

import io.newsradar.avro.IngestChannel;
import io.newsradar.avro.NewsArticle;
import io.newsradar.ingest.ArticleNormalizer;
import io.newsradar.ingest.RawArticle;
import io.newsradar.ingest.poll.FeedPoll;
import io.newsradar.ingest.poll.PollOutcome;
import io.newsradar.ingest.poll.PollStatus;
import io.newsradar.schemas.feeds.FeedRecord;
import io.newsradar.schemas.feeds.FeedState;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An in-memory feed server for the poller's tests: each feed has a version (its item count) and
 * an ETag naming it; {@link #pollFor(String)} gives each poller instance a {@link FeedPoll} that
 * answers like a conditional GET (not modified when the state's ETag is current, else the items
 * not yet seen), records every poll, and notices two instances polling one feed at once.
 */
final class TestFeedServer {
    /** One poll as the server saw it. */
    record Poll(String instance, String feedId, Instant at, PollStatus status, int newItems) {}

    /** Called inside a poll before it answers; tests block there. */
    interface Hook {
        void beforeAnswer(String instance, FeedRecord feed) throws InterruptedException;
    }

    private final Map<String, List<String>> items = new ConcurrentHashMap<>();
    private final List<Poll> polls = new CopyOnWriteArrayList<>();
    private final Map<String, String> pollingNow = new ConcurrentHashMap<>();
    private final List<String> overlaps = new CopyOnWriteArrayList<>();
    private final ArticleNormalizer normalizer = new ArticleNormalizer();
    private volatile Hook hook = (instance, feed) -> {};

    /** Publishes {@code count} more items on the feed (a new version). */
    void addItems(String feedId, int count) {
        List<String> list = items.computeIfAbsent(feedId, k -> new CopyOnWriteArrayList<>());
        synchronized (list) {
            int start = list.size();
            for (int i = 0; i < count; i++) {
                list.add(feedId + "-item-" + (start + i));
            }
        }
    }

    int itemCount() {
        return items.values().stream().mapToInt(List::size).sum();
    }

    void hook(Hook h) {
        this.hook = h;
    }

    List<Poll> polls() {
        return List.copyOf(polls);
    }

    /** Descriptions of every moment two instances polled the same feed at once. */
    List<String> overlaps() {
        return List.copyOf(overlaps);
    }

    FeedPoll pollFor(String instance) {
        return (feed, state, now) -> poll(instance, feed, state, now);
    }

    private PollOutcome poll(String instance, FeedRecord feed, Optional<FeedState> state, Instant now)
            throws InterruptedException {
        String other = pollingNow.putIfAbsent(feed.id(), instance);
        if (other != null) {
            overlaps.add(feed.id() + " polled by " + instance + " while " + other + " polled it");
        }
        try {
            hook.beforeAnswer(instance, feed);
            return answer(instance, feed, state, now);
        } finally {
            pollingNow.remove(feed.id(), instance);
        }
    }

    private PollOutcome answer(String instance, FeedRecord feed, Optional<FeedState> state, Instant now) {
        List<String> all = List.copyOf(items.getOrDefault(feed.id(), List.of()));
        String etag = "\"v" + all.size() + "\"";
        FeedState old = state.orElse(FeedState.initial(feed.id(), feed.url(), now));
        Instant next = now.plus(feed.pollInterval());
        if (state.isPresent() && old.etag().equals(etag)) {
            polls.add(new Poll(instance, feed.id(), now, PollStatus.NOT_MODIFIED, 0));
            return new PollOutcome(
                    PollStatus.NOT_MODIFIED,
                    List.of(),
                    withPoll(old, etag, now, next, 304, 0, old.seenItemIds()),
                    List.of());
        }
        List<NewsArticle> fresh = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        for (String item : all) {
            NewsArticle a = article(feed, item);
            if (!old.seenItemIds().contains(a.getId())) {
                fresh.add(a);
                seen.add(a.getId());
            }
        }
        seen.addAll(old.seenItemIds());
        polls.add(new Poll(instance, feed.id(), now, PollStatus.FETCHED, fresh.size()));
        return new PollOutcome(
                PollStatus.FETCHED, fresh, withPoll(old, etag, now, next, 200, fresh.size(), seen), List.of());
    }

    private static FeedState withPoll(
            FeedState old, String etag, Instant now, Instant next, int status, int published, List<String> seen) {
        return new FeedState(
                old.feedId(),
                old.url(),
                etag,
                "",
                now,
                now,
                next,
                0,
                "",
                status,
                old.polls() + 1,
                old.itemsPublished() + published,
                seen.subList(0, Math.min(seen.size(), FeedState.MAX_SEEN)));
    }

    NewsArticle article(FeedRecord feed, String item) {
        return normalizer.normalize(new RawArticle(
                "https://" + feed.id() + ".example/" + item,
                null,
                "Test outlet " + feed.id(),
                "Item " + item,
                "Body of " + item + ".",
                null,
                "en",
                Instant.parse("2026-11-01T00:00:00Z"),
                feed.url(),
                IngestChannel.FEED,
                List.of(),
                null,
                feed.id()));
    }

    static FeedRecord feed(String id, String host, Duration interval) {
        return new FeedRecord(id, "http://" + host + "/feed.xml", "Outlet " + id, interval, 0, List.of(), "", "");
    }
}
