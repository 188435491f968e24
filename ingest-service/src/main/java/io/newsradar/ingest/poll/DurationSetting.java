package io.newsradar.ingest.poll;

import io.newsradar.ingest.ShortDuration;
import io.newsradar.schemas.config.NewsradarConfig;
import java.time.Duration;

/**
 * A duration setting: ISO-8601 ({@code PT48H}) or a whole number with a unit {@code ms}, {@code s},
 * {@code m}, {@code h} or {@code d} ({@code 48h}, {@code 500ms}). Positive only.
 */
final class DurationSetting {
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
        Duration d = ShortDuration.parse(text)
                .orElseThrow(() -> new IllegalArgumentException(
                        "must be a duration like 48h, 30s, 500ms or PT48H (got '" + text + "')"));
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException("must be positive (got '" + text + "')");
        }
        return d;
    }
}
