package io.newsradar.scoring.stories;

import io.newsradar.avro.NewsArticle;
import io.newsradar.avro.ScoredArticle;
import java.util.Objects;

/**
 * What a story keeps of the article that raised its last alert, so that a retraction can say
 * which alert it withdraws: its RETRACTED alerts carry these fields. Only fields the validator
 * bounds (8 KiB each), so the state stays bounded.
 */
public record AlertedArticle(
        String articleId,
        int revision,
        String title,
        String url,
        String source,
        long publishedAtMs,
        double score,
        String rulesVersion) {
    public AlertedArticle {
        Objects.requireNonNull(articleId, "articleId");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(rulesVersion, "rulesVersion");
    }

    public static AlertedArticle of(ScoredArticle scored) {
        NewsArticle a = scored.getArticle();
        return new AlertedArticle(
                a.getId(),
                scored.getRevision(),
                a.getTitle(),
                a.getUrl(),
                a.getSource(),
                a.getPublishedAt().toEpochMilli(),
                scored.getScore(),
                scored.getRulesVersion());
    }
}
