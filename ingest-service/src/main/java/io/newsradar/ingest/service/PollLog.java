package io.newsradar.ingest.service;

import io.newsradar.ingest.poll.PollOutcome;
import io.newsradar.schemas.feeds.FeedRecord;
import io.newsradar.schemas.feeds.FeedState;

/** The one INFO line per committed poll, compact enough to read a first fetch and then the 304s. */
final class PollLog {
    private PollLog() {}

    static String line(FeedRecord feed, PollOutcome outcome, int published) {
        FeedState state = outcome.state();
        String what = switch (outcome.status()) {
            case FETCHED -> "fetched " + published + " new" + rejected(outcome, published);
            case NOT_MODIFIED -> "not modified (304)";
            case RETRY_LATER -> "retry later: " + orNone(state.lastError());
            case FAILED -> "failed: " + orNone(state.lastError());
        };
        return "feed " + name(feed) + ": " + what + "; next poll " + state.nextPollAt();
    }

    static String name(FeedRecord feed) {
        return feed.source().isBlank() ? feed.id() : feed.id() + " (" + feed.source() + ")";
    }

    private static String rejected(PollOutcome outcome, int published) {
        int errors = outcome.itemErrors().size() + (outcome.articles().size() - published);
        return errors == 0 ? "" : ", " + errors + " item(s) rejected";
    }

    private static String orNone(String reason) {
        return reason.isBlank() ? "no reason given" : reason;
    }
}
