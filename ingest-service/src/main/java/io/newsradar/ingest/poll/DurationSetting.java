package io.newsradar.ingest.poll;

import io.newsradar.schemas.config.NewsradarConfig;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A duration setting: ISO-8601 ({@code PT48H}) or a whole number with a unit {@code ms}, {@code s},
 * {@code m}, {@code h} or {@code d} ({@code 48h}, {@code 500ms}). Positive only.
 */
final class DurationSetting {
    private static final Pattern SHORT = Pattern.compile("(\\d{1,9})\\s*(ms|s|m|h|d)");

    private DurationSetting() {}

    /** The setting's value, or the fallback when it is not set; a clear error naming the key otherwise. */
    static Duration get(NewsradarConfig config, String key, Duration fallback) {
        String text = config.get(key);
        if (text == null || text.isBlank()) {
            return fallback;
        }
        Duration d;
        try {
            d = parse(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("setting '" + key + "' " + e.getMessage(), e);
        }
        return d;
    }

    static Duration parse(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        Duration d;
        Matcher m = SHORT.matcher(t);
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            d = switch (m.group(2)) {
                case "ms" -> Duration.ofMillis(n);
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                default -> Duration.ofDays(n);
            };
        } else {
            try {
                d = Duration.parse(t.toUpperCase(Locale.ROOT));
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException(
                        "must be a duration like 48h, 30s, 500ms or PT48H (got '" + text + "')", e);
            }
        }
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException("must be positive (got '" + text + "')");
        }
        return d;
    }
}
