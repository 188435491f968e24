package io.newsradar.scoring.ruleset;

import io.newsradar.scoring.RulesException;
import io.newsradar.scoring.ScoringRules;
import java.util.Objects;

/**
 * One record of {@code rules.v1} as a reader sees it: the publication and its rules when the
 * record is sound, else why the scoring stream would reject it.
 *
 * @param key the record's key as written
 * @param record the decoded publication, or null when the record does not decode
 * @param rules the publication's rules re-parsed from its text (what the stream would use), or
 *     null when the record or its text is invalid
 * @param problem why the stream would reject the record, or null when it is valid
 */
public record Publication(String key, RulesetRecord record, ScoringRules rules, String problem) {

    public Publication {
        Objects.requireNonNull(key, "key");
        if ((rules == null) == (problem == null)) {
            throw new IllegalArgumentException("a publication has either rules or a problem: " + key);
        }
    }

    /** Decodes and checks one record; never throws for bad content (that is what {@link #problem} says). */
    public static Publication of(String key, String value) {
        RulesetRecord record;
        try {
            record = RulesetRecord.fromJson(key, value);
        } catch (InvalidRulesetRecordException e) {
            return new Publication(key, null, null, e.getMessage());
        }
        try {
            return new Publication(key, record, record.rules(), null);
        } catch (RulesException e) {
            return new Publication(key, record, null, e.getMessage());
        }
    }

    /** A publication written by this process (its text was checked before). */
    static Publication of(RulesetRecord record) {
        return of(record.key(), record.toJson());
    }

    public boolean valid() {
        return problem == null;
    }

    /** The ruleset name from the key, also of a record that does not decode; null for a key of another shape. */
    public String name() {
        RulesetRecord.KeyParts parts = parts();
        return parts == null ? null : parts.name();
    }

    /** The sequence from the key, also of a record that does not decode; 0 for a key of another shape. */
    public long sequence() {
        RulesetRecord.KeyParts parts = parts();
        return parts == null ? 0 : parts.sequence();
    }

    /** The rules version the stream would stamp: re-computed from the text, else the record's own field. */
    public String version() {
        if (rules != null) {
            return rules.version();
        }
        return record == null ? "?" : record.version();
    }

    private RulesetRecord.KeyParts parts() {
        try {
            return RulesetRecord.parseKey(key);
        } catch (InvalidRulesetRecordException e) {
            return null;
        }
    }
}
