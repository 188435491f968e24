package io.newsradar.schemas.mutes;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One analyst's mute: the value of {@code mutes.v1} (key: {@link #key()}), JSON format 1. Written
 * by {@code newsradar mute}, removed by {@code newsradar unmute} (a tombstone under the key), read
 * by every scoring instance into a global store. A muted story, source or tag is still scored but
 * raises no alert for articles whose event time is before {@link #until()}.
 *
 * <p>JSON: {@code {"format":1,"kind":"tag","value":"defense","until":"2026-12-01T18:00:00Z",
 * "reason":"…","createdAt":"2026-11-30T12:00:00Z"}}; {@code reason} may be an empty string, never
 * null. Readers ignore fields they do not know, so a later format may add fields; a format number
 * they do not know is refused.
 *
 * <p>The key is {@code <kind>:<value>} with sources and tags in lower case ({@link
 * Locale#ROOT}), so "Reuters" and "reuters" are one mute; story ids are kept as given (they are
 * hashes, compared exactly). The record keeps {@link #value()} as the analyst wrote it, for
 * display.
 *
 * @param kind      what is muted
 * @param value     the story id, outlet name or tag id, stripped of surrounding blanks
 * @param until     the end of the period: articles with an event time before it are muted
 * @param reason    why, as the analyst said it, or empty
 * @param createdAt when the mute was written (wall clock of the writer; informational)
 */
public record MuteRecord(MuteKind kind, String value, Instant until, String reason, Instant createdAt) {
    public static final int FORMAT = 1;
    /** Longest value accepted: outlet names and ids are far shorter; a key stays a small record. */
    public static final int MAX_VALUE_LENGTH = 200;
    /** Longest reason accepted: a sentence in a rationale, not a document. */
    public static final int MAX_REASON_LENGTH = 500;

    private static final ObjectMapper MAPPER = new ObjectMapper();
    // the taxonomy's tag id form (as feed lists check it)
    private static final Pattern TAG_ID = Pattern.compile("[a-z0-9][a-z0-9-]*");

    /**
     * @throws IllegalArgumentException naming the field, when a value is missing, too long or (a
     *     tag) not a tag id
     */
    public MuteRecord {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(until, "until");
        Objects.requireNonNull(createdAt, "createdAt");
        value = checkValue(kind, value);
        reason = reason == null ? "" : reason.strip();
        if (reason.length() > MAX_REASON_LENGTH) {
            throw new IllegalArgumentException(
                    "mute reason is longer than " + MAX_REASON_LENGTH + " characters (" + reason.length() + ")");
        }
        if (reason.chars().anyMatch(Character::isISOControl)) {
            // it ends up inside a one-line rationale sentence and in log lines
            throw new IllegalArgumentException("mute reason contains a control character (a line break?)");
        }
    }

    /** The {@code mutes.v1} key of this mute. */
    public String key() {
        return key(kind, value);
    }

    /**
     * The {@code mutes.v1} key of a mute of {@code kind} on {@code value}: {@code <kind>:<value>},
     * sources and tags in lower case ({@link Locale#ROOT}), blanks around the value stripped.
     */
    public static String key(MuteKind kind, String value) {
        Objects.requireNonNull(kind, "kind");
        return kind.word() + ":" + normalise(kind, Objects.requireNonNull(value, "value"));
    }

    /** The value as compared: a story id as given, a source or tag in lower case; blanks stripped. */
    public static String normalise(MuteKind kind, String value) {
        String v = value.strip();
        return kind == MuteKind.STORY ? v : v.toLowerCase(Locale.ROOT);
    }

    /** Whether the mute covers an article with this event time: the time is before {@link #until()}. */
    public boolean covers(Instant eventTime) {
        return eventTime.isBefore(until);
    }

    /** The end of the period as people read it: {@code 2026-12-01T18:00Z} (seconds only when not zero). */
    public String untilText() {
        return text(until);
    }

    /** An instant in UTC, without zero seconds: {@code 2026-12-01T18:00Z}. */
    public static String text(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC).toString();
    }

    public String toJson() {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("format", FORMAT);
        n.put("kind", kind.word());
        n.put("value", value);
        n.put("until", until.toString());
        n.put("reason", reason);
        n.put("createdAt", createdAt.toString());
        return n.toString();
    }

    /**
     * @throws IllegalArgumentException naming the problem, when the text is not a mute record of a
     *     known format
     */
    public static MuteRecord fromJson(String json) {
        JsonNode n;
        try {
            n = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("mute record is not JSON: " + e.getOriginalMessage(), e);
        }
        if (n == null || !n.isObject()) {
            throw new IllegalArgumentException("mute record is not a JSON object");
        }
        int format = n.path("format").asInt(-1);
        if (format != FORMAT) {
            throw new IllegalArgumentException(
                    "mute record format " + n.path("format") + " is not known (this reader knows " + FORMAT + ")");
        }
        String kindWord = required(n, "kind");
        MuteKind kind = MuteKind.of(kindWord)
                .orElseThrow(() -> new IllegalArgumentException(
                        "mute record kind '" + kindWord + "' is not " + MuteKind.choices()));
        return new MuteRecord(
                kind,
                required(n, "value"),
                instant(n, "until"),
                n.path("reason").asText(""),
                instant(n, "createdAt"));
    }

    private static String checkValue(MuteKind kind, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("mute has no value (the " + kind.word() + " to mute)");
        }
        String v = value.strip();
        if (v.length() > MAX_VALUE_LENGTH) {
            throw new IllegalArgumentException("mute value is longer than " + MAX_VALUE_LENGTH + " characters");
        }
        if (v.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("mute value contains a control character");
        }
        if (kind == MuteKind.TAG && !TAG_ID.matcher(normalise(kind, v)).matches()) {
            throw new IllegalArgumentException(
                    "a muted tag must be a tag id: letters, digits and '-' (got '" + v + "')");
        }
        return v;
    }

    private static Instant instant(JsonNode n, String field) {
        String text = required(n, field);
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(
                    "mute record " + field + " '" + text + "' is not an ISO instant (2026-12-01T18:00:00Z)");
        }
    }

    private static String required(JsonNode n, String field) {
        String v = n.path(field).asText("");
        if (v.isBlank()) {
            throw new IllegalArgumentException("mute record has no " + field);
        }
        return v;
    }
}
