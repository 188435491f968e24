package io.newsradar.schemas.topics;

import java.util.Map;
import java.util.Objects;
import org.apache.kafka.common.serialization.Serde;

/**
 * A topic of the catalogue: its name, the serdes of its keys and values, and whether it is
 * compacted. Every module takes topic names and serdes from here, never from a string literal.
 */
public record TopicDef<K, V>(String name, Serde<K> keySerde, Serde<V> valueSerde, boolean compacted) {

    public TopicDef {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(keySerde, "keySerde");
        Objects.requireNonNull(valueSerde, "valueSerde");
    }

    /** Topic-level configs to create the topic with. */
    public Map<String, String> creationConfigs() {
        return Map.of("cleanup.policy", compacted ? "compact" : "delete");
    }
}
