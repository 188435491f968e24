package io.newsradar.scoring.query;

import io.newsradar.avro.NewsArticle;
import io.newsradar.avro.ScoredArticle;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * What one scoring instance records per scored record at the story desk, for the query API:
 * freshness (fetched -> scored and published -> scored, wall clock at the desk minus the article's
 * times) and the score distribution. Held by the instance ({@code ScoringApp}) and shared by its
 * stream threads; in memory only, so it covers what this process scored since it started.
 *
 * <p>Exactly-once caveat: a record processed again after an aborted transaction is recorded
 * again, as every in-process counter is.
 */
public final class QueryRecorders {
    private final LatencyHistogram fetchedToScored = new LatencyHistogram();
    private final LatencyHistogram publishedToScored = new LatencyHistogram();
    private final ScoreBuckets scores = new ScoreBuckets();
    private final LongSupplier clock;

    public QueryRecorders() {
        this(System::currentTimeMillis);
    }

    /** @param clock the wall clock in epoch ms (a fixed one in tests) */
    public QueryRecorders(LongSupplier clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** One scored record, now. */
    public void record(ScoredArticle scored) {
        long now = clock.getAsLong();
        NewsArticle a = scored.getArticle();
        fetchedToScored.record(now - a.getFetchedAt().toEpochMilli());
        publishedToScored.record(now - a.getPublishedAt().toEpochMilli());
        scores.record(scored.getScore());
    }

    public LatencyHistogram fetchedToScored() {
        return fetchedToScored;
    }

    public LatencyHistogram publishedToScored() {
        return publishedToScored;
    }

    public ScoreBuckets scores() {
        return scores;
    }

    @Override
    public String toString() {
        return "QueryRecorders[fetchedToScored, publishedToScored, scores]";
    }
}
