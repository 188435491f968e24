package io.newsradar.scoring.mutes;

import io.newsradar.schemas.mutes.MuteRecord;
import java.util.Objects;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The processor of the global {@code mutes.v1} store: keeps the store a copy of the topic, as
 * strings, and the {@link MuteDirectory} the parsed mutes. Parsing happens here, not in the
 * deserializer, so a bad record is logged and counted and never stops the global thread (which
 * would stop the whole app). A tombstone unmutes; so does a record under the key that cannot be
 * read (the mute it replaced is no longer what the topic says).
 *
 * <p>Like the feed list's processor, an instance re-reads the topic through {@link #process}
 * when the in-memory store is restored at start, and {@link #init} fills the directory from
 * whatever the store already holds.
 */
public final class MuteStoreUpdater implements Processor<String, String, Void, Void> {
    private static final Logger LOG = LoggerFactory.getLogger(MuteStoreUpdater.class);

    private final String storeName;
    private final MuteDirectory directory;
    private KeyValueStore<String, String> store;

    public MuteStoreUpdater(String storeName, MuteDirectory directory) {
        this.storeName = Objects.requireNonNull(storeName, "storeName");
        this.directory = Objects.requireNonNull(directory, "directory");
    }

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
            directory.countRejected();
            LOG.warn("mutes.v1 record without a key ignored");
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
            directory.remove(key);
            LOG.info("{} unmuted", key);
            return;
        }
        try {
            MuteRecord mute = MuteRecord.fromJson(value);
            if (!mute.key().equals(key)) {
                // another writer's key scheme: an unmute under the key would not reach this mute
                throw new IllegalArgumentException("its key would be " + mute.key());
            }
            directory.put(mute);
            LOG.info("{} muted until {}{}", key, mute.untilText(), mute.reason().isEmpty() ? "" : ": " + mute.reason());
        } catch (IllegalArgumentException e) {
            directory.remove(key);
            directory.countRejected();
            LOG.warn("mutes.v1 record {} ignored, nothing is muted under that key: {}", key, e.getMessage());
        }
    }
}
