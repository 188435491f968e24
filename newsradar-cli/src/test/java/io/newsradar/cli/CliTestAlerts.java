package io.newsradar.cli;

import io.newsradar.avro.Alert;
import io.newsradar.avro.AlertLifecycle;
import io.newsradar.schemas.alert.AlertStatus;
import io.newsradar.schemas.topics.Topics;
import java.time.Instant;
import java.util.List;

/** A minimal valid alert (v2: the NEW alert of a one-outlet story) for the CLI's sink and tail tests. */
final class CliTestAlerts {
    private CliTestAlerts() {}

    static Alert alert(String storyId) {
        return Alert.newBuilder()
                .setAlertId(AlertStatus.alertId(storyId, Topics.DEFENSE_AI_ROUTE, 1))
                .setStoryId(storyId)
                .setRevision(1)
                .setLifecycle(AlertLifecycle.NEW)
                .setStatus(AlertStatus.NEW)
                .setSequence(1)
                .setCoverage(1)
                .setOutlets(List.of("Harbor City Ledger"))
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
