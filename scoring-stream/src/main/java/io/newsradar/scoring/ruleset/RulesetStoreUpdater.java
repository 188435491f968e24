package io.newsradar.scoring.ruleset;

import java.util.Objects;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The processor of the global {@code rules.v1} store: keeps the store a copy of the topic (every
 * publication of every ruleset, valid or not) and offers each record to {@link LiveRules}.
 *
 * <p>How Kafka Streams (4.4) restores a global store with a processor of its own: before the
 * global thread runs, {@code GlobalStateManagerImpl} re-reads the topic from the store's
 * committed offset (from the beginning for this in-memory store) through a <em>separate</em>
 * instance of this processor, then initialises the instance that handles new records. Both go
 * through {@link #init}, which scans the store and activates the best publication already in it,
 * and {@link #process}, which activates a newer valid one. So after a restart the rules in force
 * are the highest-sequence valid publication, before any stream thread scores a record.
 */
public final class RulesetStoreUpdater implements Processor<String, String, Void, Void> {
    private final String storeName;
    private final LiveRules live;
    private KeyValueStore<String, String> store;

    public RulesetStoreUpdater(String storeName, LiveRules live) {
        this.storeName = Objects.requireNonNull(storeName, "storeName");
        this.live = Objects.requireNonNull(live, "live");
    }

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        store = context.getStateStore(storeName);
        try (KeyValueIterator<String, String> all = store.all()) {
            live.activateLatest(all);
        }
    }

    @Override
    public void process(Record<String, String> record) {
        if (record.key() == null) {
            return;
        }
        if (record.value() == null) {
            store.delete(record.key());
        } else {
            store.put(record.key(), record.value());
        }
        live.offer(record.key(), record.value());
    }
}
