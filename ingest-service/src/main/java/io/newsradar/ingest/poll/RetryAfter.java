package io.newsradar.ingest.poll;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The wait a {@code Retry-After} header asks for (RFC 9110 10.2.3): a number of seconds, or an
 * HTTP date, in the preferred form or either obsolete one (RFC 850, asctime), which recipients
 * must still accept. A date in the past asks for no wait; a wait over the cap is cut to it.
 */
final class RetryAfter {
    private static final List<DateTimeFormatter> HTTP_DATES = List.of(
            DateTimeFormatter.RFC_1123_DATE_TIME,
            // RFC 850: Sunday, 06-Nov-94 08:49:37 GMT (two-digit years read as 1970-2069)
            new DateTimeFormatterBuilder()
                    .appendPattern("EEEE, dd-MMM-")
                    .appendValueReduced(ChronoField.YEAR, 2, 2, 1970)
                    .appendPattern(" HH:mm:ss zzz")
                    .toFormatter(Locale.US),
            // asctime: Sun Nov  6 08:49:37 1994, in UTC
            DateTimeFormatter.ofPattern("EEE MMM ppd HH:mm:ss yyyy", Locale.US).withZone(ZoneOffset.UTC));

    private RetryAfter() {}

    /** The wait, at most {@code cap}; empty when the value is absent or cannot be read (then ignored). */
    static Optional<Duration> parse(String value, Instant now, Duration cap) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String v = value.strip();
        if (v.chars().allMatch(c -> c >= '0' && c <= '9')) {
            // more digits than a long holds is still "very long": the cap
            Duration d = v.length() > 12 ? cap : Duration.ofSeconds(Long.parseLong(v));
            return Optional.of(min(d, cap));
        }
        for (DateTimeFormatter f : HTTP_DATES) {
            try {
                Instant at = ZonedDateTime.parse(v, f).toInstant();
                Duration d = Duration.between(now, at);
                return Optional.of(d.isNegative() ? Duration.ZERO : min(d, cap));
            } catch (DateTimeParseException e) {
                // try the next form
            }
        }
        return Optional.empty();
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
