package io.newsradar.scoring;

import java.util.Objects;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;

/**
 * The processor of a global store that mirrors a small compacted topic of JSON text records
 * ({@code feeds.v1}, {@code mutes.v1}): the store keeps the topic's text, a directory the parsed
 * values. Parsing happens here, not in a deserializer, because a global-store deserializer that
 * throws stops the global thread and with it the whole application: a bad record is counted,
 * logged and treated as absent. A tombstone removes the key; so does a record under the key that
 * cannot be read (what the key held before is no longer what the topic says).
 *
 * <p>An instance re-reads the topic through {@link #process} at start, and {@link #init} offers
 * what the store already holds, so the directory is the same either way.
 *
 * @param <T> the parsed value
 */
public abstract class TextStoreUpdater<T> implements Processor<String, String, Void, Void> {
    private final String storeName;
    private final String topic;
    private KeyValueStore<String, String> store;

    protected TextStoreUpdater(String storeName, String topic) {
        this.storeName = Objects.requireNonNull(storeName, "storeName");
        this.topic = Objects.requireNonNull(topic, "topic");
    }

    /** The value of a record under {@code key}; throws IllegalArgumentException naming what is wrong. */
    protected abstract T parse(String key, String value);

    /** The parsed value is now what {@code key} holds. */
    protected abstract void accept(String key, T value);

    /** {@code key} holds nothing now (a tombstone, or a bad record under it). */
    protected abstract void remove(String key);

    /** Counts a record that could not be used. */
    protected abstract void countRejected();

    /** The logger of the concrete updater, so its lines say which topic they are about. */
    protected abstract Logger log();

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        store = context.getStateStore(storeName);
        try (KeyValueIterator<String, String> all = store.all()) {
            while (all.hasNext()) {
                KeyValue<String, String> kv = all.next();
                offer(kv.key, kv.value);
            }
        }
    }

    @Override
    public void process(Record<String, String> record) {
        if (record.key() == null) {
            countRejected();
            log().warn("{} record without a key ignored", topic);
            return;
        }
        if (record.value() == null) {
            store.delete(record.key());
        } else {
            store.put(record.key(), record.value());
        }
        offer(record.key(), record.value());
    }

    private void offer(String key, String value) {
        if (value == null) {
            remove(key);
            return;
        }
        T parsed;
        try {
            parsed = parse(key, value);
        } catch (IllegalArgumentException e) {
            remove(key);
            countRejected();
            log().warn("{} record {} ignored, treated as absent: {}", topic, key, e.getMessage());
            return;
        }
        accept(key, parsed);
    }
}
