package io.newsradar.ingest.service;

import io.newsradar.ingest.poll.PollOutcome;
import io.newsradar.schemas.feeds.FeedRecord;

/**
 * What the poller reports about each poll, for metrics (the per-feed metrics of issue 7 implement
 * this: fetches, 304s and errors from the outcome's status, items published from {@code
 * published}, last success time from the committed state). Called on the poller's loop thread;
 * implementations must be quick and must not throw.
 */
public interface PollEvents {
    /** Reports nothing. */
    PollEvents NONE = new PollEvents() {};

    /**
     * A poll's outcome is committed: its articles are on {@code news.raw.v1} for read_committed
     * readers and its state on {@code feeds.state.v1}.
     *
     * @param published articles written (the outcome's articles minus any over the size limits)
     */
    default void committed(FeedRecord feed, PollOutcome outcome, int published) {}

    /**
     * A poll's outcome was not committed (broker slow or down, a rebalance fenced the transaction,
     * or the poll itself threw): nothing of it is visible, and the feed is polled again from its
     * old state.
     */
    default void notCommitted(FeedRecord feed, String reason) {}
}
