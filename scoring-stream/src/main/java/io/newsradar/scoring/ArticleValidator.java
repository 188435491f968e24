package io.newsradar.scoring;

import io.newsradar.avro.NewsArticle;

/**
 * The rule for what the scoring stream accepts from {@code news.raw.v1}:
 * <ul>
 *   <li>a value (a tombstone is not an article);</li>
 *   <li>a non-blank id, equal to the record key: the key decides the partition, and revisions of
 *       one article are only recognised when they all land on the same one;</li>
 *   <li>a non-blank source, title and content hash;</li>
 *   <li>a body of at most {@link #MAX_BODY_BYTES} and every other text field of at most
 *       {@link #MAX_FIELD_BYTES}, counted in UTF-8 as Avro writes them.</li>
 * </ul>
 * The body may be empty: some feeds publish headlines only, and a title alone can be scored.
 *
 * <p>Why sizes are checked here: a record larger than the producer's {@code max.request.size}
 * (1 MiB by default) fails when it is sent, and under exactly-once that failure makes the
 * transaction abortable, so no production exception handler can skip it: the task would retry
 * the same input forever. A rejection here is a processing exception instead, which Streams
 * dead-letters and moves past. The limits keep every output well below 1 MiB: a
 * {@code ScoredArticle} holds the article (body up to 256 KiB, eight other strings up to 8 KiB
 * each) plus key points, which are distinct sentences of the body and so at most the body again,
 * plus a few KiB of tags and reasons: about 600 KiB at worst. An {@code Alert} holds the title and
 * the key points, about half that. 256 KiB is still some 40,000 words, ten times a long read.
 */
public final class ArticleValidator {
    /** The largest body accepted, in bytes of UTF-8. */
    public static final int MAX_BODY_BYTES = 256 * 1024;
    /** The largest title, URL, GUID, source, author, language, feed URL or hash, in bytes of UTF-8. */
    public static final int MAX_FIELD_BYTES = 8 * 1024;

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
        long bodyBytes = utf8Length(article.getBody());
        if (bodyBytes > MAX_BODY_BYTES) {
            throw new InvalidArticleException("article " + id + " body is " + bodyBytes + " bytes of UTF-8, over the "
                    + MAX_BODY_BYTES + "-byte limit: its scored record could pass the producer's max.request.size");
        }
        checkField(id, "title", article.getTitle());
        checkField(id, "url", article.getUrl());
        checkField(id, "guid", article.getGuid());
        checkField(id, "source", article.getSource());
        checkField(id, "author", article.getAuthor());
        checkField(id, "language", article.getLanguage());
        checkField(id, "feedUrl", article.getFeedUrl());
        checkField(id, "contentHash", article.getContentHash());
        return article;
    }

    private static void checkField(String id, String field, String value) {
        long bytes = utf8Length(value);
        if (bytes > MAX_FIELD_BYTES) {
            throw new InvalidArticleException("article " + id + " " + field + " is " + bytes
                    + " bytes of UTF-8, over the " + MAX_FIELD_BYTES + "-byte limit for that field");
        }
    }

    /** Bytes the string takes in UTF-8, counted without encoding it; 0 for null. */
    static long utf8Length(String s) {
        if (s == null) {
            return 0;
        }
        long n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                n += 1;
            } else if (c < 0x800) {
                n += 2;
            } else if (Character.isHighSurrogate(c)
                    && i + 1 < s.length()
                    && Character.isLowSurrogate(s.charAt(i + 1))) {
                n += 4;
                i++;
            } else {
                // other BMP characters; a lone surrogate is written as '?' by the JDK, but
                // counting it as 3 only errs towards the limit
                n += 3;
            }
        }
        return n;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String quote(String s) {
        return s == null ? "null" : "'" + s + "'";
    }
}
