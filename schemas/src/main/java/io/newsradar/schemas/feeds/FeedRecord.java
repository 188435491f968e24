package io.newsradar.schemas.feeds;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One listed feed: the value of {@code feeds.v1} (key: {@link #id()}), JSON format 1. Written by
 * {@code newsradar feeds add|remove|import} and by an ingest service syncing its feed list; read
 * by every ingest instance (the feeds of the partitions its group assigned it) and by the scoring
 * stream (source weight and fixed tags, through the article's {@code feedId}). A tombstone removes
 * the feed.
 *
 * <p>JSON: {@code {"format":1,"id":"…","url":"…","source":"…","pollIntervalSeconds":900,
 * "weight":0.5,"tags":["defense"],"site":"…","category":"…"}}; {@code source}, {@code site} and
 * {@code category} may be empty strings, never null. Readers ignore fields they do not know, so a
 * later format may add fields; a format number they do not know is refused.
 *
 * @param id           stable feed id (FeedIds in ingest-service), never changes for a feed
 * @param url          http(s) URL as listed, or an absolute file path (samples, tests)
 * @param source       outlet name for its articles, or empty to use the feed's own title
 * @param pollInterval time between successful polls
 * @param weight       source weight the scorer adds for this feed's articles
 * @param tags         tag ids every article of the feed carries
 * @param site         the outlet's web site, or empty
 * @param category     the reader's folder, or empty; informational
 */
public record FeedRecord(
        String id,
        String url,
        String source,
        Duration pollInterval,
        double weight,
        List<String> tags,
        String site,
        String category) {
    public static final int FORMAT = 1;

    private static final ObjectMapper MAPPER = new ObjectMapper();

    public FeedRecord {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(pollInterval, "pollInterval");
        source = source == null ? "" : source;
        site = site == null ? "" : site;
        category = category == null ? "" : category;
        tags = List.copyOf(tags == null ? List.of() : tags);
    }

    public String toJson() {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("format", FORMAT);
        n.put("id", id);
        n.put("url", url);
        n.put("source", source);
        n.put("pollIntervalSeconds", pollInterval.toSeconds());
        n.put("weight", weight);
        ArrayNode t = n.putArray("tags");
        tags.forEach(t::add);
        n.put("site", site);
        n.put("category", category);
        return n.toString();
    }

    /**
     * @throws IllegalArgumentException naming the problem, when the text is not a feed record of a
     *     known format
     */
    public static FeedRecord fromJson(String json) {
        JsonNode n;
        try {
            n = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("feed record is not JSON: " + e.getOriginalMessage(), e);
        }
        if (n == null || !n.isObject()) {
            throw new IllegalArgumentException("feed record is not a JSON object");
        }
        int format = n.path("format").asInt(-1);
        if (format != FORMAT) {
            throw new IllegalArgumentException(
                    "feed record format " + n.path("format") + " is not known (this reader knows " + FORMAT + ")");
        }
        long seconds = n.path("pollIntervalSeconds").asLong(-1);
        if (seconds <= 0) {
            throw new IllegalArgumentException("feed record has no positive pollIntervalSeconds");
        }
        List<String> tags = new ArrayList<>();
        n.path("tags").forEach(t -> tags.add(t.asText()));
        return new FeedRecord(
                required(n, "id"),
                required(n, "url"),
                n.path("source").asText(""),
                Duration.ofSeconds(seconds),
                n.path("weight").asDouble(0),
                tags,
                n.path("site").asText(""),
                n.path("category").asText(""));
    }

    private static String required(JsonNode n, String field) {
        String v = n.path(field).asText("");
        if (v.isBlank()) {
            throw new IllegalArgumentException("feed record has no " + field);
        }
        return v;
    }
}
