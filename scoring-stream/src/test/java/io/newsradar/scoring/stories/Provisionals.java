package io.newsradar.scoring.stories;

import io.newsradar.avro.IngestChannel;
import io.newsradar.avro.NewsArticle;
import io.newsradar.scoring.Provisional;
import io.newsradar.scoring.ScoringContext;
import io.newsradar.scoring.ScoringEngine;
import io.newsradar.scoring.ScoringRules;
import java.time.Instant;

/** Articles and their provisional scores for the story-stage tests. */
final class Provisionals {
    private static final ScoringEngine ENGINE = ScoringEngine.of(ScoringRules.defaults());

    private Provisionals() {}

    static NewsArticle article(String id, String title, String body, Instant fetchedAt) {
        return NewsArticle.newBuilder()
                .setId(id)
                .setUrl("https://test.example/" + id)
                .setSource("outlet-" + id)
                .setTitle(title)
                .setBody(body)
                .setPublishedAt(fetchedAt.minusSeconds(60))
                .setFetchedAt(fetchedAt)
                .setContentHash("hash-" + id)
                .setChannel(IngestChannel.FILE)
                .build();
    }

    static Provisional of(NewsArticle article) {
        return ENGINE.provisional(article, 1, ENGINE.evaluateUnheld(article, ScoringContext.SINGLE));
    }

    static Provisional sample() {
        return of(article("sample", "A title", "A body of a few words.", Instant.parse("2026-01-01T00:00:00Z")));
    }
}
