package io.newsradar.schemas.limits;

import io.newsradar.avro.NewsArticle;
import java.util.List;
import java.util.Optional;

/**
 * The size limits of a {@link NewsArticle}, in one place for every entrance: ingest refuses to
 * publish an article over them, and the scoring stream dead-letters one that arrives anyway (any
 * plain producer can write to {@code news.raw.v1}).
 *
 * <p>Why these numbers: a record larger than the producer's {@code max.request.size} (1 MiB by
 * default) or the topic's {@code max.message.bytes} (1 MiB by default) fails when it is sent, and
 * under exactly-once that failure makes the transaction abortable, so the task would retry the
 * same input forever. The limits keep every output of the stream well below 1 MiB: a {@code
 * ScoredArticle} holds the article (body up to 256 KiB, eight other strings up to 8 KiB each)
 * plus key points, which are distinct sentences of the body and so at most the body again, plus a
 * few KiB of tags and reasons: about 600 KiB at worst. An {@code Alert} holds the title and the
 * key points, about half that. 256 KiB is still some 40,000 words, ten times a long read.
 *
 * <p>Categories (v2): at most {@value #MAX_CATEGORIES} of at most {@value #MAX_CATEGORY_BYTES}
 * bytes each, so 8 KiB at worst, like one more metadata field. Real feeds give a handful of short
 * labels ("Politics", "Asia"); an item with hundreds is a tag cloud or spam, and its first few say
 * what it is about. Ingest keeps the first ones and cuts long ones (with a note); the scoring
 * stream dead-letters a record over these limits like any other.
 */
public final class ArticleLimits {
    /** The largest body accepted, in bytes of UTF-8. */
    public static final int MAX_BODY_BYTES = 256 * 1024;
    /** The largest title, URL, GUID, source, author, language, feed URL or hash, in bytes of UTF-8. */
    public static final int MAX_FIELD_BYTES = 8 * 1024;

    /** The most categories an article keeps. */
    public static final int MAX_CATEGORIES = 32;
    /** The longest category, in bytes of UTF-8. */
    public static final int MAX_CATEGORY_BYTES = 256;

    private ArticleLimits() {}

    /**
     * The first limit the article exceeds, as a sentence naming the field, its size and the
     * limit; empty when the article is within every limit.
     */
    public static Optional<String> violation(NewsArticle article) {
        long bodyBytes = utf8Length(article.getBody());
        if (bodyBytes > MAX_BODY_BYTES) {
            return Optional.of("body is " + bodyBytes + " bytes of UTF-8, over the " + MAX_BODY_BYTES
                    + "-byte limit: its scored record could pass the producer's max.request.size");
        }
        String[][] fields = {
            {"title", article.getTitle()},
            {"url", article.getUrl()},
            {"guid", article.getGuid()},
            {"source", article.getSource()},
            {"author", article.getAuthor()},
            {"language", article.getLanguage()},
            {"feedUrl", article.getFeedUrl()},
            {"contentHash", article.getContentHash()},
            {"feedId", article.getFeedId()},
            {"bodyKind", article.getBodyKind()},
            {"languageSource", article.getLanguageSource()},
            {"publishedAtStatus", article.getPublishedAtStatus()},
            {"alertHold", article.getAlertHold()},
        };
        for (String[] field : fields) {
            long bytes = utf8Length(field[1]);
            if (bytes > MAX_FIELD_BYTES) {
                return Optional.of(field[0] + " is " + bytes + " bytes of UTF-8, over the " + MAX_FIELD_BYTES
                        + "-byte limit for that field");
            }
        }
        return categoriesViolation(article.getCategories());
    }

    private static Optional<String> categoriesViolation(List<? extends CharSequence> categories) {
        if (categories == null) {
            return Optional.empty();
        }
        if (categories.size() > MAX_CATEGORIES) {
            return Optional.of("categories has " + categories.size() + " entries, over the limit of " + MAX_CATEGORIES);
        }
        for (CharSequence category : categories) {
            long bytes = utf8Length(category == null ? null : category.toString());
            if (bytes > MAX_CATEGORY_BYTES) {
                return Optional.of("a category is " + bytes + " bytes of UTF-8, over the " + MAX_CATEGORY_BYTES
                        + "-byte limit for one category");
            }
        }
        return Optional.empty();
    }

    /** Bytes the string takes in UTF-8, counted without encoding it; 0 for null. */
    public static long utf8Length(String s) {
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
}
