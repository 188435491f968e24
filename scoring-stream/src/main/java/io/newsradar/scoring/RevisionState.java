package io.newsradar.scoring;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;

/**
 * What the dedupe store remembers per article id: the last revision scored and its content hash.
 * Stored as the text {@code <revision>:<contentHash>} so the changelog is readable with any tool.
 */
public record RevisionState(int revision, String contentHash) {

    public RevisionState {
        Objects.requireNonNull(contentHash, "contentHash");
        if (revision < 1) {
            throw new IllegalArgumentException("revision starts at 1: " + revision);
        }
    }

    public String encode() {
        return revision + ":" + contentHash;
    }

    public static RevisionState decode(String text) {
        int colon = text == null ? -1 : text.indexOf(':');
        if (colon < 1) {
            throw new SerializationException("revision state must be '<revision>:<hash>', got: " + text);
        }
        try {
            return new RevisionState(Integer.parseInt(text.substring(0, colon)), text.substring(colon + 1));
        } catch (IllegalArgumentException e) {
            throw new SerializationException("revision state must be '<revision>:<hash>', got: " + text, e);
        }
    }

    public static Serde<RevisionState> serde() {
        Serializer<RevisionState> ser =
                (topic, s) -> s == null ? null : s.encode().getBytes(StandardCharsets.UTF_8);
        Deserializer<RevisionState> de = (topic, b) -> b == null ? null : decode(new String(b, StandardCharsets.UTF_8));
        return Serdes.serdeFrom(ser, de);
    }
}
