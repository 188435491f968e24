package io.newsradar.ingest.poll;

import io.newsradar.schemas.feeds.FeedRecord;
import io.newsradar.schemas.feeds.FeedState;
import java.time.Instant;
import java.util.Optional;

/**
 * One poll of one feed, without Kafka: fetch (conditional GET, redirects, Retry-After, backoff),
 * parse and normalise, drop items already seen, mark the backlog of a first poll and items over
 * the age gate, and compute the feed's next state. The poller runtime decides when a feed is due
 * and publishes the outcome's articles and state in one transaction; if that transaction fails it
 * polls again from the old state, so a poll must have no effect outside its outcome (metrics
 * aside).
 *
 * <p>Implementations never throw for a feed's own problems (HTTP errors, timeouts, unparseable
 * documents): those become a {@link PollStatus#FAILED} or {@link PollStatus#RETRY_LATER} outcome
 * whose state carries the reason and the backoff. They may throw
 * {@link InterruptedException} when the polling thread is interrupted (shutdown).
 */
@FunctionalInterface
public interface FeedPoll {

    /**
     * @param feed  the listed feed
     * @param state its state from {@code feeds.state.v1}; empty when it was never polled (a first
     *              poll: every item it finds is backlog)
     * @param now   the poll's start, for the next-poll time and the age gate
     */
    PollOutcome poll(FeedRecord feed, Optional<FeedState> state, Instant now) throws InterruptedException;
}
