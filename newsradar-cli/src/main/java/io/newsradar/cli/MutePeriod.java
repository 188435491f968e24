package io.newsradar.cli;

import io.newsradar.ingest.ShortDuration;
import io.newsradar.schemas.mutes.MuteRecord;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * The end of a mute's period from {@code --for DURATION} or {@code --until INSTANT}, checked
 * against the time the command runs: in the future, and at most {@link #MAX} ahead (a typo such
 * as {@code 4000d} is refused rather than muting for ten years). Messages name the option.
 */
final class MutePeriod {
    /** The shortest period: anything shorter would end before the stream sees the mute. */
    static final Duration MIN = Duration.ofMinutes(1);
    /** The longest period: a mute is for a period; a source that should never alert is a rules change. */
    static final Duration MAX = Duration.ofDays(366);

    private MutePeriod() {}

    /**
     * @throws IllegalArgumentException with the option's name and the problem
     */
    static Instant until(String forText, String untilText, Instant now) {
        if (forText != null) {
            Duration d = ShortDuration.parse(forText)
                    .orElseThrow(() -> new IllegalArgumentException(
                            "--for: must be a duration like 4h, 2d, 1h30m or PT4H (got '" + forText + "')"));
            if (d.compareTo(MIN) < 0 || d.compareTo(MAX) > 0) {
                throw new IllegalArgumentException(
                        "--for: must be between " + text(MIN) + " and " + text(MAX) + " (got '" + forText + "')");
            }
            return now.plus(d);
        }
        Instant until;
        try {
            // ISO with an offset; seconds optional: 2026-12-01T18:00Z, 2026-12-01T18:00:00+09:00
            until = OffsetDateTime.parse(untilText.strip()).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("--until: must be an ISO date and time with an offset, like "
                    + "2026-12-01T18:00Z or 2026-12-02T03:00+09:00 (got '" + untilText + "')");
        }
        if (!until.isAfter(now)) {
            throw new IllegalArgumentException("--until: " + MuteRecord.text(until) + " is in the past (now "
                    + MuteRecord.text(now.truncatedTo(java.time.temporal.ChronoUnit.SECONDS)) + ")");
        }
        if (Duration.between(now, until).compareTo(MAX) > 0) {
            throw new IllegalArgumentException(
                    "--until: " + MuteRecord.text(until) + " is more than " + text(MAX) + " ahead");
        }
        return until;
    }

    /** A duration as people read it: {@code 3h 20m}, {@code 2d 4h}, {@code 45s}; days, hours, minutes, seconds. */
    static String text(Duration d) {
        long s = Math.max(0, d.toSeconds());
        long days = s / 86_400;
        long hours = s % 86_400 / 3_600;
        long minutes = s % 3_600 / 60;
        long seconds = s % 60;
        StringBuilder sb = new StringBuilder();
        if (days > 0) {
            sb.append(days).append("d ");
        }
        if (hours > 0) {
            sb.append(hours).append("h ");
        }
        // minutes only below a few days: "12d 3h 14m" says more than is useful
        if (minutes > 0 && days < 3) {
            sb.append(minutes).append("m ");
        }
        if (seconds > 0 && days == 0 && hours == 0) {
            sb.append(seconds).append("s ");
        }
        return sb.isEmpty() ? "0s" : sb.toString().strip();
    }

    /** "3h 20m left" or "expired 2h ago", at {@code now}. */
    static String left(Instant until, Instant now) {
        Duration d = Duration.between(now, until);
        return d.isNegative() || d.isZero() ? "expired " + text(d.negated()) + " ago" : text(d) + " left";
    }
}
