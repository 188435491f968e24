package io.newsradar.ingest.poll;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Per-feed poll metrics, tagged {@code feed=<feed id>} (ids, never URLs: a URL may carry a
 * token). Names are Micrometer's dotted form; a Prometheus registry exports them as
 * {@code newsradar_feed_fetches_total}, {@code newsradar_feed_not_modified_total},
 * {@code newsradar_feed_errors_total{reason=…}}, {@code newsradar_feed_items_published_total},
 * {@code newsradar_feed_items_rejected_total} and
 * {@code newsradar_feed_last_success_timestamp_seconds}. Thread-safe.
 */
public final class FeedMetrics {
    /** Every poll (HTTP request chain or file read), whatever its outcome. */
    public static final String FETCHES = "newsradar.feed.fetches";
    /** Polls answered 304 (or an unchanged file). */
    public static final String NOT_MODIFIED = "newsradar.feed.not.modified";
    /** Failed or refused polls, tagged {@code reason} ({@link PollFailure#tag()}). */
    public static final String ERRORS = "newsradar.feed.errors";
    /** Items published, counted by the runtime once their transaction committed. */
    public static final String ITEMS_PUBLISHED = "newsradar.feed.items.published";
    /** Items of fetched feeds that could not be turned into articles. */
    public static final String ITEMS_REJECTED = "newsradar.feed.items.rejected";
    /** When the feed last answered with a feed or a 304, in seconds since the epoch; 0 = never. */
    public static final String LAST_SUCCESS = "newsradar.feed.last.success.timestamp";

    public static final String FEED_TAG = "feed";
    public static final String REASON_TAG = "reason";

    private final MeterRegistry registry;
    // gauges hold their value objects weakly: these keep them alive
    private final Map<String, AtomicLong> lastSuccess = new ConcurrentHashMap<>();

    public FeedMetrics(MeterRegistry registry) {
        this.registry = Objects.requireNonNull(registry, "registry");
    }

    /** A poll is starting; the gauge starts from the state's last success (it survives restarts that way). */
    void polled(String feedId, Instant lastSuccessAt) {
        counter(FETCHES, feedId).increment();
        AtomicLong gauge = lastSuccessGauge(feedId);
        if (lastSuccessAt != null) {
            gauge.accumulateAndGet(lastSuccessAt.getEpochSecond(), Math::max);
        }
    }

    void fetched(String feedId, Instant at, int rejectedItems) {
        lastSuccessGauge(feedId).accumulateAndGet(at.getEpochSecond(), Math::max);
        if (rejectedItems > 0) {
            counter(ITEMS_REJECTED, feedId).increment(rejectedItems);
        }
    }

    void notModified(String feedId, Instant at) {
        counter(NOT_MODIFIED, feedId).increment();
        lastSuccessGauge(feedId).accumulateAndGet(at.getEpochSecond(), Math::max);
    }

    void failed(String feedId, PollFailure reason) {
        registry.counter(ERRORS, Tags.of(FEED_TAG, feedId, REASON_TAG, reason.tag()))
                .increment();
    }

    /**
     * For the runtime: {@code count} articles of this feed were published (their transaction
     * committed). Not counted by the poll itself, whose outcome may yet be aborted and polled again.
     */
    public void published(String feedId, int count) {
        if (count > 0) {
            counter(ITEMS_PUBLISHED, feedId).increment(count);
        }
    }

    /** For the runtime: the feed was removed (or moved to another instance); its meters go. */
    public void forget(String feedId) {
        registry.getMeters().stream()
                .filter(m -> m.getId().getName().startsWith("newsradar.feed.")
                        && feedId.equals(m.getId().getTag(FEED_TAG)))
                .forEach(registry::remove);
        lastSuccess.remove(feedId);
    }

    private Counter counter(String name, String feedId) {
        return registry.counter(name, FEED_TAG, feedId);
    }

    private AtomicLong lastSuccessGauge(String feedId) {
        return lastSuccess.computeIfAbsent(feedId, id -> {
            AtomicLong value = new AtomicLong();
            Gauge.builder(LAST_SUCCESS, value, AtomicLong::doubleValue)
                    .tag(FEED_TAG, id)
                    .baseUnit("seconds")
                    .description("when the feed last answered with a feed or a 304 (0: never)")
                    .register(registry);
            return value;
        });
    }
}
