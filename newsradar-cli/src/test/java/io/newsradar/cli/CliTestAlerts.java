package io.newsradar.cli;

import io.newsradar.avro.Alert;
import io.newsradar.avro.AlertLifecycle;
import io.newsradar.schemas.topics.Topics;
import java.time.Instant;
import java.util.List;

/** A minimal valid alert for the CLI's sink tests. */
final class CliTestAlerts {
    private CliTestAlerts() {}

    static Alert alert(String storyId) {
        return Alert.newBuilder()
                .setAlertId(storyId + ":1")
                .setStoryId(storyId)
                .setRevision(1)
                .setLifecycle(AlertLifecycle.NEW)
                .setRoute(Topics.DEFENSE_AI_ROUTE)
                .setPriority("high")
                .setArticleId("art-" + storyId)
                .setTitle("Allies fund joint autonomous maritime patrol programme")
                .setUrl("https://ledger.example/news/" + storyId)
                .setSource("Harbor City Ledger")
                .setPublishedAt(Instant.parse("2025-03-04T08:15:00Z"))
                .setScore(7.5)
                .setTags(List.of())
                .setContributions(List.of())
                .setRationale("+2.0 defense and AI named together in the title")
                .setKeyPoints(List.of())
                .setRulesVersion("rules-test")
                .build();
    }
}
