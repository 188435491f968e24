package io.newsradar.scoring.state;

import java.nio.file.Path;
import java.util.Map;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.state.RocksDBConfigSetter;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.Options;

/**
 * One native memory bound for every RocksDB store of a scoring instance, whatever stores the
 * topology has: each store's block cache is the one shared LRU cache of {@link RocksDbMemory}, its
 * index and filter blocks are kept in that cache (not outside it, per open file), and its memtables
 * are counted by one write buffer manager charged to the same cache.
 *
 * <p>Without it each store, each partition of it and each segment of a window store opens a
 * RocksDB instance with its own 50 MB block cache and up to three 16 MB memtables, and its index
 * and filter blocks outside any cache, so memory grows with partitions and segments, not with data.
 *
 * <p>Kafka Streams creates one setter per store and calls {@link #close} when the store closes:
 * the shared cache is released by the last store of the instance, never by one store while others
 * use it (see {@link SharedRocksDbMemory}).
 */
public final class BoundedRocksDb implements RocksDBConfigSetter {
    private SharedRocksDbMemory shared;

    @Override
    public void setConfig(String storeName, Options options, Map<String, Object> configs) {
        RocksDbMemory memory = RocksDbMemory.from(configs);
        if (!(options.tableFormatConfig() instanceof BlockBasedTableConfig table)) {
            throw new IllegalStateException("store " + storeName + ": expected RocksDB's block-based table format, got "
                    + options.tableFormatConfig());
        }
        SharedRocksDbMemory next = SharedRocksDbMemory.acquire(instanceOf(configs), memory);
        if (shared != null) {
            shared.release();
        }
        shared = next;
        // the table config Kafka Streams made (it reads the cache back for its metrics), not a new one
        table.setBlockCache(shared.cache());
        // index and filter blocks in the cache, so they count against the bound; with high
        // priority, so data blocks do not evict them first
        table.setCacheIndexAndFilterBlocks(true);
        table.setCacheIndexAndFilterBlocksWithHighPriority(true);
        options.setWriteBufferManager(shared.writeBuffers());
        // the table factory is built from the config here: set it again for the changes to apply
        options.setTableFormatConfig(table);
    }

    @Override
    public void close(String storeName, Options options) {
        // not the cache itself: other stores of the instance use it; the last one frees it
        if (shared != null) {
            shared.release();
            shared = null;
        }
    }

    /**
     * What one scoring instance is: its state directory for its application id (Kafka Streams locks
     * it, so no two running clients share one).
     */
    static String instanceOf(Map<String, ?> configs) {
        Object dir = configs.get(StreamsConfig.STATE_DIR_CONFIG);
        Object app = configs.get(StreamsConfig.APPLICATION_ID_CONFIG);
        String base = dir == null
                ? "(default state dir)"
                : Path.of(dir.toString()).toAbsolutePath().normalize().toString();
        return base + " " + app;
    }
}
