package io.newsradar.scoring.query;

import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.zip.DataFormatException;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * One instance's latency distribution in milliseconds, recorded by stream threads and read by HTTP
 * threads. An HdrHistogram {@link Recorder} takes the values without locks; a read moves what it
 * holds into a running total and copies that. HdrHistograms merge exactly (bucket counts add up),
 * so quantiles over several instances come from the sum of their histograms, never from averaging
 * their quantiles.
 */
public final class LatencyHistogram {
    /** Three significant digits: a quantile is off by at most 0.1 %; the range grows as needed. */
    static final int SIGNIFICANT_DIGITS = 3;

    private final Recorder recorder = new Recorder(SIGNIFICANT_DIGITS);
    private final Histogram total = newHistogram();
    private Histogram recycled;

    /** Records one latency; a negative one (clocks of two hosts apart) counts as 0. */
    public void record(long millis) {
        recorder.recordValue(Math.max(0, millis));
    }

    /** Everything recorded so far, as a copy the caller owns. */
    public synchronized Histogram snapshot() {
        recycled = recorder.getIntervalHistogram(recycled);
        total.add(recycled);
        return total.copy();
    }

    /** An empty, auto-resizing histogram of the same precision. */
    public static Histogram newHistogram() {
        return new Histogram(SIGNIFICANT_DIGITS);
    }

    /** The compressed HdrHistogram encoding, base64: what an instance sends to the one merging. */
    public static String encode(Histogram h) {
        ByteBuffer buf = ByteBuffer.allocate(h.getNeededByteBufferCapacity());
        int n = h.encodeIntoCompressedByteBuffer(buf);
        return Base64.getEncoder().encodeToString(java.util.Arrays.copyOf(buf.array(), n));
    }

    /**
     * @throws IllegalArgumentException when the text is not an encoded histogram
     */
    public static Histogram decode(String base64) {
        try {
            return Histogram.decodeFromCompressedByteBuffer(
                    ByteBuffer.wrap(Base64.getDecoder().decode(base64)), 0);
        } catch (DataFormatException | RuntimeException e) {
            throw new IllegalArgumentException("not an encoded latency histogram: " + e.getMessage(), e);
        }
    }
}
