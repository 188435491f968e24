package io.newsradar.ingest;

import io.newsradar.schemas.article.ArticleMarks;
import io.newsradar.schemas.limits.ArticleLimits;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The v2 metadata {@link ArticleNormalizer} derives besides the text: categories, body kind and
 * publish-time status (values in {@link ArticleMarks}).
 */
final class ArticleMarkers {
    private ArticleMarkers() {}

    /**
     * The categories as plain single-line text, blanks dropped, duplicates dropped (ignoring case;
     * the first spelling stays), in the source's order, within {@link ArticleLimits}: the first
     * {@value ArticleLimits#MAX_CATEGORIES} kept and each cut to {@value
     * ArticleLimits#MAX_CATEGORY_BYTES} bytes at a word boundary, with a note when either happened.
     */
    static List<String> categories(List<String> raw, List<String> notes) {
        if (raw == null || raw.isEmpty()) {
            return List.of();
        }
        Map<String, String> unique = new LinkedHashMap<>();
        int cut = 0;
        for (String category : raw) {
            if (category == null || category.isBlank()) {
                continue;
            }
            String text = HtmlText.toSingleLine(category);
            String capped = SizeCap.cut(text, ArticleLimits.MAX_CATEGORY_BYTES);
            if (capped.isEmpty()) {
                continue;
            }
            if (capped.length() < text.length()) {
                cut++;
            }
            unique.putIfAbsent(capped.toLowerCase(Locale.ROOT), capped);
        }
        List<String> kept = new ArrayList<>(unique.values());
        if (cut > 0) {
            notes.add(cut + " categor" + (cut == 1 ? "y was" : "ies were") + " over the "
                    + ArticleLimits.MAX_CATEGORY_BYTES + "-byte limit for one category: truncated");
        }
        if (kept.size() > ArticleLimits.MAX_CATEGORIES) {
            notes.add(kept.size() + " distinct categories, over the limit of " + ArticleLimits.MAX_CATEGORIES
                    + ": kept the first " + ArticleLimits.MAX_CATEGORIES);
            kept = kept.subList(0, ArticleLimits.MAX_CATEGORIES);
        }
        return List.copyOf(kept);
    }

    /**
     * {@link ArticleMarks#FULL_TEXT} or {@link ArticleMarks#SUMMARY} when the source said which
     * (the constants in any case, or "full", "full-text", "fulltext", "summary"), else {@link
     * ArticleMarks#UNKNOWN}; always UNKNOWN for an empty body, which is neither.
     */
    static String bodyKind(String raw, String body) {
        if (raw == null || body == null || body.isEmpty()) {
            return ArticleMarks.UNKNOWN;
        }
        return switch (raw.strip().toLowerCase(Locale.ROOT).replace('-', '_')) {
            case "full_text", "full", "fulltext" -> ArticleMarks.FULL_TEXT;
            case "summary" -> ArticleMarks.SUMMARY;
            default -> ArticleMarks.UNKNOWN;
        };
    }

    /** GIVEN, MISSING (no time) or IN_FUTURE (after the fetch, and so capped to it). */
    static String publishedAtStatus(Instant given, Instant fetchedAt) {
        if (given == null) {
            return ArticleMarks.MISSING;
        }
        return given.isAfter(fetchedAt) ? ArticleMarks.IN_FUTURE : ArticleMarks.GIVEN;
    }
}
