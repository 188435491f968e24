package io.newsradar.scoring.stories;

import io.newsradar.schemas.config.NewsradarConfig;
import java.time.Duration;
import java.util.Objects;

/**
 * How near-duplicates are grouped into stories and how a story alerts.
 *
 * @param window     event time during which an article can join a story through its copies:
 *                   the retention of the band index and of the story state
 * @param bands      LSH bands per article: each is one record to the band repartition topic,
 *                   so this is the fan-out per article
 * @param rows       signature components per band; bands x rows components in a signature
 * @param similarity minimum estimated Jaccard similarity of two signatures for the same story
 * @param cooldown   event time between two UPDATED alerts of a story on one route
 * @param bucketCap  most articles kept per band bucket inside the window (the oldest go first),
 *                   so boilerplate shared by many articles cannot make one bucket huge
 */
public record StorySettings(Duration window, int bands, int rows, double similarity, Duration cooldown, int bucketCap) {
    public static final String WINDOW = "stories.window";
    public static final String BANDS = "stories.bands";
    public static final String ROWS = "stories.rows";
    public static final String SIMILARITY = "stories.similarity";
    public static final String COOLDOWN = "stories.cooldown";
    public static final String BUCKET_CAP = "stories.bucket.cap";

    public static final Duration DEFAULT_WINDOW = Duration.ofHours(72);
    // Chosen on the frozen story pairs (docs/stories-eval.md): two-row bands make copies down to a
    // Jaccard similarity of about 0.25 candidates (1 - (1 - 0.25^2)^24 = 79 %, 98 % at 0.4); the
    // low similarity bar is safe only with the headline check of StoryHasher.sameStory. 24 bands
    // rather than 32: the same rates on the set (one more missed pair of 401) for a quarter fewer
    // band records per article.
    public static final int DEFAULT_BANDS = 24;
    public static final int DEFAULT_ROWS = 2;
    public static final double DEFAULT_SIMILARITY = 0.2;
    public static final Duration DEFAULT_COOLDOWN = Duration.ofMinutes(30);
    public static final int DEFAULT_BUCKET_CAP = 64;
    // each band is one more record per article under exactly-once: a hard cap on the fan-out
    static final int MAX_BANDS = 64;
    static final int MAX_COMPONENTS = 512;

    public StorySettings {
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(cooldown, "cooldown");
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("story window must be positive: " + window);
        }
        if (cooldown.isNegative()) {
            throw new IllegalArgumentException("story cool-down must not be negative: " + cooldown);
        }
        if (bands < 1 || bands > MAX_BANDS) {
            throw new IllegalArgumentException("story bands must be 1 to " + MAX_BANDS + ": " + bands);
        }
        if (rows < 1 || bands * rows > MAX_COMPONENTS) {
            throw new IllegalArgumentException(
                    "story rows must be at least 1 and bands x rows at most " + MAX_COMPONENTS + ": " + rows);
        }
        if (!(similarity > 0.0 && similarity <= 1.0)) {
            throw new IllegalArgumentException("story similarity must be in (0, 1]: " + similarity);
        }
        if (bucketCap < 1) {
            throw new IllegalArgumentException("story bucket cap must be at least 1: " + bucketCap);
        }
    }

    public static StorySettings defaults() {
        return new StorySettings(
                DEFAULT_WINDOW, DEFAULT_BANDS, DEFAULT_ROWS, DEFAULT_SIMILARITY, DEFAULT_COOLDOWN, DEFAULT_BUCKET_CAP);
    }

    /** The {@code stories.*} settings, or their defaults; a clear error naming a bad value. */
    public static StorySettings from(NewsradarConfig config) {
        try {
            return new StorySettings(
                    config.getDuration(WINDOW, DEFAULT_WINDOW),
                    config.getInt(BANDS, DEFAULT_BANDS),
                    config.getInt(ROWS, DEFAULT_ROWS),
                    decimal(config, SIMILARITY, DEFAULT_SIMILARITY),
                    config.getDuration(COOLDOWN, DEFAULT_COOLDOWN),
                    config.getInt(BUCKET_CAP, DEFAULT_BUCKET_CAP));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("bad stories.* setting: " + e.getMessage(), e);
        }
    }

    public int components() {
        return bands * rows;
    }

    public long windowMs() {
        return window.toMillis();
    }

    public long cooldownMs() {
        return cooldown.toMillis();
    }

    private static double decimal(NewsradarConfig config, String key, double fallback) {
        String text = config.get(key);
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            return Double.parseDouble(text.strip());
        } catch (NumberFormatException e) {
            throw new IllegalStateException("setting '" + key + "' must be a number, got '" + text + "'", e);
        }
    }
}
