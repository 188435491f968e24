package io.newsradar.scoring.query;

import io.newsradar.schemas.alert.AlertStatus;
import io.newsradar.scoring.stories.AlertedArticle;
import io.newsradar.scoring.stories.RouteAlerts;
import io.newsradar.scoring.stories.StoryState;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A story as {@code GET /v1/stories/{id}} shows it, from the desk's {@code stories} store. Times
 * are ISO-8601 strings (event time, the stream's clock).
 *
 * @param id             the story id, which is the id of its first article
 * @param firstArticleId the same id, named for what it is
 * @param coverage       distinct outlets carrying the story
 * @param outlets        their names (the first {@code StoryOutlets.SHOWN})
 * @param retracted      whether the story was taken down
 * @param lastStatus     the status of its last alert (NEW, UPDATED, RETRACTED), null if it never alerted
 * @param lastSeen       event time of its last article or retraction
 * @param routes         per route it alerted on: how many alerts, the last one's status and time
 * @param lastAlert      the article of its last alert, null if it never alerted
 */
public record StoryView(
        String id,
        String firstArticleId,
        int coverage,
        java.util.List<String> outlets,
        boolean retracted,
        String lastStatus,
        String lastSeen,
        Map<String, RouteView> routes,
        ArticleView lastAlert) {

    public record RouteView(
            int alerts, String lastStatus, double highestScore, int outlets, String lastAlertAt, String priority) {}

    public record ArticleView(
            String articleId,
            int revision,
            String title,
            String url,
            String source,
            String publishedAt,
            double score,
            String rulesVersion) {}

    public static StoryView of(String id, StoryState s) {
        Map<String, RouteView> routes = new LinkedHashMap<>();
        s.routes().forEach((name, r) -> routes.put(name, route(r, s.retracted())));
        String lastStatus = s.routes().values().stream()
                .max(Comparator.comparingLong(RouteAlerts::alertedAtMs))
                .map(r -> status(r, s.retracted()))
                .orElse(null);
        return new StoryView(
                id,
                id,
                s.outlets().count(),
                s.outlets().shown(),
                s.retracted(),
                lastStatus,
                iso(s.lastSeenMs()),
                routes,
                s.alerted() == null ? null : article(s.alerted()));
    }

    private static RouteView route(RouteAlerts r, boolean retracted) {
        return new RouteView(
                r.sequence(), status(r, retracted), r.score(), r.outlets(), iso(r.alertedAtMs()), r.priority());
    }

    private static String status(RouteAlerts r, boolean retracted) {
        if (retracted) {
            return AlertStatus.RETRACTED;
        }
        return r.sequence() == 1 ? AlertStatus.NEW : AlertStatus.UPDATED;
    }

    private static ArticleView article(AlertedArticle a) {
        return new ArticleView(
                a.articleId(),
                a.revision(),
                a.title(),
                a.url(),
                a.source(),
                iso(a.publishedAtMs()),
                a.score(),
                a.rulesVersion());
    }

    static String iso(long epochMs) {
        return Instant.ofEpochMilli(epochMs).toString();
    }
}
