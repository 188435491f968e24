package io.newsradar.sink;

import io.newsradar.avro.Alert;
import io.newsradar.avro.AlertLifecycle;
import io.newsradar.avro.Contribution;
import io.newsradar.avro.Tag;
import io.newsradar.schemas.topics.Topics;
import java.time.Instant;
import java.util.List;

/** Sample alerts written for these tests. */
final class TestAlerts {
    private TestAlerts() {}

    static Alert alert(String storyId, int revision) {
        return alert(storyId, revision, "Allies fund joint autonomous maritime patrol programme");
    }

    static Alert alert(String storyId, int revision, String title) {
        return Alert.newBuilder()
                .setAlertId(storyId + ":" + revision)
                .setStoryId(storyId)
                .setRevision(revision)
                .setLifecycle(revision == 1 ? AlertLifecycle.NEW : AlertLifecycle.UPDATED)
                .setRoute(Topics.DEFENSE_AI_ROUTE)
                .setPriority("high")
                .setArticleId("art-" + storyId)
                .setTitle(title)
                .setUrl("https://ledger.example/news/" + storyId)
                .setSource("Harbor City Ledger")
                .setPublishedAt(Instant.parse("2025-03-04T08:15:00Z"))
                .setScore(7.84)
                .setTags(List.of(
                        new Tag("defense", "defense", "Security & Risk", 2.0, List.of("title")),
                        new Tag(
                                "artificial-intelligence",
                                "artificial intelligence",
                                "Technology",
                                2.0,
                                List.of("title", "body"))))
                .setContributions(List.of(
                        new Contribution("tag.title", 2.0, "+2.0 defense and AI named together in the title"),
                        new Contribution("specificity.budget", 1.5, "+1.5 a budget of 40 million is named")))
                .setRationale("+2.0 defense and AI named together in the title; +1.5 a budget of 40 million is named")
                .setKeyPoints(List.of("The two navies will share a 40 million fund for autonomous patrol craft."))
                .setRulesVersion("rules-7")
                .build();
    }
}
