package io.newsradar.ingest;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * Progress lines for a long input, such as
 * {@code big.jsonl: 120,000 lines read (35%), 119,870 published, 3 rejected, 4,100/s}: one per
 * interval, the first after one interval, so an input that is done sooner prints none and a short
 * run looks as if there were no meter at all. The rate is articles published per second since the
 * line before.
 */
public final class IngestProgress {
    /** How often the CLI prints a line. */
    public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(2);

    private static final IngestProgress SILENT = new IngestProgress(DEFAULT_INTERVAL, () -> 0L, null);

    private final long intervalNanos;
    private final LongSupplier nanoClock;
    private final Consumer<String> sink;

    private IngestProgress(Duration interval, LongSupplier nanoClock, Consumer<String> sink) {
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("progress interval must be positive, got " + interval);
        }
        this.intervalNanos = interval.toNanos();
        this.nanoClock = Objects.requireNonNull(nanoClock, "nanoClock");
        this.sink = sink;
    }

    /** No lines at all (the demo, services, tests that do not look). */
    public static IngestProgress silent() {
        return SILENT;
    }

    /**
     * A line to {@code sink} every {@code interval} of {@code nanoClock} (a {@link System#nanoTime()}
     * reading; tests pass a fake).
     */
    public static IngestProgress every(Duration interval, LongSupplier nanoClock, Consumer<String> sink) {
        return new IngestProgress(interval, nanoClock, Objects.requireNonNull(sink, "sink"));
    }

    /** A line every {@link #DEFAULT_INTERVAL} to {@code out}, flushed at once (the CLI's stderr). */
    public static IngestProgress printedTo(PrintWriter out) {
        return every(DEFAULT_INTERVAL, System::nanoTime, line -> {
            out.println(line);
            out.flush();
        });
    }

    /** Starts measuring one input of {@code sizeBytes} (negative when not known: no percentage). */
    Meter start(String input, long sizeBytes) {
        return new Meter(input, sizeBytes);
    }

    /** The meter of one input; told the counts as they change, prints when an interval is over. */
    final class Meter {
        private final String input;
        private final long sizeBytes;
        private long lastNanos;
        private long lastPublished;

        private Meter(String input, long sizeBytes) {
            this.input = input;
            this.sizeBytes = sizeBytes;
            this.lastNanos = sink == null ? 0 : nanoClock.getAsLong();
        }

        /**
         * The counts so far; prints a line when an interval has passed since the last one (or the
         * start).
         */
        void update(long linesRead, long bytesRead, long published, long rejected) {
            if (sink == null) {
                return;
            }
            long now = nanoClock.getAsLong();
            long elapsed = now - lastNanos;
            if (elapsed < intervalNanos) {
                return;
            }
            long rate = Math.round((published - lastPublished) * 1e9 / elapsed);
            sink.accept(String.format(
                    Locale.ROOT,
                    "%s: %,d lines read%s, %,d published, %,d rejected, %,d/s",
                    input,
                    linesRead,
                    percent(bytesRead),
                    published,
                    rejected,
                    rate));
            lastNanos = now;
            lastPublished = published;
        }

        private String percent(long bytesRead) {
            if (sizeBytes <= 0 || bytesRead < 0) {
                return "";
            }
            // the reader buffers ahead of the line it is on: never claim more than all of it
            return " (" + Math.min(100, bytesRead * 100 / sizeBytes) + "%)";
        }
    }
}
