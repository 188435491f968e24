package io.newsradar.ingest.service;

import io.newsradar.ingest.poll.PollOutcome;
import io.newsradar.ingest.poll.PollStatus;
import io.newsradar.schemas.feeds.FeedRecord;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records what a poller reported. */
final class RecordingEvents implements PollEvents {
    record Committed(String feedId, PollStatus status, int published) {}

    final List<Committed> committed = new CopyOnWriteArrayList<>();
    final List<String> notCommitted = new CopyOnWriteArrayList<>();

    @Override
    public void committed(FeedRecord feed, PollOutcome outcome, int published) {
        committed.add(new Committed(feed.id(), outcome.status(), published));
    }

    @Override
    public void notCommitted(FeedRecord feed, String reason) {
        notCommitted.add(feed.id() + ": " + reason);
    }

    long committedWith(String feedId, PollStatus status) {
        return committed.stream()
                .filter(c -> c.feedId().equals(feedId) && c.status() == status)
                .count();
    }
}
