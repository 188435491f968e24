package io.newsradar.ingest;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as people write them in feed lists and settings: short ({@code 15m}, {@code 1h30m},
 * {@code 90s}, {@code 1d}, {@code 500ms}, parts in that order, case and spaces ignored) or ISO-8601
 * ({@code PT15M}). Bounds and the wording of errors belong to the caller.
 */
public final class ShortDuration {
    private static final Pattern SHORT = Pattern.compile("(?:(\\d{1,9})\\s*d)?\\s*(?:(\\d{1,9})\\s*h)?\\s*"
            + "(?:(\\d{1,9})\\s*m(?!s))?\\s*(?:(\\d{1,9})\\s*s)?\\s*(?:(\\d{1,9})\\s*ms)?");

    private ShortDuration() {}

    /** The duration the text says, or empty when it is no duration in either form. */
    public static Optional<Duration> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String t = text.strip().toLowerCase(Locale.ROOT);
        Matcher m = SHORT.matcher(t);
        if (m.matches()) {
            return Optional.of(Duration.ofDays(num(m.group(1)))
                    .plusHours(num(m.group(2)))
                    .plusMinutes(num(m.group(3)))
                    .plusSeconds(num(m.group(4)))
                    .plusMillis(num(m.group(5))));
        }
        try {
            return Optional.of(Duration.parse(t.toUpperCase(Locale.ROOT)));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static long num(String group) {
        return group == null ? 0 : Long.parseLong(group);
    }
}
