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

    /**
     * Topic-level configs to create the topic with. Records carry the article's publish time as
     * their timestamp (event time), and Kafka's time-based retention goes by record timestamps:
     * with the broker's 7-day default, an article published last month would be deleted minutes
     * after it landed. So no time-based retention here; bound the topics by size
     * ({@code retention.bytes}) in operation instead.
     */
    public Map<String, String> creationConfigs() {
        if (compacted) {
            return Map.of("cleanup.policy", "compact");
        }
        return Map.of("cleanup.policy", "delete", "retention.ms", "-1");
    }
}
