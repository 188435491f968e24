package io.newsradar.scoring.state;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.internals.SegmentedBytesStore;
import org.apache.kafka.streams.state.internals.WrappedStateStore;

/**
 * What every state store of a {@link TopologyTestDriver} holds, found by iterating the driver's
 * stores (no store names): entries and bytes as stored, read from the innermost bytes store under
 * the metering, change-logging and caching layers, so a window store counts every segment not yet
 * dropped and every retained duplicate, and a timestamped store its timestamps. Global stores are
 * included (they hold what their topic holds, not what the articles bring).
 */
final class StoreCensus {
    /** One store: entries and serialized key plus value bytes, and its directories' size on disk. */
    record StoreSize(String name, String kind, boolean persistent, long entries, long bytes, long diskBytes) {}

    private StoreCensus() {}

    /** Every store of the driver, by name. */
    static List<StoreSize> take(TopologyTestDriver driver, Path appStateDir) {
        List<StoreSize> out = new ArrayList<>();
        for (Map.Entry<String, StateStore> e : driver.getAllStateStores().entrySet()) {
            out.add(measure(e.getKey(), e.getValue(), appStateDir));
        }
        out.sort(Comparator.comparing(StoreSize::name));
        return out;
    }

    private static StoreSize measure(String name, StateStore store, Path appStateDir) {
        StateStore inner = innermost(store);
        long[] tally = new long[2]; // entries, bytes
        String kind;
        if (inner instanceof SegmentedBytesStore segmented) {
            kind = "window (segmented)";
            countBytes(segmented.all(), tally);
        } else if (inner instanceof KeyValueStore<?, ?> kv) {
            kind = "key-value";
            countBytes(bytesStore(kv).all(), tally);
        } else if (inner instanceof WindowStore<?, ?> window) {
            kind = "window";
            try (KeyValueIterator<Windowed<Bytes>, byte[]> it =
                    windowBytesStore(window).all()) {
                while (it.hasNext()) {
                    KeyValue<Windowed<Bytes>, byte[]> kv = it.next();
                    tally[0]++;
                    // the window start is stored with the key
                    tally[1] += kv.key.key().get().length + Long.BYTES + length(kv.value);
                }
            }
        } else {
            throw new IllegalStateException("store " + name + " is a "
                    + inner.getClass().getName() + ", which this census cannot read yet: add its kind");
        }
        return new StoreSize(name, kind, store.persistent(), tally[0], tally[1], diskBytes(appStateDir, name));
    }

    /** The store under every wrapping layer (metering, change-logging, caching). */
    static StateStore innermost(StateStore store) {
        StateStore s = store;
        while (s instanceof WrappedStateStore<?, ?, ?> wrapped) {
            s = wrapped.wrapped();
        }
        return s;
    }

    private static void countBytes(KeyValueIterator<Bytes, byte[]> iterator, long[] tally) {
        try (KeyValueIterator<Bytes, byte[]> it = iterator) {
            while (it.hasNext()) {
                KeyValue<Bytes, byte[]> kv = it.next();
                tally[0]++;
                tally[1] += kv.key.get().length + length(kv.value);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static KeyValueStore<Bytes, byte[]> bytesStore(KeyValueStore<?, ?> store) {
        // the innermost store of every built-in key-value store holds bytes
        return (KeyValueStore<Bytes, byte[]>) store;
    }

    @SuppressWarnings("unchecked")
    private static WindowStore<Bytes, byte[]> windowBytesStore(WindowStore<?, ?> store) {
        return (WindowStore<Bytes, byte[]>) store;
    }

    private static long length(byte[] b) {
        return b == null ? 0 : b.length;
    }

    /**
     * The size of the store's directories in every task directory: {@code <task>/rocksdb/<store>}
     * for a key-value store, {@code <task>/<store>} (one directory per segment) for a window store.
     * On-disk RocksDB holds only what was flushed and not yet compacted away.
     */
    static long diskBytes(Path appStateDir, String store) {
        if (appStateDir == null || !Files.isDirectory(appStateDir)) {
            return 0;
        }
        long total = 0;
        try (Stream<Path> tasks = Files.list(appStateDir)) {
            for (Path task : tasks.filter(Files::isDirectory).toList()) {
                total += treeBytes(task.resolve("rocksdb").resolve(store));
                total += treeBytes(task.resolve(store));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return total;
    }

    static long treeBytes(Path dir) {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile)
                    .mapToLong(p -> {
                        try {
                            return Files.size(p);
                        } catch (IOException e) {
                            return 0; // a file RocksDB removed while we walked
                        }
                    })
                    .sum();
        } catch (IOException | UncheckedIOException e) {
            return 0; // RocksDB removed a directory (a dropped segment) while we walked
        }
    }

    /** Entries of all stores together. */
    static long totalEntries(List<StoreSize> stores) {
        return stores.stream().mapToLong(StoreSize::entries).sum();
    }
}
