package io.newsradar.scoring;

import io.newsradar.schemas.config.NewsradarConfig;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Objects;

/**
 * How the revision store remembers articles (see {@link RevisionTracker}).
 *
 * @param retention    how long, in stream time, an article id is remembered after it was last
 *                     seen; once it has expired, the article counts as never seen
 * @param recentHashes how many distinct contents are remembered per article id; the one seen
 *                     least recently is forgotten first
 */
public record RevisionSettings(Duration retention, int recentHashes) {
    /** ISO-8601 duration ({@code P30D}, {@code PT12H}) or a whole number of days. */
    public static final String RETENTION = "scoring.revisions.retention";
    /** Distinct contents remembered per article id. */
    public static final String RECENT_HASHES = "scoring.revisions.recent.hashes";

    public static final Duration DEFAULT_RETENTION = Duration.ofDays(30);
    public static final int DEFAULT_RECENT_HASHES = 16;
    // each remembered hash costs ~70 bytes per article (and up to the content-hash size limit for
    // hashes from a careless producer); a few hundred is already more than any feed alternates
    static final int MAX_RECENT_HASHES = 256;
    // Duration.toMillis overflows near 292 million years; nobody means more than a century
    private static final Duration MAX_RETENTION = Duration.ofDays(36_525);
    // expiry scans run at most this far apart in stream time (a scan only reads what expired)
    private static final Duration MAX_EXPIRY_INTERVAL = Duration.ofHours(1);
    // a repeat refreshes an entry's last sighting only once stream time has moved on by this share
    // of the retention: a feed that re-serves an item every few minutes does not rewrite the store
    // each time, and the entry still lives at least 99% of the retention after its last sighting
    private static final int REFRESH_DIVISOR = 100;

    public RevisionSettings {
        Objects.requireNonNull(retention, "retention");
        if (retention.isNegative() || retention.isZero() || retention.compareTo(MAX_RETENTION) > 0) {
            throw new IllegalArgumentException(
                    "revision retention must be positive and at most " + MAX_RETENTION + ", got " + retention);
        }
        if (recentHashes < 1 || recentHashes > MAX_RECENT_HASHES) {
            throw new IllegalArgumentException(
                    "recent hashes per article must be 1 to " + MAX_RECENT_HASHES + ", got " + recentHashes);
        }
    }

    public static RevisionSettings defaults() {
        return new RevisionSettings(DEFAULT_RETENTION, DEFAULT_RECENT_HASHES);
    }

    /** {@value #RETENTION} and {@value #RECENT_HASHES}, or their defaults; a clear error naming a bad value. */
    public static RevisionSettings from(NewsradarConfig config) {
        String text = config.get(RETENTION);
        Duration retention = text == null || text.isBlank() ? DEFAULT_RETENTION : parseRetention(text);
        int hashes = config.getInt(RECENT_HASHES, DEFAULT_RECENT_HASHES);
        if (hashes < 1 || hashes > MAX_RECENT_HASHES) {
            throw new IllegalStateException("setting '" + RECENT_HASHES + "' must be between 1 and " + MAX_RECENT_HASHES
                    + ", got '" + config.get(RECENT_HASHES) + "'");
        }
        return new RevisionSettings(retention, hashes);
    }

    /** {@code P30D}, {@code PT36H}, or {@code 30} (days); positive, at most a century. */
    static Duration parseRetention(String text) {
        String t = text.strip();
        Duration d;
        try {
            d = t.chars().allMatch(Character::isDigit) ? Duration.ofDays(Long.parseLong(t)) : Duration.parse(t);
        } catch (DateTimeParseException | ArithmeticException | NumberFormatException e) {
            throw badRetention(text, e);
        }
        if (d.isNegative() || d.isZero() || d.compareTo(MAX_RETENTION) > 0) {
            throw badRetention(text, null);
        }
        return d;
    }

    private static IllegalStateException badRetention(String text, Exception cause) {
        return new IllegalStateException(
                "setting '" + RETENTION + "' must be a positive ISO-8601 duration such as P30D or PT12H, or a whole"
                        + " number of days such as 30, at most " + MAX_RETENTION.toDays() + " days; got '" + text
                        + "'",
                cause);
    }

    long retentionMs() {
        return retention.toMillis();
    }

    /** Stream time between two expiry scans. */
    Duration expiryInterval() {
        return retention.compareTo(MAX_EXPIRY_INTERVAL) < 0 ? retention : MAX_EXPIRY_INTERVAL;
    }

    /** How far stream time must have moved past an entry's last sighting before a repeat refreshes it. */
    long refreshAfterMs() {
        return Math.max(1, retentionMs() / REFRESH_DIVISOR);
    }
}
