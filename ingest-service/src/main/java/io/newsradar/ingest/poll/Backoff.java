package io.newsradar.ingest.poll;

import java.time.Duration;
import java.util.Random;

/**
 * The delay before polling a failing feed again: exponential in the number of consecutive
 * failures, {@code min(cap, interval * 2^(errors-1))}, with "full jitter" (a uniformly random
 * delay between a floor and that ceiling), so feeds that failed together (one host down) do not
 * come back in lock step. The cap is the configured longest backoff, or the feed's own interval
 * when that is longer (a failing daily feed is not polled more often than a working one). The
 * floor, one minute (or the ceiling when that is shorter), keeps a jittered retry from hitting
 * the server again at once.
 */
final class Backoff {
    static final Duration FLOOR = Duration.ofMinutes(1);
    /** 2^30 intervals is past any cap; a larger shift would overflow. */
    private static final int MAX_DOUBLINGS = 30;

    private Backoff() {}

    /** The ceiling after {@code errors} (at least 1) consecutive failures. */
    static Duration ceiling(Duration interval, Duration maxBackoff, int errors) {
        Duration cap = interval.compareTo(maxBackoff) > 0 ? interval : maxBackoff;
        int doublings = Math.min(Math.max(errors, 1) - 1, MAX_DOUBLINGS);
        long capMillis = cap.toMillis();
        long intervalMillis = interval.toMillis();
        if (intervalMillis > capMillis >> doublings) {
            return cap;
        }
        return Duration.ofMillis(intervalMillis << doublings);
    }

    /** A random delay in [floor, ceiling] after {@code errors} consecutive failures. */
    static Duration delay(Duration interval, Duration maxBackoff, int errors, Random random) {
        Duration ceiling = ceiling(interval, maxBackoff, errors);
        Duration floor = FLOOR.compareTo(ceiling) < 0 ? FLOOR : ceiling;
        long span = ceiling.toMillis() - floor.toMillis();
        long jitter = Math.min(span, (long) (random.nextDouble() * (span + 1)));
        return floor.plusMillis(jitter);
    }
}
