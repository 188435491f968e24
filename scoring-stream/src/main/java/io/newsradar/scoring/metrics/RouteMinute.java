package io.newsradar.scoring.metrics;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.apache.kafka.common.serialization.Serde;

/**
 * One route's alerts in one minute window (event time): how many, and how many of each status
 * ({@code NEW}, {@code UPDATED}, {@code RETRACTED}; see {@code AlertStatus}).
 *
 * <p>Stored in {@link MetricsStages#ROUTE_MINUTES_STORE} as JSON text, {@code
 * {"v":1,"alerts":2,"byStatus":{"NEW":1,"UPDATED":1}}} (see {@link MinuteSerdes}).
 *
 * @param alerts   alerts raised on the route in the window
 * @param byStatus the same alerts by status, sorted by status name; the counts add up to {@code alerts}
 */
public record RouteMinute(long alerts, Map<String, Long> byStatus) {
    /** The aggregate's start: no alert yet. */
    public static final RouteMinute EMPTY = new RouteMinute(0, Map.of());

    public RouteMinute {
        Objects.requireNonNull(byStatus, "byStatus");
        if (alerts < 0) {
            throw new IllegalArgumentException("alerts must not be negative: " + alerts);
        }
        long sum = byStatus.values().stream().mapToLong(Long::longValue).sum();
        if (sum != alerts) {
            throw new IllegalArgumentException(
                    "the counts by status (" + byStatus + ") must add up to the alerts: " + alerts);
        }
        byStatus = Collections.unmodifiableSortedMap(new TreeMap<>(byStatus));
    }

    /** One more alert with this status. */
    public RouteMinute add(String status) {
        Objects.requireNonNull(status, "status");
        TreeMap<String, Long> counts = new TreeMap<>(byStatus);
        counts.merge(status, 1L, Long::sum);
        return new RouteMinute(alerts + 1, counts);
    }

    /** The figures of two windows (or two instances' shares of one) together. */
    public RouteMinute plus(RouteMinute other) {
        TreeMap<String, Long> counts = new TreeMap<>(byStatus);
        other.byStatus.forEach((status, n) -> counts.merge(status, n, Long::sum));
        return new RouteMinute(alerts + other.alerts, counts);
    }

    /** The store's value serde. */
    public static Serde<RouteMinute> serde() {
        return MinuteSerdes.ROUTE_MINUTE;
    }
}
