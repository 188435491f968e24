package io.newsradar.scoring.query;

import io.newsradar.avro.Alert;
import io.newsradar.avro.Contribution;
import io.newsradar.avro.IngestChannel;
import io.newsradar.avro.NewsArticle;
import io.newsradar.avro.ScoredArticle;
import io.newsradar.avro.Tag;
import io.newsradar.schemas.alert.AlertStatus;
import io.newsradar.schemas.serde.AvroSerdes;
import java.time.Instant;
import java.util.List;

/** Alerts and scored records made for the query tests. */
final class QueryFixtures {
    static final String ROUTE = "defense-ai";

    static {
        // builders copy their array defaults through Avro, which instantiates only trusted classes:
        // the serdes register ours
        AvroSerdes.alert();
    }

    private QueryFixtures() {}

    static Alert alert(String storyId, int sequence, Instant publishedAt) {
        String status = sequence == 1 ? AlertStatus.NEW : AlertStatus.UPDATED;
        return Alert.newBuilder()
                .setAlertId(AlertStatus.alertId(storyId, ROUTE, sequence))
                .setStoryId(storyId)
                .setRevision(1)
                .setLifecycle(AlertStatus.lifecycleFor(status))
                .setStatus(status)
                .setSequence(sequence)
                .setRoute(ROUTE)
                .setPriority("high")
                .setArticleId("art-" + storyId)
                .setTitle("Navy funds autonomous patrol craft " + storyId)
                .setUrl("https://ledger.example/news/" + storyId)
                .setSource("Harbor City Ledger")
                .setPublishedAt(publishedAt)
                .setScore(7.5)
                .setContributions(List.of(new Contribution("tag.title", 2.0, "+2.0 defense and AI in the title")))
                .setRationale("+2.0 defense and AI in the title")
                .setRulesVersion("rules-1")
                .build();
    }

    static ScoredArticle scored(String id, double score, Instant published, Instant fetched, String... tags) {
        NewsArticle a = NewsArticle.newBuilder()
                .setId(id)
                .setUrl("https://ledger.example/news/" + id)
                .setSource("Harbor City Ledger")
                .setTitle("title " + id)
                .setBody("body " + id)
                .setPublishedAt(published)
                .setFetchedAt(fetched)
                .setContentHash("hash-" + id)
                .setChannel(IngestChannel.FILE)
                .build();
        return ScoredArticle.newBuilder()
                .setArticle(a)
                .setScore(score)
                .setTags(java.util.Arrays.stream(tags)
                        .map(t -> new Tag(t, t, "Test", 1.0, List.of("title")))
                        .toList())
                .setRationale("")
                .setStoryId(id)
                .setRevision(1)
                .setRulesVersion("rules-1")
                .build();
    }
}
