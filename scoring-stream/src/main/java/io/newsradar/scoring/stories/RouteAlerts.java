package io.newsradar.scoring.stories;

import java.util.Objects;

/**
 * The alerts a story raised on one route so far.
 *
 * @param sequence    the last alert's sequence (1 = the NEW alert)
 * @param score       the highest score alerted on the route: an UPDATED alert needs a higher one
 *                    (or more outlets), so a score that dips and recovers raises nothing
 * @param outlets     the outlet count of the last alert
 * @param alertedAtMs event time of the last alert: the cool-down runs from here
 * @param priority    the route's priority then, for a RETRACTED alert after the route is gone
 */
public record RouteAlerts(int sequence, double score, int outlets, long alertedAtMs, String priority) {
    public RouteAlerts {
        Objects.requireNonNull(priority, "priority");
        if (sequence < 1) {
            throw new IllegalArgumentException("alert sequences start at 1: " + sequence);
        }
    }

    /** The next alert on the route, at {@code score} (kept only if higher) and {@code outlets}. */
    RouteAlerts next(double score, int outlets, long eventTimeMs, String priority) {
        return new RouteAlerts(sequence + 1, Math.max(this.score, score), outlets, eventTimeMs, priority);
    }
}
