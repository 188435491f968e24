package io.newsradar.ingest.feeds;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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

    private static final Pattern SHORT =
            Pattern.compile("(?:(\\d{1,4})d)?(?:(\\d{1,4})h)?(?:(\\d{1,5})m)?(?:(\\d{1,6})s)?");

    private PollInterval() {}

    /** @throws IllegalArgumentException with the reason when the text is no interval within the bounds */
    public static Duration parse(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        Duration d;
        Matcher m = SHORT.matcher(t);
        if (!t.isEmpty() && m.matches()) {
            d = Duration.ofDays(num(m.group(1)))
                    .plusHours(num(m.group(2)))
                    .plusMinutes(num(m.group(3)))
                    .plusSeconds(num(m.group(4)));
        } else {
            try {
                d = Duration.parse(text.strip().toUpperCase(Locale.ROOT));
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException(
                        "must be a duration like 15m, 1h30m or PT15M (got '" + text + "')", e);
            }
        }
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

    private static long num(String g) {
        return g == null ? 0 : Long.parseLong(g);
    }
}
