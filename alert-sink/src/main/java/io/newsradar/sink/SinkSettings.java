package io.newsradar.sink;

import io.newsradar.schemas.config.NewsradarConfig;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;

/** The sink's own settings (beside {@code sink.file} and {@code sink.group.id}), read from the config. */
public final class SinkSettings {
    /**
     * How long one batch may spend retrying a destination's temporary failures (no space left, an
     * I/O error) before the sink stops without committing it.
     */
    public static final String RETRY_BUDGET_MS = "sink.retry.budget.ms";

    public static final Duration DEFAULT_RETRY_BUDGET = Duration.ofMinutes(2);

    /** How long {@code newsradar sink} waits for the cluster to answer at start before it gives up. */
    public static final String STARTUP_TIMEOUT_MS = "sink.startup.timeout.ms";

    public static final Duration DEFAULT_STARTUP_TIMEOUT = Duration.ofSeconds(30);

    /** The consumer's default {@code max.poll.interval.ms}. */
    private static final int DEFAULT_MAX_POLL_INTERVAL_MS = 300_000;

    private SinkSettings() {}

    /**
     * The retry budget. The sink does not poll while it retries a batch, so the budget must stay
     * below the consumer's {@code max.poll.interval.ms}: past that the consumer leaves the group,
     * the batch's commit fails and another member delivers it a second time.
     */
    public static Duration retryBudget(NewsradarConfig config) {
        Duration budget = positive(config, RETRY_BUDGET_MS, DEFAULT_RETRY_BUDGET);
        Map<String, Object> client = config.kafkaClientProps();
        Object maxPollInterval = client.get(ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG);
        long limit = maxPollInterval == null
                ? DEFAULT_MAX_POLL_INTERVAL_MS
                : Long.parseLong(maxPollInterval.toString().strip());
        if (budget.toMillis() >= limit) {
            throw new IllegalStateException("setting '" + RETRY_BUDGET_MS + "' (" + budget.toMillis()
                    + ") must be below the consumer's max.poll.interval.ms (" + limit
                    + "): the sink does not poll while it retries");
        }
        return budget;
    }

    public static Duration startupTimeout(NewsradarConfig config) {
        return positive(config, STARTUP_TIMEOUT_MS, DEFAULT_STARTUP_TIMEOUT);
    }

    private static Duration positive(NewsradarConfig config, String key, Duration fallback) {
        int millis = config.getInt(key, (int) fallback.toMillis());
        if (millis <= 0) {
            throw new IllegalStateException("setting '" + key + "' must be a positive number of ms, got " + millis);
        }
        return Duration.ofMillis(millis);
    }
}
