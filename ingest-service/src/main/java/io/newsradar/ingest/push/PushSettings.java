package io.newsradar.ingest.push;

import io.newsradar.schemas.config.NewsradarConfig;
import java.time.Duration;

/**
 * Limits of the push API. Settings (environment form in brackets):
 *
 * <ul>
 *   <li>{@value #MAX_BODY_BYTES} ({@code NEWSRADAR_INGEST_PUSH_MAX_BODY_BYTES}), default 5 MiB:
 *       the largest request body; more is refused with 413. Each article is capped on its own by
 *       {@code ArticleLimits} in the normaliser.
 *   <li>{@value #ACK_TIMEOUT_MS} ({@code NEWSRADAR_INGEST_PUSH_ACK_TIMEOUT_MS}), default 10 s: how
 *       long a request waits for the broker to acknowledge its articles before it answers 503.
 *   <li>{@value #RETRY_AFTER_SECONDS} ({@code NEWSRADAR_INGEST_PUSH_RETRY_AFTER_SECONDS}), default
 *       5: the {@code Retry-After} of a 503.
 * </ul>
 */
public record PushSettings(long maxBodyBytes, Duration ackTimeout, int retryAfterSeconds) {
    public static final String MAX_BODY_BYTES = "ingest.push.max.body.bytes";
    public static final String ACK_TIMEOUT_MS = "ingest.push.ack.timeout.ms";
    public static final String RETRY_AFTER_SECONDS = "ingest.push.retry.after.seconds";

    public static final int DEFAULT_MAX_BODY_BYTES = 5 * 1024 * 1024;
    public static final Duration DEFAULT_ACK_TIMEOUT = Duration.ofSeconds(10);
    public static final int DEFAULT_RETRY_AFTER_SECONDS = 5;

    public PushSettings {
        if (maxBodyBytes <= 0) {
            throw new IllegalArgumentException(
                    "setting '" + MAX_BODY_BYTES + "' must be positive, got " + maxBodyBytes);
        }
        if (ackTimeout.isNegative() || ackTimeout.isZero()) {
            throw new IllegalArgumentException("setting '" + ACK_TIMEOUT_MS + "' must be positive, got " + ackTimeout);
        }
        if (retryAfterSeconds <= 0) {
            throw new IllegalArgumentException(
                    "setting '" + RETRY_AFTER_SECONDS + "' must be positive, got " + retryAfterSeconds);
        }
    }

    public static PushSettings defaults() {
        return new PushSettings(DEFAULT_MAX_BODY_BYTES, DEFAULT_ACK_TIMEOUT, DEFAULT_RETRY_AFTER_SECONDS);
    }

    public static PushSettings from(NewsradarConfig config) {
        return new PushSettings(
                config.getInt(MAX_BODY_BYTES, DEFAULT_MAX_BODY_BYTES),
                Duration.ofMillis(config.getInt(ACK_TIMEOUT_MS, (int) DEFAULT_ACK_TIMEOUT.toMillis())),
                config.getInt(RETRY_AFTER_SECONDS, DEFAULT_RETRY_AFTER_SECONDS));
    }
}
