package io.newsradar.ingest.service;

import io.newsradar.ingest.poll.FeedMetrics;
import io.newsradar.ingest.poll.PollOutcome;
import io.newsradar.schemas.feeds.FeedRecord;
import java.util.Objects;

/**
 * Reports committed polls to the per-feed meters: items count as published only once their
 * transaction committed (the poll itself counts fetches, 304s and errors as it makes them).
 */
public final class FeedMetricsEvents implements PollEvents {
    private final FeedMetrics metrics;

    public FeedMetricsEvents(FeedMetrics metrics) {
        this.metrics = Objects.requireNonNull(metrics, "metrics");
    }

    @Override
    public void committed(FeedRecord feed, PollOutcome outcome, int published) {
        if (published > 0) {
            metrics.published(feed.id(), published);
        }
    }
}
