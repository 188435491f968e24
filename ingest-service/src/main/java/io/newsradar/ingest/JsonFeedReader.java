package io.newsradar.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsradar.avro.IngestChannel;
import io.newsradar.schemas.article.ArticleMarks;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads JSON Feed 1.0 and 1.1 (https://jsonfeed.org/version/1.1), which ROME does not know.
 *
 * <p>Mapping to {@link RawArticle}: link = {@code url}, else {@code external_url}; guid =
 * {@code id} (a number is taken as its text, as 1.0 feeds did); body = {@code content_html},
 * else {@code content_text}, else {@code summary}; authors from 1.1 {@code authors} or 1.0
 * {@code author}; categories from {@code tags}; language from the item, else the feed (1.1);
 * published = {@code date_published}, else {@code date_modified} (RFC 3339, read by
 * {@link FeedDates}, so a sloppy date still counts).
 *
 * <p>Body kind: content that differs from the item's {@code summary} is the full text; content
 * identical to the summary, or only a summary, is a summary (feeds that copy their teaser into
 * {@code content_html} are not promising full text); no body at all is left unknown.
 */
final class JsonFeedReader {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private JsonFeedReader() {}

    static ParsedFeed parse(String text, String feedUrl, String base) throws FeedReadException {
        JsonNode root;
        try {
            root = MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null
                    ? ""
                    : " at line " + e.getLocation().getLineNr() + ", column "
                            + e.getLocation().getColumnNr();
            throw new FeedReadException("feed " + feedUrl + ": invalid JSON" + where + ": " + shortMessage(e), e);
        }
        if (root == null || !root.isObject()) {
            throw new FeedReadException("feed " + feedUrl + ": not a JSON Feed (the document is not a JSON object)");
        }
        String format = format(text(root, "version"));
        JsonNode items = root.get("items");
        if (format == null && (items == null || !items.isArray())) {
            throw new FeedReadException(
                    "feed " + feedUrl + ": not a JSON Feed (no jsonfeed.org version and no items array)");
        }
        if (items != null && !items.isArray()) {
            throw new FeedReadException("feed " + feedUrl + ": not a JSON Feed (\"items\" is not an array)");
        }
        String title = text(root, "title");
        String siteLink = FeedLinks.resolve(text(root, "home_page_url"), base);
        String language = text(root, "language");
        List<RawArticle> raws = new ArrayList<>();
        if (items != null) {
            for (JsonNode item : items) {
                raws.add(toRaw(item, title, language, feedUrl, siteLink, base));
            }
        }
        return new ParsedFeed(format == null ? "json" : format, title, siteLink, language, raws);
    }

    /** Jackson's message without the source description it appends ("(start marker at [Source: ..."). */
    private static String shortMessage(JsonProcessingException e) {
        String m = String.valueOf(e.getOriginalMessage());
        int cut = m.indexOf(" (start marker at");
        m = cut < 0 ? m : m.substring(0, cut);
        int newline = m.indexOf('\n');
        return newline < 0 ? m : m.substring(0, newline);
    }

    /** {@code json_1.0} or {@code json_1.1} for the versions we know, else null. */
    private static String format(String version) {
        if (version == null) {
            return null;
        }
        String v = version.strip().toLowerCase(Locale.ROOT);
        if (v.startsWith("https://jsonfeed.org/version/") || v.startsWith("http://jsonfeed.org/version/")) {
            v = v.substring(v.lastIndexOf('/') + 1);
        }
        return switch (v) {
            case "1", "1.0" -> "json_1.0";
            case "1.1" -> "json_1.1";
            default -> null;
        };
    }

    private static RawArticle toRaw(
            JsonNode item, String feedTitle, String feedLanguage, String feedUrl, String siteLink, String base) {
        if (!item.isObject()) {
            // Kept as an empty item so the normaliser reports it by its place in the feed.
            return new RawArticle(
                    null,
                    null,
                    feedTitle,
                    null,
                    null,
                    null,
                    feedLanguage,
                    null,
                    feedUrl,
                    IngestChannel.FEED,
                    List.of(),
                    null,
                    null);
        }
        String link = text(item, "url");
        if (link == null) {
            link = text(item, "external_url");
        }
        String content = text(item, "content_html");
        if (content == null) {
            content = text(item, "content_text");
        }
        String summary = text(item, "summary");
        String body;
        String bodyKind;
        if (content != null && (summary == null || !content.strip().equals(summary.strip()))) {
            body = content;
            bodyKind = ArticleMarks.FULL_TEXT;
        } else if (content != null || summary != null) {
            body = content != null ? content : summary;
            bodyKind = ArticleMarks.SUMMARY;
        } else {
            body = null;
            bodyKind = null;
        }
        String language = text(item, "language");
        return new RawArticle(
                FeedLinks.resolve(link, siteLink, base),
                text(item, "id"),
                feedTitle,
                text(item, "title"),
                body,
                authors(item),
                language != null ? language : feedLanguage,
                published(item),
                feedUrl,
                IngestChannel.FEED,
                tags(item),
                bodyKind,
                null);
    }

    private static Instant published(JsonNode item) {
        Instant published = FeedDates.parse(text(item, "date_published")).orElse(null);
        return published != null
                ? published
                : FeedDates.parse(text(item, "date_modified")).orElse(null);
    }

    private static String authors(JsonNode item) {
        Set<String> names = new LinkedHashSet<>();
        JsonNode authors = item.get("authors");
        if (authors != null && authors.isArray()) {
            for (JsonNode a : authors) {
                addName(a, names);
            }
        }
        addName(item.get("author"), names);
        return names.isEmpty() ? null : String.join(", ", names);
    }

    private static void addName(JsonNode author, Set<String> names) {
        if (author != null && author.isObject()) {
            String name = text(author, "name");
            if (name != null) {
                names.add(name.strip());
            }
        }
    }

    private static List<String> tags(JsonNode item) {
        Set<String> tags = new LinkedHashSet<>();
        JsonNode node = item.get("tags");
        if (node != null && node.isArray()) {
            for (JsonNode t : node) {
                if (t.isValueNode() && !t.asText().isBlank()) {
                    tags.add(t.asText().strip());
                }
            }
        }
        return List.copyOf(tags);
    }

    /** A string or number field's text; null when absent, null, blank or structured. */
    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || !(v.isTextual() || v.isNumber())) {
            return null;
        }
        String s = v.asText();
        return s.isBlank() ? null : s;
    }
}
