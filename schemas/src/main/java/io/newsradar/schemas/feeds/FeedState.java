package io.newsradar.schemas.feeds;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A feed's polling state: the value of the compacted {@code feeds.state.v1} (key: the feed id,
 * partition: {@link FeedPartitions}), JSON format 1. The poller writes it in the same Kafka
 * transaction as the items of the poll that produced it, so a reader of committed records never
 * sees a state that is ahead of the items (or items without their state). No state for a feed
 * means it was never polled: its first poll is a backlog poll.
 *
 * <p>JSON: {@code {"format":1,"feedId":"…","url":"…","etag":"…","lastModified":"…",
 * "lastPollAt":"2026-…Z","lastSuccessAt":…,"nextPollAt":…,"consecutiveErrors":0,"lastError":"",
 * "lastStatus":200,"polls":12,"itemsPublished":40,"seenItemIds":["…"]}}; times are ISO-8601
 * instants or null; text fields are empty strings rather than null. Readers ignore unknown fields.
 *
 * @param feedId            the key; never changes for a feed
 * @param url               where the feed is fetched now: the listed URL, or where a permanent
 *                          redirect sent it
 * @param etag              the last response's ETag, for If-None-Match, or empty
 * @param lastModified      the last response's Last-Modified, verbatim, for If-Modified-Since, or empty
 * @param lastPollAt        when the last poll (of any outcome) ended, or null
 * @param lastSuccessAt     when a poll last got a feed or a 304, or null
 * @param nextPollAt        the earliest time of the next poll (interval, backoff or Retry-After)
 * @param consecutiveErrors failed polls since the last success
 * @param lastError         the reason of the last failure, or empty after a success
 * @param lastStatus        the last HTTP status (0: no response, or a file feed)
 * @param polls             polls ever made (any outcome)
 * @param itemsPublished    items ever published from this feed
 * @param seenItemIds       article ids of the most recent items, newest first, bounded
 *                          ({@link #MAX_SEEN}); an item whose id is here is not published again
 */
public record FeedState(
        String feedId,
        String url,
        String etag,
        String lastModified,
        Instant lastPollAt,
        Instant lastSuccessAt,
        Instant nextPollAt,
        int consecutiveErrors,
        String lastError,
        int lastStatus,
        long polls,
        long itemsPublished,
        List<String> seenItemIds) {
    public static final int FORMAT = 1;

    /** Most seen item ids kept: a few times the item count of a large feed. */
    public static final int MAX_SEEN = 1000;

    private static final ObjectMapper MAPPER = new ObjectMapper();

    public FeedState {
        Objects.requireNonNull(feedId, "feedId");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(nextPollAt, "nextPollAt");
        etag = etag == null ? "" : etag;
        lastModified = lastModified == null ? "" : lastModified;
        lastError = lastError == null ? "" : lastError;
        seenItemIds = List.copyOf(seenItemIds == null ? List.of() : seenItemIds);
    }

    /** The state of a feed never polled: due now, fetched at its listed URL. */
    public static FeedState initial(String feedId, String url, Instant now) {
        return new FeedState(feedId, url, "", "", null, null, now, 0, "", 0, 0, 0, List.of());
    }

    public String toJson() {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("format", FORMAT);
        n.put("feedId", feedId);
        n.put("url", url);
        n.put("etag", etag);
        n.put("lastModified", lastModified);
        putInstant(n, "lastPollAt", lastPollAt);
        putInstant(n, "lastSuccessAt", lastSuccessAt);
        putInstant(n, "nextPollAt", nextPollAt);
        n.put("consecutiveErrors", consecutiveErrors);
        n.put("lastError", lastError);
        n.put("lastStatus", lastStatus);
        n.put("polls", polls);
        n.put("itemsPublished", itemsPublished);
        ArrayNode seen = n.putArray("seenItemIds");
        seenItemIds.forEach(seen::add);
        return n.toString();
    }

    /**
     * @throws IllegalArgumentException naming the problem, when the text is not a feed state of a
     *     known format
     */
    public static FeedState fromJson(String json) {
        JsonNode n;
        try {
            n = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("feed state is not JSON: " + e.getOriginalMessage(), e);
        }
        if (n == null || !n.isObject()) {
            throw new IllegalArgumentException("feed state is not a JSON object");
        }
        if (n.path("format").asInt(-1) != FORMAT) {
            throw new IllegalArgumentException(
                    "feed state format " + n.path("format") + " is not known (this reader knows " + FORMAT + ")");
        }
        String feedId = n.path("feedId").asText("");
        String url = n.path("url").asText("");
        Instant next = instant(n, "nextPollAt");
        if (feedId.isBlank() || url.isBlank() || next == null) {
            throw new IllegalArgumentException("feed state lacks feedId, url or nextPollAt");
        }
        List<String> seen = new ArrayList<>();
        n.path("seenItemIds").forEach(s -> seen.add(s.asText()));
        return new FeedState(
                feedId,
                url,
                n.path("etag").asText(""),
                n.path("lastModified").asText(""),
                instant(n, "lastPollAt"),
                instant(n, "lastSuccessAt"),
                next,
                n.path("consecutiveErrors").asInt(0),
                n.path("lastError").asText(""),
                n.path("lastStatus").asInt(0),
                n.path("polls").asLong(0),
                n.path("itemsPublished").asLong(0),
                seen);
    }

    private static void putInstant(ObjectNode n, String field, Instant value) {
        if (value == null) {
            n.putNull(field);
        } else {
            n.put(field, value.toString());
        }
    }

    private static Instant instant(JsonNode n, String field) {
        JsonNode v = n.path(field);
        if (v.isMissingNode() || v.isNull()) {
            return null;
        }
        try {
            return Instant.parse(v.asText());
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException("feed state " + field + " is not an ISO-8601 instant: " + v.asText(), e);
        }
    }
}
