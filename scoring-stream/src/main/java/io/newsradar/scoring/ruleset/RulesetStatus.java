package io.newsradar.scoring.ruleset;

import java.time.Instant;
import java.util.Objects;

/**
 * What a scoring instance knows about its live rules, for the CLI and operations: the ruleset it
 * follows on {@code rules.v1}, the publication scoring now, the last publication it refused and
 * why, and counts since start.
 *
 * @param followed     the ruleset name followed ({@code scoring.rules.name}); null for fixed rules
 * @param active       the rules scoring now
 * @param lastRejected the last publication refused since start, or null when none was
 * @param activations  publications activated since start (restores at start included)
 * @param rejections   publications refused since start: bad JSON, invalid rules, missing topics
 * @param superseded   publications ignored because one with a higher sequence was active already
 */
public record RulesetStatus(
        String followed, Active active, Rejected lastRejected, long activations, long rejections, long superseded) {

    public RulesetStatus {
        Objects.requireNonNull(active, "active");
    }

    /**
     * The rules scoring now.
     *
     * @param sequence the publication's sequence on {@code rules.v1}; 0 for the bootstrap rules
     *                 (from {@code scoring.rules.file}, the two files, or the built-in defaults)
     * @param since    when this instance activated them
     */
    public record Active(String name, long sequence, String version, Instant since) {
        public boolean bootstrap() {
            return sequence == 0;
        }

        /** {@code builtin#0000000004 (builtin-3-abcd1234)}, or {@code builtin (bootstrap, builtin-2-...)}. */
        public String label() {
            return bootstrap()
                    ? name + " (bootstrap, " + version + ")"
                    : RulesetRecord.key(name, sequence) + " (" + version + ")";
        }
    }

    /**
     * A publication refused.
     *
     * @param key     its key on {@code rules.v1}
     * @param version the version the record claims, or null when the record could not be read
     * @param error   why, in one line (never the bundle text)
     */
    public record Rejected(String key, long sequence, String version, String error, Instant at) {}
}
