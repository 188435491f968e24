package io.newsradar.scoring.dashboard;

import io.newsradar.schemas.config.Secrets;
import io.newsradar.schemas.feeds.FeedState;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * One feed's health as the dashboard shows it. Stale: its next poll is overdue by more than the
 * threshold (the poller writes {@code nextPollAt} after every poll, so an ingest service that
 * stopped, or a poll that hangs, leaves it in the past). Failing: its last poll or polls failed
 * ({@code consecutiveErrors > 0}). No URL: a feed URL may carry a token, so feeds are named by id,
 * as in the metrics; the last error goes through {@link Secrets#scrub} for the same reason.
 */
record FeedHealth(
        String feedId,
        Instant lastPollAt,
        Instant lastSuccessAt,
        Instant nextPollAt,
        long overdueSeconds,
        int consecutiveErrors,
        String lastError,
        int lastStatus,
        long polls,
        long itemsPublished,
        boolean stale,
        boolean failing) {

    static FeedHealth of(FeedState s, Instant now, Duration staleAfter) {
        Duration overdue = Duration.between(s.nextPollAt(), now);
        long overdueSeconds = Math.max(0, overdue.toSeconds());
        return new FeedHealth(
                s.feedId(),
                s.lastPollAt(),
                s.lastSuccessAt(),
                s.nextPollAt(),
                overdueSeconds,
                s.consecutiveErrors(),
                Secrets.scrub(s.lastError()),
                s.lastStatus(),
                s.polls(),
                s.itemsPublished(),
                overdue.compareTo(staleAfter) > 0,
                s.consecutiveErrors() > 0);
    }

    /** Every feed, the ones in trouble first (failing or stale), then by id. */
    static List<FeedHealth> all(Collection<FeedState> states, Instant now, Duration staleAfter) {
        return states.stream()
                .map(s -> of(s, now, staleAfter))
                .sorted(Comparator.comparing((FeedHealth h) -> !(h.stale() || h.failing()))
                        .thenComparing(FeedHealth::feedId))
                .toList();
    }
}
