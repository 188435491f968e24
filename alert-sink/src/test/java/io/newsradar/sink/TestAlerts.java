package io.newsradar.sink;

import io.newsradar.avro.Alert;
import io.newsradar.avro.Contribution;
import io.newsradar.avro.Tag;
import io.newsradar.schemas.alert.AlertStatus;
import io.newsradar.schemas.topics.Topics;
import java.time.Instant;
import java.util.List;

/** Sample alerts written for these tests. */
final class TestAlerts {
    private TestAlerts() {}

    /** The alert id {@link #alert(String, int)} gives: {@code <story>:defense-ai:<sequence>}. */
    static String id(String storyId, int sequence) {
        return AlertStatus.alertId(storyId, Topics.DEFENSE_AI_ROUTE, sequence);
    }

    /**
     * An {@code Alert} v2 of the story on the defense-ai route: sequence 1 is its NEW alert (one
     * outlet), a later one an UPDATED alert raised by the story's third outlet.
     */
    static Alert alert(String storyId, int sequence) {
        return alert(storyId, sequence, "Allies fund joint autonomous maritime patrol programme");
    }

    static Alert alert(String storyId, int sequence, String title) {
        String status = sequence == 1 ? AlertStatus.NEW : AlertStatus.UPDATED;
        return Alert.newBuilder()
                .setAlertId(id(storyId, sequence))
                .setStoryId(storyId)
                .setRevision(1)
                .setLifecycle(AlertStatus.lifecycleFor(status))
                .setStatus(status)
                .setSequence(sequence)
                .setCoverage(sequence == 1 ? 1 : 3)
                .setOutlets(
                        sequence == 1
                                ? List.of("Harbor City Ledger")
                                : List.of("Harbor City Ledger", "Coastal Wire", "Bay Tribune"))
                .setChange(sequence == 1 ? "" : "score 7.0 -> 7.8; 1 -> 3 outlets")
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
