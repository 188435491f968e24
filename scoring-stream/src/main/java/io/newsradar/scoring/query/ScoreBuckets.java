package io.newsradar.scoring.query;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Scored records per score bucket of one instance, for the score distribution: buckets of width 1
 * from 0 to 10, the last one closed ([9, 10]). Counts add up across instances.
 */
public final class ScoreBuckets {
    /** Scores run from 0 to 10 (the scorer clamps them). */
    public static final int BUCKETS = 10;

    private final AtomicLongArray counts = new AtomicLongArray(BUCKETS);

    public void record(double score) {
        counts.incrementAndGet(bucketOf(score));
    }

    /** The bucket of a score: its integer part, 10 in the last bucket, anything outside clamped. */
    static int bucketOf(double score) {
        if (Double.isNaN(score) || score < 0) {
            return 0;
        }
        return (int) Math.min(BUCKETS - 1, Math.floor(score));
    }

    /** A copy of the counts, bucket 0 first. */
    public long[] counts() {
        long[] out = new long[BUCKETS];
        for (int i = 0; i < BUCKETS; i++) {
            out[i] = counts.get(i);
        }
        return out;
    }
}
