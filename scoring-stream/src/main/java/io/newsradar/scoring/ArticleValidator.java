package io.newsradar.scoring;

import io.newsradar.avro.NewsArticle;

/**
 * The rule for what the scoring stream accepts from {@code news.raw.v1}:
 * <ul>
 *   <li>a value (a tombstone is not an article);</li>
 *   <li>a non-blank id, equal to the record key: the key decides the partition, and revisions of
 *       one article are only recognised when they all land on the same one;</li>
 *   <li>a non-blank source, title and content hash.</li>
 * </ul>
 * The body may be empty: some feeds publish headlines only, and a title alone can be scored.
 */
public final class ArticleValidator {

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
        return article;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String quote(String s) {
        return s == null ? "null" : "'" + s + "'";
    }
}
