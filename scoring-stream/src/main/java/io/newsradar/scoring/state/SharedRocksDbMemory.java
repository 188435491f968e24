package io.newsradar.scoring.state;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.rocksdb.Cache;
import org.rocksdb.LRUCache;
import org.rocksdb.WriteBufferManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The block cache and write buffer manager shared by every RocksDB store of one scoring instance,
 * counted by the stores using them: created for the first store to open, released when the last
 * one closes.
 *
 * <p>Kafka Streams makes a new {@link BoundedRocksDb} per store (and per segment of a window
 * store), so what the stores share lives here, keyed by the instance (state directory and
 * application id): two scoring instances in one JVM, as in the integration tests, get a bound each.
 *
 * <p>Releasing the Java handles while a database still uses them is safe: RocksDB's table factory
 * and options hold their own references to the native cache and write buffer manager, which live
 * until the last database using them is closed. Kafka Streams calls the setter's close just before
 * it closes the database.
 */
final class SharedRocksDbMemory {
    private static final Logger LOG = LoggerFactory.getLogger(SharedRocksDbMemory.class);
    // the LRU cache's own default: 2^6 shards, each with its own lock
    private static final int DEFAULT_SHARD_BITS = -1;
    // false: a full cache evicts rather than fails a read; the bound can be overshot briefly by
    // blocks being read and by a memtable filling before its flush
    private static final boolean STRICT_CAPACITY = false;

    private static final Map<String, SharedRocksDbMemory> BY_INSTANCE = new HashMap<>();

    private final String instance;
    private final RocksDbMemory memory;
    private final Cache cache;
    private final WriteBufferManager writeBuffers;
    private int users;

    private SharedRocksDbMemory(String instance, RocksDbMemory memory) {
        this.instance = instance;
        this.memory = memory;
        this.cache = new LRUCache(
                memory.totalBytes(), DEFAULT_SHARD_BITS, STRICT_CAPACITY, RocksDbMemory.HIGH_PRIORITY_POOL_RATIO);
        // charged to the cache: memtables and cached blocks together stay within the one bound
        this.writeBuffers = new WriteBufferManager(memory.writeBufferBytes(), cache);
    }

    /** The shared memory of {@code instance}, created with {@code memory} for its first store. */
    static SharedRocksDbMemory acquire(String instance, RocksDbMemory memory) {
        synchronized (BY_INSTANCE) {
            SharedRocksDbMemory shared = BY_INSTANCE.computeIfAbsent(instance, i -> {
                LOG.info(
                        "RocksDB stores of {} share {} bytes of native memory (memtables up to {})",
                        i,
                        memory.totalBytes(),
                        memory.writeBufferBytes());
                return new SharedRocksDbMemory(i, memory);
            });
            shared.users++;
            return shared;
        }
    }

    /** One store fewer; the last one frees the cache and the write buffer manager. */
    void release() {
        synchronized (BY_INSTANCE) {
            if (users == 0) {
                return; // released once too often: nothing more to free
            }
            users--;
            if (users == 0) {
                BY_INSTANCE.remove(instance, this);
                writeBuffers.close();
                cache.close();
            }
        }
    }

    Cache cache() {
        return cache;
    }

    WriteBufferManager writeBuffers() {
        return writeBuffers;
    }

    RocksDbMemory memory() {
        return memory;
    }

    /** Stores using it now. */
    int users() {
        synchronized (BY_INSTANCE) {
            return users;
        }
    }

    /** The instances with an open store, for tests and diagnostics. */
    static Set<String> instances() {
        synchronized (BY_INSTANCE) {
            return Set.copyOf(BY_INSTANCE.keySet());
        }
    }

    /** The shared memory of an instance while one of its stores is open, else null. */
    static SharedRocksDbMemory of(String instance) {
        synchronized (BY_INSTANCE) {
            return BY_INSTANCE.get(instance);
        }
    }
}
