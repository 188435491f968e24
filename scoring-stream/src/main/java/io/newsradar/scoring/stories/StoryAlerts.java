package io.newsradar.scoring.stories;

import io.newsradar.avro.Alert;
import io.newsradar.avro.NewsArticle;
import io.newsradar.avro.ScoredArticle;
import io.newsradar.schemas.alert.AlertStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The {@code Alert} v2 records of a story: NEW and UPDATED from an article, RETRACTED from the story. */
final class StoryAlerts {
    private StoryAlerts() {}

    /**
     * A NEW or UPDATED alert raised by {@code scored} (the finished record, with the story's
     * coverage and outlets) on {@code route}.
     */
    static Alert raised(ScoredArticle scored, String route, RouteAlerts after, String status, String change) {
        NewsArticle a = scored.getArticle();
        return Alert.newBuilder()
                .setAlertId(AlertStatus.alertId(scored.getStoryId(), route, after.sequence()))
                .setStoryId(scored.getStoryId())
                .setRevision(scored.getRevision())
                .setLifecycle(AlertStatus.lifecycleFor(status))
                .setStatus(status)
                .setSequence(after.sequence())
                .setRoute(route)
                .setPriority(after.priority())
                .setArticleId(a.getId())
                .setTitle(a.getTitle())
                .setUrl(a.getUrl())
                .setSource(a.getSource())
                .setPublishedAt(a.getPublishedAt())
                .setScore(scored.getScore())
                .setTags(scored.getTags())
                .setContributions(scored.getContributions())
                .setRationale(scored.getRationale())
                .setKeyPoints(scored.getKeyPoints())
                .setRulesVersion(scored.getRulesVersion())
                .setCoverage(scored.getCoverage())
                .setOutlets(scored.getOutlets())
                .setChange(change)
                .build();
    }

    /**
     * The RETRACTED alert of a story on {@code route}: the fields of the article of its last alert,
     * the reason as the change.
     *
     * @param retractedArticle the article whose takedown retracts the story
     */
    static Alert retracted(
            String storyId, String route, RouteAlerts after, StoryState story, String reason, String retractedArticle) {
        AlertedArticle a = story.alerted();
        return Alert.newBuilder()
                .setAlertId(AlertStatus.alertId(storyId, route, after.sequence()))
                .setStoryId(storyId)
                .setRevision(a.revision())
                .setLifecycle(AlertStatus.lifecycleFor(AlertStatus.RETRACTED))
                .setStatus(AlertStatus.RETRACTED)
                .setSequence(after.sequence())
                .setRoute(route)
                .setPriority(after.priority())
                .setArticleId(a.articleId())
                .setTitle(a.title())
                .setUrl(a.url())
                .setSource(a.source())
                .setPublishedAt(Instant.ofEpochMilli(a.publishedAtMs()))
                .setScore(a.score())
                .setTags(List.of())
                .setContributions(List.of())
                .setRationale(retractionSentence(reason, retractedArticle))
                .setKeyPoints(List.of())
                .setRulesVersion(a.rulesVersion())
                .setCoverage(story.outlets().count())
                .setOutlets(story.outlets().shown())
                .setChange(reason)
                .build();
    }

    static String retractionSentence(String reason, String retractedArticle) {
        return "Retracted: " + reason + " (article " + retractedArticle + ").";
    }

    /**
     * What an UPDATED alert adds to the last one: "score 6.1 -> 7.0; 2 -> 4 outlets", each part
     * only when it changed for the better.
     */
    static String change(double fromScore, double toScore, int fromOutlets, int toOutlets) {
        List<String> parts = new ArrayList<>(2);
        if (toScore > fromScore) {
            parts.add(String.format(Locale.ROOT, "score %.1f -> %.1f", fromScore, toScore));
        }
        if (toOutlets > fromOutlets) {
            parts.add(fromOutlets + " -> " + toOutlets + " outlets");
        }
        return String.join("; ", parts);
    }
}
