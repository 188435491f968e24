package io.newsradar.scoring.metrics;

import io.newsradar.avro.Alert;
import io.newsradar.avro.AlertLifecycle;
import io.newsradar.avro.NewsArticle;
import io.newsradar.avro.ScoredArticle;
import io.newsradar.avro.Tag;
import io.newsradar.schemas.alert.AlertStatus;
import io.newsradar.scoring.TestArticles;
import java.time.Instant;
import java.util.Arrays;

/** Hand-made desk outputs: scored records with chosen tags and scores, alerts with chosen statuses. */
final class DeskRecords {
    private DeskRecords() {}

    static ScoredArticle scored(String title, Instant published, double score, String... tags) {
        NewsArticle article = NewsArticle.newBuilder(TestArticles.article(title, "Body of " + title + "."))
                .setPublishedAt(published)
                .setFetchedAt(published.plusSeconds(60))
                .build();
        return ScoredArticle.newBuilder()
                .setArticle(article)
                .setTags(Arrays.stream(tags).map(DeskRecords::tag).toList())
                .setScore(score)
                .setRationale("test")
                .setStoryId(article.getId())
                .setRevision(1)
                .setRulesVersion("test")
                .build();
    }

    static Tag tag(String id) {
        return Tag.newBuilder()
                .setId(id)
                .setLabel(id.replace('-', ' '))
                .setCategory("Test")
                .setWeight(1.0)
                .build();
    }

    static Alert alert(String story, String route, String status, Instant published) {
        return Alert.newBuilder()
                .setAlertId(story + ":" + route + ":1")
                .setStoryId(story)
                .setRevision(1)
                .setLifecycle(AlertStatus.lifecycleFor(status))
                .setRoute(route)
                .setPriority("high")
                .setArticleId(story)
                .setTitle("Alert " + story)
                .setSource("test")
                .setPublishedAt(published)
                .setScore(7.0)
                .setRationale("test")
                .setRulesVersion("test")
                .setStatus(status)
                .build();
    }

    /** An alert written before statuses existed: only the v1 lifecycle says what it is. */
    static Alert v1Alert(String story, String route, AlertLifecycle lifecycle, Instant published) {
        Alert a = alert(story, route, AlertStatus.NEW, published);
        a.setStatus("");
        a.setLifecycle(lifecycle);
        return a;
    }
}
