package io.newsradar.ingest.poll;

import io.newsradar.avro.NewsArticle;
import io.newsradar.schemas.article.ArticleMarks;
import java.time.Duration;

/**
 * Which articles of a poll must never raise an alert ({@code alertHold}): the whole backlog of a
 * feed's very first poll (adding a feed must not set off an alert storm), and any item older than
 * the age gate when it was fetched. Such articles are still published and scored.
 */
final class AlertHolds {
    private AlertHolds() {}

    /** The hold for one article, or null for none; an existing hold is kept. */
    static String holdFor(NewsArticle a, boolean firstPoll, Duration maxAge) {
        if (a.getAlertHold() != null) {
            return a.getAlertHold();
        }
        if (firstPoll) {
            return ArticleMarks.FIRST_POLL;
        }
        // publishedAt is never after fetchedAt (the normaliser caps it), and is fetchedAt when missing
        Duration age = Duration.between(a.getPublishedAt(), a.getFetchedAt());
        return age.compareTo(maxAge) > 0 ? ArticleMarks.TOO_OLD : null;
    }
}
