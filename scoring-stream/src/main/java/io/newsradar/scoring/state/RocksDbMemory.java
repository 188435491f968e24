package io.newsradar.scoring.state;

import io.newsradar.schemas.config.NewsradarConfig;
import java.util.Locale;
import java.util.Map;

/**
 * The native memory RocksDB may use for all state stores of one scoring instance together: one
 * block cache of {@link #totalBytes()}, holding data blocks, index and filter blocks, and the
 * memtables (whose {@link #writeBufferBytes() share} a write buffer manager charges to the same
 * cache). See {@link BoundedRocksDb}.
 *
 * @param totalBytes the bound, in bytes
 */
public record RocksDbMemory(long totalBytes) {
    /** Bytes, or a whole number with {@code KiB}, {@code MiB} or {@code GiB}: {@code 67108864}, {@code 64MiB}. */
    public static final String MEMORY_BYTES = "scoring.rocksdb.memory.bytes";

    /**
     * 64 MiB: several times what the stores read per second at newsradar's rates (a few articles
     * per second, a few small entries each), while a Kafka Streams default store alone reserves a
     * 50 MB block cache and up to three 16 MB memtables, per store and per partition.
     */
    public static final long DEFAULT_TOTAL_BYTES = 64L << 20;

    // below this the memtables flush after a few hundred KB, creating many tiny files to compact
    static final long MIN_TOTAL_BYTES = 8L << 20;
    // a guard against a unit slip (bytes meant as KiB...), not a real limit of RocksDB
    static final long MAX_TOTAL_BYTES = 1L << 40;
    // memtables may take up to half the bound; blocks (and pinned index/filter blocks) the rest
    private static final int WRITE_BUFFER_DIVISOR = 2;
    // a tenth of the cache is kept for index and filter blocks, so data blocks cannot evict them
    static final double HIGH_PRIORITY_POOL_RATIO = 0.1;

    public RocksDbMemory {
        if (totalBytes < MIN_TOTAL_BYTES || totalBytes > MAX_TOTAL_BYTES) {
            throw new IllegalArgumentException(problem(Long.toString(totalBytes)));
        }
    }

    public static RocksDbMemory defaults() {
        return new RocksDbMemory(DEFAULT_TOTAL_BYTES);
    }

    /** {@value #MEMORY_BYTES} from the newsradar config, or the default; a clear error naming a bad value. */
    public static RocksDbMemory from(NewsradarConfig config) {
        return parse(config.get(MEMORY_BYTES));
    }

    /**
     * {@value #MEMORY_BYTES} from the configs Kafka Streams hands a store (every setting the
     * client was given): a number (as {@link #streamsValue()} puts it) or text.
     */
    public static RocksDbMemory from(Map<String, ?> configs) {
        Object v = configs.get(MEMORY_BYTES);
        if (v instanceof Number n) {
            try {
                return new RocksDbMemory(n.longValue());
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
        }
        return parse(v == null ? null : v.toString());
    }

    /** The value for the Kafka Streams properties. */
    public Long streamsValue() {
        return totalBytes;
    }

    /** The write buffer manager's budget: memtables beyond it are flushed, and it counts against the cache. */
    public long writeBufferBytes() {
        return totalBytes / WRITE_BUFFER_DIVISOR;
    }

    static RocksDbMemory parse(String text) {
        if (text == null || text.isBlank()) {
            return defaults();
        }
        String t = text.strip().toLowerCase(Locale.ROOT).replace(" ", "");
        int shift = 0;
        if (t.endsWith("kib")) {
            shift = 10;
        } else if (t.endsWith("mib")) {
            shift = 20;
        } else if (t.endsWith("gib")) {
            shift = 30;
        }
        String digits = shift == 0 ? t : t.substring(0, t.length() - 3);
        if (digits.isEmpty() || digits.length() > 15 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new IllegalStateException(problem(text));
        }
        long bytes = Long.parseLong(digits) << shift;
        if (bytes < MIN_TOTAL_BYTES || bytes > MAX_TOTAL_BYTES) {
            throw new IllegalStateException(problem(text));
        }
        return new RocksDbMemory(bytes);
    }

    private static String problem(String got) {
        return "setting '" + MEMORY_BYTES + "' must be a number of bytes such as 67108864, or a whole number of"
                + " KiB, MiB or GiB such as 64MiB, from " + (MIN_TOTAL_BYTES >> 20) + " MiB to "
                + (MAX_TOTAL_BYTES >> 30) + " GiB; got '" + got + "'";
    }
}
