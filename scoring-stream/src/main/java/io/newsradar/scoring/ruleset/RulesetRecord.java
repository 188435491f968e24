package io.newsradar.scoring.ruleset;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newsradar.schemas.topics.Topics;
import io.newsradar.scoring.RulesException;
import io.newsradar.scoring.ScoringRules;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One publication of a ruleset on {@code rules.v1}: the bundle's text and who published it when.
 *
 * <p>Key: {@code <ruleset name>#<sequence, 10 digits>}, e.g. {@code builtin#0000000003}. Every
 * publication has a key of its own (the sequence counts a ruleset's publications from 1), so the
 * compacted topic keeps the whole history: compaction only ever drops a record whose key was
 * written again. A rollback is a new publication carrying an older one's text
 * ({@link #rolledBackFrom}). The ruleset in force is the one with the highest sequence whose
 * text is valid.
 *
 * <p>Value: a JSON object, {@code format} 1:
 *
 * <pre>{@code
 * {"format":1, "name":"builtin", "sequence":3, "version":"builtin-2-16b11d53",
 *  "publishedAt":"2026-11-29T21:00:00Z", "publishedBy":"alice@host", "note":"widen AI",
 *  "rolledBackFrom":null, "ruleset":"name: builtin\nversion: 2\n..."}
 * }</pre>
 *
 * {@code version} is the rules version computed from {@code ruleset} when it was published (what
 * every scored article carries); readers re-parse the text and trust that, not the field.
 *
 * @param rolledBackFrom the sequence whose text this publication restores, or null
 */
public record RulesetRecord(
        String name,
        long sequence,
        String version,
        Instant publishedAt,
        String publishedBy,
        String note,
        Long rolledBackFrom,
        String ruleset) {

    public static final int FORMAT = 1;

    private static final Pattern KEY = Pattern.compile("([a-z0-9][a-z0-9-]*)#(\\d{10})");
    private static final ObjectMapper JSON =
            new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    public RulesetRecord {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(publishedAt, "publishedAt");
        Objects.requireNonNull(ruleset, "ruleset");
        publishedBy = publishedBy == null ? "" : publishedBy;
        note = note == null ? "" : note;
        if (sequence < 1) {
            throw new IllegalArgumentException("sequence must be at least 1, got " + sequence);
        }
    }

    /** The record's key on {@code rules.v1}. */
    public String key() {
        return key(name, sequence);
    }

    public static String key(String name, long sequence) {
        return name + "#" + String.format(Locale.ROOT, "%010d", sequence);
    }

    /** The ruleset name and sequence of a key; a key in any other shape is refused. */
    public static KeyParts parseKey(String key) {
        Matcher m = key == null ? null : KEY.matcher(key);
        if (m == null || !m.matches()) {
            throw new InvalidRulesetRecordException(
                    "key " + key + " is not <ruleset name>#<10-digit sequence>, e.g. builtin#0000000001");
        }
        return new KeyParts(m.group(1), Long.parseLong(m.group(2)));
    }

    public record KeyParts(String name, long sequence) {}

    /** The ruleset this record publishes; a {@link RulesException} names the record when invalid. */
    public ScoringRules rules() {
        return ScoringRules.parseBundle(ruleset, Topics.RULES.name() + " " + key());
    }

    public String toJson() {
        ObjectNode o = JSON.createObjectNode();
        o.put("format", FORMAT);
        o.put("name", name);
        o.put("sequence", sequence);
        o.put("version", version);
        o.put("publishedAt", publishedAt.toString());
        o.put("publishedBy", publishedBy);
        o.put("note", note);
        if (rolledBackFrom == null) {
            o.putNull("rolledBackFrom");
        } else {
            o.put("rolledBackFrom", rolledBackFrom);
        }
        o.put("ruleset", ruleset);
        try {
            return JSON.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of strings and numbers always serialises", e);
        }
    }

    /**
     * Decodes a record; the key must agree with the value's name and sequence. Anything else
     * (bad JSON, a newer format, a missing field) is an {@link InvalidRulesetRecordException} saying
     * what is wrong: a reader skips that record and keeps the ruleset it has.
     */
    public static RulesetRecord fromJson(String key, String json) {
        KeyParts parts = parseKey(key);
        if (json == null) {
            throw new InvalidRulesetRecordException("record " + key + " has no value (a tombstone)");
        }
        JsonNode o;
        try {
            o = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new InvalidRulesetRecordException("record " + key + " is not JSON: " + e.getOriginalMessage(), e);
        }
        if (o == null || !o.isObject()) {
            throw new InvalidRulesetRecordException("record " + key + " is not a JSON object");
        }
        int format = o.path("format").asInt(-1);
        if (format != FORMAT) {
            throw new InvalidRulesetRecordException("record " + key + " has format " + o.path("format")
                    + "; this version reads format " + FORMAT + " (upgrade the scoring stream first)");
        }
        String name = text(o, "name", key);
        long sequence = o.path("sequence").asLong(-1);
        if (!name.equals(parts.name()) || sequence != parts.sequence()) {
            throw new InvalidRulesetRecordException("record " + key + " says it is " + key(name, sequence));
        }
        Instant publishedAt;
        try {
            publishedAt = Instant.parse(text(o, "publishedAt", key));
        } catch (DateTimeParseException e) {
            throw new InvalidRulesetRecordException(
                    "record " + key + ": publishedAt is not an ISO-8601 instant: " + o.path("publishedAt"), e);
        }
        JsonNode back = o.path("rolledBackFrom");
        return new RulesetRecord(
                name,
                sequence,
                text(o, "version", key),
                publishedAt,
                o.path("publishedBy").asText(""),
                o.path("note").asText(""),
                back.isIntegralNumber() ? back.asLong() : null,
                text(o, "ruleset", key));
    }

    private static String text(JsonNode o, String field, String key) {
        JsonNode v = o.get(field);
        if (v == null || !v.isTextual() || v.asText().isBlank()) {
            throw new InvalidRulesetRecordException("record " + key + ": field '" + field + "' missing or empty");
        }
        return v.asText();
    }
}
