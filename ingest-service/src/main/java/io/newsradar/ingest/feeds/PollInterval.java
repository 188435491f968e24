package io.newsradar.ingest.feeds;

import io.newsradar.ingest.ShortDuration;
import java.time.Duration;

/**
 * Poll intervals as written in the feed list: ISO-8601 ({@code PT15M}) or short ({@code 15m},
 * {@code 1h30m}, {@code 90s}, {@code 1d}).
 */
public final class PollInterval {
    /** Polling a feed more often is impolite and rarely finds anything new. */
    public static final Duration MIN = Duration.ofMinutes(1);
    /** A feed polled less than daily is effectively dead; a typo ("15h" for "15m") is likelier. */
    public static final Duration MAX = Duration.ofDays(1);

    public static final Duration DEFAULT = Duration.ofMinutes(15);

    private PollInterval() {}

    /** @throws IllegalArgumentException with the reason when the text is no interval within the bounds */
    public static Duration parse(String text) {
        Duration d = ShortDuration.parse(text)
                .orElseThrow(() -> new IllegalArgumentException(
                        "must be a duration like 15m, 1h30m or PT15M (got '" + text + "')"));
        if (d.compareTo(MIN) < 0 || d.compareTo(MAX) > 0) {
            throw new IllegalArgumentException(
                    "must be between " + format(MIN) + " and " + format(MAX) + " (got '" + text + "')");
        }
        return d;
    }

    /** The short form, e.g. {@code 1h30m}; parsing it gives the duration back. */
    public static String format(Duration d) {
        StringBuilder sb = new StringBuilder();
        long s = d.getSeconds();
        append(sb, s / 86_400, 'd');
        append(sb, s % 86_400 / 3600, 'h');
        append(sb, s % 3600 / 60, 'm');
        append(sb, s % 60, 's');
        return sb.length() == 0 ? "0s" : sb.toString();
    }

    private static void append(StringBuilder sb, long n, char unit) {
        if (n > 0) {
            sb.append(n).append(unit);
        }
    }
}
