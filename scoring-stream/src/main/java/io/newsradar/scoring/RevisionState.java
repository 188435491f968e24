package io.newsradar.scoring;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;

/**
 * What the revision store remembers per article id: the last revision scored, the content hashes
 * seen recently (least recently seen first, the most recent last) and the stream time at which
 * the id was last seen.
 *
 * <p>Stored as JSON text, {@code {"v":2,"revision":3,"lastSeen":1777593600000,"hashes":["…","…"]}},
 * so the changelog stays readable with any tool. Values written before the hash set existed,
 * {@code <revision>:<contentHash>}, are still read: one hash, last sighting unknown.
 *
 * @param revision     the revision of the newest content scored, from 1
 * @param recentHashes the contents seen recently, least recently seen first; never empty
 * @param lastSeenMs   stream time (ms) at the last sighting, or {@link #UNKNOWN} for a value
 *                     written in the old format
 */
public record RevisionState(int revision, List<String> recentHashes, long lastSeenMs) {
    /** The last sighting of a value from the old format, which did not record it. */
    public static final long UNKNOWN = -1;

    private static final int FORMAT = 2;
    private static final ObjectMapper JSON = new ObjectMapper();

    public RevisionState {
        if (revision < 1) {
            throw new IllegalArgumentException("revision starts at 1: " + revision);
        }
        recentHashes = List.copyOf(recentHashes); // also refuses null hashes
        if (recentHashes.isEmpty()) {
            throw new IllegalArgumentException("a revision state remembers at least one content hash");
        }
        if (lastSeenMs < UNKNOWN) {
            throw new IllegalArgumentException("last seen must be a stream time or UNKNOWN: " + lastSeenMs);
        }
    }

    /** The first content of an article id, seen at stream time {@code now}. */
    public static RevisionState first(String contentHash, long now) {
        return new RevisionState(1, List.of(contentHash), now);
    }

    public boolean hasSeen(String contentHash) {
        return recentHashes.contains(contentHash);
    }

    public String latestHash() {
        return recentHashes.get(recentHashes.size() - 1);
    }

    public boolean lastSeenKnown() {
        return lastSeenMs != UNKNOWN;
    }

    /** New content seen at {@code now}: the next revision, keeping the {@code bound} most recent hashes. */
    public RevisionState next(String contentHash, long now, int bound) {
        return new RevisionState(revision + 1, mostRecentLast(contentHash, bound), now);
    }

    /**
     * Content seen before, seen again: it becomes the most recent hash. The last sighting moves to
     * {@code now} only when it is unknown or older than {@code refreshAfterMs}; returns this same
     * instance when nothing changes, so the caller can skip the write.
     */
    public RevisionState repeated(String contentHash, long now, long refreshAfterMs, int bound) {
        boolean refresh = !lastSeenKnown() || now - lastSeenMs >= refreshAfterMs;
        boolean reorder = !latestHash().equals(contentHash) || recentHashes.size() > bound;
        if (!refresh && !reorder) {
            return this;
        }
        return new RevisionState(revision, mostRecentLast(contentHash, bound), refresh ? now : lastSeenMs);
    }

    /** The same state, last seen at {@code now} (for values from the old format). */
    public RevisionState seenAt(long now) {
        return new RevisionState(revision, recentHashes, now);
    }

    private List<String> mostRecentLast(String contentHash, int bound) {
        List<String> hashes = new ArrayList<>(recentHashes);
        hashes.remove(contentHash);
        hashes.add(contentHash);
        return hashes.subList(Math.max(0, hashes.size() - bound), hashes.size());
    }

    public String encode() {
        ObjectNode node = JSON.createObjectNode();
        node.put("v", FORMAT);
        node.put("revision", revision);
        if (lastSeenKnown()) {
            node.put("lastSeen", lastSeenMs);
        }
        ArrayNode hashes = node.putArray("hashes");
        recentHashes.forEach(hashes::add);
        try {
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new SerializationException("cannot encode revision state " + this, e);
        }
    }

    /** Either format: the JSON one, or the old {@code <revision>:<contentHash>}. */
    public static RevisionState decode(String text) {
        if (text != null && text.startsWith("{")) {
            return decodeJson(text);
        }
        return decodeLegacy(text);
    }

    private static RevisionState decodeJson(String text) {
        try {
            JsonNode node = JSON.readTree(text);
            if (node.path("v").asInt() != FORMAT
                    || !node.path("revision").canConvertToInt()
                    || !node.path("hashes").isArray()) {
                throw new SerializationException("unknown revision state format: " + text);
            }
            List<String> hashes = new ArrayList<>();
            for (JsonNode h : node.get("hashes")) {
                if (!h.isTextual()) {
                    throw new SerializationException("revision state hashes must be strings: " + text);
                }
                hashes.add(h.asText());
            }
            JsonNode lastSeen = node.path("lastSeen");
            return new RevisionState(
                    node.get("revision").asInt(), hashes, lastSeen.canConvertToLong() ? lastSeen.asLong() : UNKNOWN);
        } catch (IOException | IllegalArgumentException e) {
            throw new SerializationException("cannot decode revision state: " + text, e);
        }
    }

    private static RevisionState decodeLegacy(String text) {
        int colon = text == null ? -1 : text.indexOf(':');
        if (colon < 1) {
            throw new SerializationException("revision state must be JSON or '<revision>:<hash>', got: " + text);
        }
        try {
            return new RevisionState(
                    Integer.parseInt(text.substring(0, colon)), List.of(text.substring(colon + 1)), UNKNOWN);
        } catch (IllegalArgumentException e) {
            throw new SerializationException("revision state must be JSON or '<revision>:<hash>', got: " + text, e);
        }
    }

    public static Serde<RevisionState> serde() {
        Serializer<RevisionState> ser =
                (topic, s) -> s == null ? null : s.encode().getBytes(StandardCharsets.UTF_8);
        Deserializer<RevisionState> de = (topic, b) -> b == null ? null : decode(new String(b, StandardCharsets.UTF_8));
        return Serdes.serdeFrom(ser, de);
    }
}
