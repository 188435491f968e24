package io.newsradar.scoring;

import io.newsradar.avro.NewsArticle;
import io.newsradar.schemas.limits.ArticleLimits;

/**
 * The rule for what the scoring stream accepts from {@code news.raw.v1}:
 * <ul>
 *   <li>a value (a tombstone is not an article);</li>
 *   <li>a non-blank id, equal to the record key: the key decides the partition, and revisions of
 *       one article are only recognised when they all land on the same one;</li>
 *   <li>a non-blank source, title and content hash;</li>
 *   <li>every text field within {@link ArticleLimits} (the same limits ingest applies before it
 *       publishes), counted in UTF-8 as Avro writes them.</li>
 * </ul>
 * The body may be empty: some feeds publish headlines only, and a title alone can be scored.
 *
 * <p>Why sizes are checked here too: any plain producer can write to {@code news.raw.v1}. A
 * rejection here is a processing exception, which Streams dead-letters and moves past, rather
 * than an output too large to send, which under exactly-once fails the transaction again and
 * again (see {@link ArticleLimits}).
 */
public final class ArticleValidator {
    /** The largest body accepted, in bytes of UTF-8 ({@link ArticleLimits#MAX_BODY_BYTES}). */
    public static final int MAX_BODY_BYTES = ArticleLimits.MAX_BODY_BYTES;
    /** The largest other text field, in bytes of UTF-8 ({@link ArticleLimits#MAX_FIELD_BYTES}). */
    public static final int MAX_FIELD_BYTES = ArticleLimits.MAX_FIELD_BYTES;

    private ArticleValidator() {}

    /** The article, or an {@link InvalidArticleException} naming the first problem. */
    public static NewsArticle validate(String key, NewsArticle article) {
        if (article == null) {
            throw new InvalidArticleException("record with key " + quote(key) + " has no value (tombstone)");
        }
        String id = article.getId();
        if (blank(id)) {
            throw new InvalidArticleException("article has no id (key " + quote(key) + ")");
        }
        if (!id.equals(key)) {
            throw new InvalidArticleException("record key " + quote(key) + " differs from article id " + quote(id)
                    + ": producers must key news.raw records by article id");
        }
        if (blank(article.getSource())) {
            throw new InvalidArticleException("article " + id + " has no source");
        }
        if (blank(article.getTitle())) {
            throw new InvalidArticleException("article " + id + " has no title");
        }
        if (blank(article.getContentHash())) {
            throw new InvalidArticleException("article " + id + " has no content hash");
        }
        ArticleLimits.violation(article).ifPresent(problem -> {
            throw new InvalidArticleException("article " + id + " " + problem);
        });
        return article;
    }

    /** Bytes the string takes in UTF-8 ({@link ArticleLimits#utf8Length}). */
    static long utf8Length(String s) {
        return ArticleLimits.utf8Length(s);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String quote(String s) {
        return s == null ? "null" : "'" + s + "'";
    }
}
