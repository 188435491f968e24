package io.newsradar.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Readers of the other parsers' expected output, one per JSON shape, into the fields we compare. */
final class ExpectedFeeds {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What another parser expected of one document, in the fields we compare. */
    record Expected(String title, String link, List<ExpectedItem> items) {}

    record ExpectedItem(String title, String link, String published) {}

    private ExpectedFeeds() {}

    static Expected gofeedRss(JsonNode root) {
        return new Expected(
                text(root, "title"),
                text(root, "link"),
                items(
                        root.get("items"),
                        i -> new ExpectedItem(text(i, "title"), text(i, "link"), text(i, "pubDateParsed"))));
    }

    static Expected gofeedAtom(JsonNode root) {
        return new Expected(
                text(root, "title"),
                alternate(root.get("links")),
                items(
                        root.get("entries"),
                        i -> new ExpectedItem(
                                text(i, "title"), alternate(i.get("links")), text(i, "publishedParsed"))));
    }

    static Expected universal(JsonNode root) {
        return new Expected(
                text(root, "title"),
                text(root, "link"),
                items(
                        root.get("items"),
                        i -> new ExpectedItem(text(i, "title"), text(i, "link"), text(i, "publishedParsed"))));
    }

    /** gofeed's JSON parser expectations are JSON Feed documents themselves. */
    static Expected universalJson(JsonNode root) {
        return new Expected(
                text(root, "title"),
                text(root, "home_page_url"),
                items(
                        root.get("items"),
                        i -> new ExpectedItem(text(i, "title"), text(i, "url"), text(i, "date_published"))));
    }

    static Expected rssParser(JsonNode root) {
        JsonNode feed = root.has("feed") ? root.get("feed") : root;
        return new Expected(
                text(feed, "title"),
                text(feed, "link"),
                items(feed.get("items"), i -> new ExpectedItem(text(i, "title"), text(i, "link"), text(i, "isoDate"))));
    }

    private static String alternate(JsonNode links) {
        if (links != null) {
            for (JsonNode l : links) {
                String rel = text(l, "rel");
                if ((rel == null || rel.equals("alternate")) && text(l, "href") != null) {
                    return text(l, "href");
                }
            }
        }
        return null;
    }

    private static List<ExpectedItem> items(JsonNode array, Function<JsonNode, ExpectedItem> item) {
        List<ExpectedItem> items = new ArrayList<>();
        if (array != null && array.isArray()) {
            array.forEach(i -> items.add(item.apply(i)));
        }
        return items;
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        return v == null || !v.isValueNode() ? null : v.asText();
    }

    /** Expected JSON is UTF-8, except one rss-parser file saved in Latin-1 (read as windows-1252). */
    static Expected read(Path file, Function<JsonNode, Expected> extract) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        String text;
        try {
            text = StandardCharsets.UTF_8
                    .newDecoder()
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            text = new String(bytes, Charset.forName("windows-1252"));
        }
        return extract.apply(JSON.readTree(text));
    }
}
