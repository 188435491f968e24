package io.newsradar.scoring.dashboard;

import io.newsradar.schemas.config.NewsradarConfig;
import java.time.Duration;

/**
 * The dashboard's settings (environment form in brackets, see {@link NewsradarConfig}):
 *
 * <ul>
 *   <li>{@value #STALE_AFTER} ({@code NEWSRADAR_DASHBOARD_FEEDS_STALE_AFTER_SECONDS}, default 600):
 *       a feed is stale when its next poll is overdue by more than this. Ten minutes: long enough
 *       for a slow poll or a restart of the ingest service, short against the feeds' usual
 *       intervals of 5 to 60 minutes.
 *   <li>{@value #DLQ_CACHE} ({@code NEWSRADAR_DASHBOARD_DLQ_CACHE_SECONDS}, default 5): how long a
 *       DLQ count is reused before the cluster is asked again.
 * </ul>
 */
record DashboardSettings(Duration staleAfter, Duration dlqCacheFor) {
    static final String STALE_AFTER = "dashboard.feeds.stale.after.seconds";
    static final String DLQ_CACHE = "dashboard.dlq.cache.seconds";

    DashboardSettings {
        if (staleAfter.isNegative() || dlqCacheFor.isNegative()) {
            throw new IllegalArgumentException("dashboard durations cannot be negative");
        }
    }

    static DashboardSettings from(NewsradarConfig config) {
        return new DashboardSettings(
                Duration.ofSeconds(config.getInt(STALE_AFTER, 600)), Duration.ofSeconds(config.getInt(DLQ_CACHE, 5)));
    }
}
