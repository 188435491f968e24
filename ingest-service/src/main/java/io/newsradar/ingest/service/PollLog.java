package io.newsradar.ingest.service;

import io.newsradar.ingest.poll.PollOutcome;
import io.newsradar.schemas.article.ArticleMarks;
import io.newsradar.schemas.feeds.FeedRecord;
import io.newsradar.schemas.feeds.FeedState;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** The one INFO line per committed poll, compact enough to read a first fetch and then the 304s. */
final class PollLog {
    private PollLog() {}

    static String line(FeedRecord feed, PollOutcome outcome, int published) {
        FeedState state = outcome.state();
        String what = switch (outcome.status()) {
            case FETCHED -> "fetched " + published + " new" + held(outcome) + rejected(outcome, published);
            case NOT_MODIFIED -> "not modified (304)";
            case RETRY_LATER -> "retry later: " + orNone(state.lastError());
            case FAILED -> "failed: " + orNone(state.lastError());
        };
        return "feed " + name(feed) + ": " + what + "; next poll " + state.nextPollAt();
    }

    /** How many of the new items are held from alerting, and why (first poll, age gate). */
    private static String held(PollOutcome outcome) {
        Map<String, Long> byReason = outcome.articles().stream()
                .filter(a -> a.getAlertHold() != null)
                .collect(Collectors.groupingBy(a -> a.getAlertHold(), TreeMap::new, Collectors.counting()));
        if (byReason.isEmpty()) {
            return "";
        }
        return byReason.entrySet().stream()
                .map(e -> e.getValue() + " held from alerts (" + HOLD_NAMES.getOrDefault(e.getKey(), e.getKey()) + ")")
                .collect(Collectors.joining(", ", ", ", ""));
    }

    private static final Map<String, String> HOLD_NAMES =
            Map.of(ArticleMarks.FIRST_POLL, "first poll's backlog", ArticleMarks.TOO_OLD, "older than the age gate");

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
