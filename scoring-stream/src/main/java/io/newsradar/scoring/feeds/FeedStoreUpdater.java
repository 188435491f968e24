package io.newsradar.scoring.feeds;

import io.newsradar.schemas.feeds.FeedRecord;
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
 * The processor of the global {@code feeds.v1} store: keeps the store a copy of the topic, as
 * strings, and the {@link FeedDirectory} the parsed feeds. Parsing happens here, not in the
 * deserializer, so a bad record is logged and counted and never stops the global thread (which
 * would stop the whole app). A tombstone removes the feed; so does a record under the feed's key
 * that cannot be read (its previous value is no longer what the list says).
 *
 * <p>Like the rules store's processor, an instance re-reads the topic through {@link #process}
 * when the in-memory store is restored at start, and {@link #init} fills the directory from
 * whatever the store already holds.
 */
public final class FeedStoreUpdater implements Processor<String, String, Void, Void> {
    private static final Logger LOG = LoggerFactory.getLogger(FeedStoreUpdater.class);

    private final String storeName;
    private final FeedDirectory directory;
    private KeyValueStore<String, String> store;

    public FeedStoreUpdater(String storeName, FeedDirectory directory) {
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
            LOG.warn("feeds.v1 record without a key ignored");
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
            LOG.info("feed {} removed from the feed list", key);
            return;
        }
        try {
            FeedRecord feed = FeedRecord.fromJson(value);
            if (!feed.id().equals(key)) {
                throw new IllegalArgumentException("its id " + feed.id() + " is not its key");
            }
            directory.put(feed);
            LOG.debug("feed {} ({}) listed: weight {}, fixed tags {}", key, feed.url(), feed.weight(), feed.tags());
        } catch (IllegalArgumentException e) {
            directory.remove(key);
            directory.countRejected();
            LOG.warn("feeds.v1 record {} ignored, the feed is treated as not listed: {}", key, e.getMessage());
        }
    }
}
