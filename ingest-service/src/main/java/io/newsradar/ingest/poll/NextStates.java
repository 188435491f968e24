package io.newsradar.ingest.poll;

import io.newsradar.schemas.feeds.FeedState;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A feed's state after a poll, by outcome. A success (a feed or a 304) resets the error count and
 * schedules the next poll one interval on; a failure keeps the validators, the URL and the seen
 * ids, counts the error, records its reason and schedules by the delay the caller chose (backoff
 * or Retry-After). {@code lastPollAt} is the poll's start, like every other time of a poll.
 */
final class NextStates {
    /** Longest reason kept in the state: enough to act on, and the compacted record stays small. */
    static final int MAX_ERROR_CHARS = 500;

    private NextStates() {}

    static FeedState fetched(
            FeedState old,
            String url,
            String etag,
            String lastModified,
            int status,
            Instant now,
            Duration interval,
            List<String> seen,
            int published) {
        return new FeedState(
                old.feedId(),
                url,
                etag,
                lastModified,
                now,
                now,
                now.plus(interval),
                0,
                "",
                status,
                old.polls() + 1,
                old.itemsPublished() + published,
                seen);
    }

    static FeedState notModified(
            FeedState old, String url, String etag, String lastModified, int status, Instant now, Duration interval) {
        return fetched(old, url, etag, lastModified, status, now, interval, old.seenItemIds(), 0);
    }

    static FeedState failed(FeedState old, int status, String reason, Instant now, Duration delay) {
        String r = LogSafe.text(reason);
        if (r.length() > MAX_ERROR_CHARS) {
            r = r.substring(0, MAX_ERROR_CHARS - 1) + "…";
        }
        return new FeedState(
                old.feedId(),
                old.url(),
                old.etag(),
                old.lastModified(),
                now,
                old.lastSuccessAt(),
                now.plus(delay),
                errorsAfterFailure(old),
                r,
                status,
                old.polls() + 1,
                old.itemsPublished(),
                old.seenItemIds());
    }

    /** The error count once this failure is counted (saturating: a dead feed runs for years). */
    static int errorsAfterFailure(FeedState old) {
        return old.consecutiveErrors() == Integer.MAX_VALUE ? Integer.MAX_VALUE : old.consecutiveErrors() + 1;
    }
}
