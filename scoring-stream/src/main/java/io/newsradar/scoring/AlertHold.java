package io.newsradar.scoring;

import io.newsradar.avro.NewsArticle;
import io.newsradar.schemas.article.ArticleMarks;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Ingest's hold on alerts ({@code NewsArticle.alertHold}, issue 7): a held article is tagged,
 * scored and published to {@code news.scored.v1} as usual, but goes to no route, so it raises no
 * alert; its rationale says why, and which routes it would have taken. Any non-null value holds,
 * including values this reader does not know yet (a later ingest may add reasons): the safe
 * reading of a hold is "no alert".
 */
public final class AlertHold {
    private AlertHold() {}

    /** The rationale's sentence for a held article, or empty when it may alert. */
    public static Optional<String> sentence(NewsArticle article, List<Route> wouldTake) {
        if (!ArticleMarks.alertHeld(article)) {
            return Optional.empty();
        }
        String why = switch (article.getAlertHold()) {
            case ArticleMarks.FIRST_POLL -> "Not alerted: part of the backlog of the feed's first poll";
            case ArticleMarks.TOO_OLD -> "Not alerted: older than the ingest age gate" + age(article);
            default -> "Not alerted: held at ingest (" + article.getAlertHold() + ")";
        };
        String routes = wouldTake.isEmpty()
                ? ""
                : "; it would have gone to "
                        + String.join(", ", wouldTake.stream().map(Route::name).toList());
        return Optional.of(why + routes + ".");
    }

    private static String age(NewsArticle article) {
        if (article.getPublishedAt() == null || article.getFetchedAt() == null) {
            return "";
        }
        Duration age = Duration.between(article.getPublishedAt(), article.getFetchedAt());
        return age.isNegative() ? "" : " (published " + StoryTerms.describe(age) + " before it was fetched)";
    }
}
