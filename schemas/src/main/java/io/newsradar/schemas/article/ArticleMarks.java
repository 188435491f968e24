package io.newsradar.schemas.article;

import io.newsradar.avro.NewsArticle;

/**
 * The values of {@code NewsArticle}'s v2 marker fields, and how readers interpret them. The fields
 * are strings, not Avro enums, on purpose: a later value never breaks a reader deployed before it
 * (it reads as the documented fallback), and a builder's default needs no class lookup (Avro 1.12
 * only instantiates trusted classes, and an enum default would need one).
 */
public final class ArticleMarks {
    private ArticleMarks() {}

    /** {@code bodyKind}: the body is the article's full text. */
    public static final String FULL_TEXT = "FULL_TEXT";
    /** {@code bodyKind}: the body is only the feed's summary or teaser. */
    public static final String SUMMARY = "SUMMARY";
    /** {@code bodyKind} / {@code languageSource}: the source does not say. */
    public static final String UNKNOWN = "UNKNOWN";

    /** {@code languageSource}: the source declared the language (feed, item or push). */
    public static final String DECLARED = "DECLARED";
    /** {@code languageSource}: detected from the text. */
    public static final String DETECTED = "DETECTED";

    /** {@code publishedAtStatus}: publishedAt is the source's own time. */
    public static final String GIVEN = "GIVEN";
    /** {@code publishedAtStatus}: the source gave no usable time; publishedAt is fetchedAt. */
    public static final String MISSING = "MISSING";
    /** {@code publishedAtStatus}: the source's time was after fetchedAt and was capped to it. */
    public static final String IN_FUTURE = "IN_FUTURE";

    /** {@code alertHold}: part of the backlog of a feed's very first poll. */
    public static final String FIRST_POLL = "FIRST_POLL";
    /** {@code alertHold}: older than the ingest age gate when it was fetched. */
    public static final String TOO_OLD = "TOO_OLD";

    /** Whether the body is known to be only a summary ({@code bodyKind} SUMMARY). */
    public static boolean summaryOnly(NewsArticle article) {
        return SUMMARY.equals(article.getBodyKind());
    }

    /** Whether the article must never raise an alert: any non-null {@code alertHold}. */
    public static boolean alertHeld(NewsArticle article) {
        return article.getAlertHold() != null;
    }
}
