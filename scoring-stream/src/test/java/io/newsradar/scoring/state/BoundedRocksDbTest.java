package io.newsradar.scoring.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.state.internals.BlockBasedTableConfigWithAccessibleCache;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.FlushOptions;
import org.rocksdb.LRUCache;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;

/**
 * The setter on RocksDB options as Kafka Streams prepares them for a store: a block-based table
 * config whose cache Streams reads back (for its metrics), a setter instance per store.
 */
class BoundedRocksDbTest {
    @TempDir
    Path dir;

    private final Map<String, Options> open = new HashMap<>();

    @AfterEach
    void closeOptions() {
        open.values().forEach(Options::close);
    }

    private Map<String, Object> configs(String appId) {
        Map<String, Object> c = new HashMap<>();
        c.put(StreamsConfig.STATE_DIR_CONFIG, dir.toString());
        c.put(StreamsConfig.APPLICATION_ID_CONFIG, appId);
        c.put(RocksDbMemory.MEMORY_BYTES, 16L << 20);
        return c;
    }

    /** Options as RocksDBStore makes them before it calls the setter. */
    private Options streamsOptions(String store) {
        Options o = new Options();
        BlockBasedTableConfigWithAccessibleCache table = new BlockBasedTableConfigWithAccessibleCache();
        table.setBlockCache(new LRUCache(50L << 20)); // Streams' own default, replaced by the setter
        o.setTableFormatConfig(table);
        o.setCreateIfMissing(true);
        open.put(store, o);
        return o;
    }

    private static BlockBasedTableConfigWithAccessibleCache table(Options o) {
        return (BlockBasedTableConfigWithAccessibleCache) o.tableFormatConfig();
    }

    @Test
    void shouldGiveEveryStoreOfAnInstanceTheSameCacheAndWriteBufferManager() {
        BoundedRocksDb a = new BoundedRocksDb();
        BoundedRocksDb b = new BoundedRocksDb();
        Options oa = streamsOptions("a");
        Options ob = streamsOptions("b");
        a.setConfig("article-revisions", oa, configs("app"));
        b.setConfig("story-band-index.1700000000000", ob, configs("app"));
        try {
            SharedRocksDbMemory shared = SharedRocksDbMemory.of(BoundedRocksDb.instanceOf(configs("app")));
            assertThat(shared.users()).isEqualTo(2);
            assertThat(shared.memory().totalBytes()).isEqualTo(16L << 20);
            assertThat(table(oa).blockCache())
                    .isSameAs(shared.cache())
                    .isSameAs(table(ob).blockCache());
            assertThat(oa.writeBufferManager()).isSameAs(shared.writeBuffers()).isSameAs(ob.writeBufferManager());
            // index and filter blocks live in the cache, counted by the bound, with high priority
            for (Options o : new Options[] {oa, ob}) {
                BlockBasedTableConfig t = table(o);
                assertThat(t.cacheIndexAndFilterBlocks()).isTrue();
                assertThat(t.cacheIndexAndFilterBlocksWithHighPriority()).isTrue();
            }
        } finally {
            a.close("article-revisions", oa);
            b.close("story-band-index.1700000000000", ob);
        }
    }

    @Test
    void shouldFreeTheSharedMemoryWithTheLastStoreOnly() {
        String instance = BoundedRocksDb.instanceOf(configs("app"));
        BoundedRocksDb a = new BoundedRocksDb();
        BoundedRocksDb b = new BoundedRocksDb();
        Options oa = streamsOptions("a");
        Options ob = streamsOptions("b");
        a.setConfig("a", oa, configs("app"));
        b.setConfig("b", ob, configs("app"));
        SharedRocksDbMemory shared = SharedRocksDbMemory.of(instance);

        a.close("a", oa);
        // b still uses them
        assertThat(shared.cache().isOwningHandle()).isTrue();
        assertThat(shared.writeBuffers().isOwningHandle()).isTrue();
        assertThat(SharedRocksDbMemory.instances()).contains(instance);
        a.close("a", oa); // a second close of one store does not take b's share
        assertThat(shared.users()).isEqualTo(1);

        b.close("b", ob);
        assertThat(shared.cache().isOwningHandle()).isFalse();
        assertThat(shared.writeBuffers().isOwningHandle()).isFalse();
        assertThat(SharedRocksDbMemory.instances()).doesNotContain(instance);

        // a store opened later (after a rebalance took every task away) gets a new one
        BoundedRocksDb c = new BoundedRocksDb();
        Options oc = streamsOptions("c");
        c.setConfig("c", oc, configs("app"));
        assertThat(table(oc).blockCache()).isNotSameAs(shared.cache());
        assertThat(table(oc).blockCache().isOwningHandle()).isTrue();
        c.close("c", oc);
    }

    @Test
    void shouldBoundEachInstanceOnItsOwn() {
        BoundedRocksDb a = new BoundedRocksDb();
        BoundedRocksDb b = new BoundedRocksDb();
        Options oa = streamsOptions("a");
        Options ob = streamsOptions("b");
        Map<String, Object> other = configs("other-app");
        other.put(RocksDbMemory.MEMORY_BYTES, "32MiB");
        a.setConfig("s", oa, configs("app"));
        b.setConfig("s", ob, other);
        try {
            assertThat(table(oa).blockCache()).isNotSameAs(table(ob).blockCache());
            assertThat(SharedRocksDbMemory.of(BoundedRocksDb.instanceOf(other))
                            .memory()
                            .totalBytes())
                    .isEqualTo(32L << 20);
        } finally {
            a.close("s", oa);
            b.close("s", ob);
        }
    }

    @Test
    void shouldKeepADatabaseWorkingWhenItsSetterClosedBeforeIt() throws RocksDBException {
        // Streams closes the setter, then the database: the last store of an instance frees the
        // Java handles while its database is still open and flushes on close
        BoundedRocksDb setter = new BoundedRocksDb();
        Options o = streamsOptions("db");
        setter.setConfig("db", o, configs("app"));
        try (RocksDB db = RocksDB.open(o, dir.resolve("db").toString());
                FlushOptions flush = new FlushOptions().setWaitForFlush(true)) {
            db.put(bytes("k1"), bytes("v1"));
            setter.close("db", o);
            assertThat(SharedRocksDbMemory.instances()).doesNotContain(BoundedRocksDb.instanceOf(configs("app")));

            db.put(bytes("k2"), bytes("v2"));
            db.flush(flush);
            assertThat(db.get(bytes("k1"))).isEqualTo(bytes("v1"));
            assertThat(db.get(bytes("k2"))).isEqualTo(bytes("v2"));
        }
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
