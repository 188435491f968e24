package io.newsradar.scoring.metrics;

import io.newsradar.schemas.config.NewsradarConfig;
import java.time.Duration;
import java.util.Objects;

/**
 * How the per-minute metrics windows treat time (see docs/metrics-topics.md).
 *
 * @param grace     event time a window stays open after its end: a record for a window whose end
 *                  plus grace the stream time has reached is late, counted and left out
 * @param retention how long the window stores keep a window (event time): at least an hour plus
 *                  the grace, since "top tags over the last hour" reads the last hour from them
 */
public record MetricsSettings(Duration grace, Duration retention) {
    public static final String GRACE = "metrics.window.grace";
    public static final String RETENTION = "metrics.window.retention";

    /** The windows: one minute of event time, tumbling. Fixed, since the topics' readers rely on it. */
    public static final Duration WINDOW = Duration.ofMinutes(1);

    // Ten minutes: feeds are polled every few minutes and a push client may retry for a while, so
    // most articles reach the stream within this of the newest one; later ones are counted as late.
    public static final Duration DEFAULT_GRACE = Duration.ofMinutes(10);
    public static final Duration DEFAULT_RETENTION = Duration.ofHours(2);
    /** The span interactive queries read back ("top tags over the last hour"). */
    public static final Duration QUERIED_SPAN = Duration.ofHours(1);

    public MetricsSettings {
        Objects.requireNonNull(grace, "grace");
        Objects.requireNonNull(retention, "retention");
        if (grace.isNegative()) {
            throw new IllegalArgumentException(GRACE + " must not be negative: " + grace);
        }
        if (retention.compareTo(QUERIED_SPAN.plus(grace)) < 0) {
            throw new IllegalArgumentException(RETENTION + " must be at least one hour plus " + GRACE + " ("
                    + QUERIED_SPAN.plus(grace) + ") so the last hour can be queried: " + retention);
        }
    }

    public static MetricsSettings defaults() {
        return new MetricsSettings(DEFAULT_GRACE, DEFAULT_RETENTION);
    }

    /** The {@code metrics.window.*} settings, or their defaults; a clear error naming a bad value. */
    public static MetricsSettings from(NewsradarConfig config) {
        try {
            return new MetricsSettings(
                    config.getDuration(GRACE, DEFAULT_GRACE), config.getDuration(RETENTION, DEFAULT_RETENTION));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("bad metrics.window.* setting: " + e.getMessage(), e);
        }
    }

    public long graceMs() {
        return grace.toMillis();
    }
}
