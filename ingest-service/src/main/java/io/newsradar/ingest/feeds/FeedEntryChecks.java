package io.newsradar.ingest.feeds;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.regex.Pattern;

/**
 * Checks one feed entry (a YAML mapping, or an OPML outline turned into one) and builds the
 * {@link FeedEntry}. Every problem is passed to the sink; nothing stops at the first.
 */
final class FeedEntryChecks {
    /** The scorer's bound on source weights (taxonomy {@code scoring.sources}), so both agree. */
    static final double MAX_WEIGHT = 5.0;

    static final int MAX_TEXT = 200;
    static final int MAX_TAGS = 20;

    static final Set<String> ENTRY_FIELDS =
            Set.of("id", "url", "source", "pollInterval", "weight", "tags", "site", "category");

    private static final Pattern TAG_ID = Pattern.compile("[a-z0-9][a-z0-9-]*");

    /** The values an entry gets when it does not say: built in, or the list's {@code defaults}. */
    record Defaults(Duration pollInterval, double weight) {
        static final Defaults BUILT_IN = new Defaults(PollInterval.DEFAULT, 0.0);
    }

    private FeedEntryChecks() {}

    /** The entry, or null when it has a problem (each one given to {@code problem(field, what)}). */
    static FeedEntry entry(JsonNode node, Defaults defaults, BiConsumer<String, String> problem) {
        if (node == null || !node.isObject()) {
            problem.accept("", "must be a mapping with at least a url (got " + kind(node) + ")");
            return null;
        }
        int[] count = {0};
        BiConsumer<String, String> p = (f, w) -> {
            count[0]++;
            problem.accept(f, w);
        };
        unknownFields(node, ENTRY_FIELDS, "", p);
        String url = text(node, "url", true, p);
        String id = null;
        if (url != null) {
            try {
                id = FeedIds.idFor(url);
            } catch (IllegalArgumentException e) {
                p.accept(".url", e.getMessage());
            }
        }
        String givenId = text(node, "id", false, p);
        if (givenId != null && !FeedIds.GIVEN_ID.matcher(givenId).matches()) {
            p.accept(".id", "must be 1 to 64 lower-case letters, digits and '-' (got '" + givenId + "')");
        }
        String source = text(node, "source", false, p);
        Duration poll = pollInterval(node.get("pollInterval"), ".pollInterval", p);
        Double weight = weight(node.get("weight"), ".weight", p);
        List<String> tags = tags(node.get("tags"), p);
        String site = text(node, "site", false, p);
        if (site != null && !FeedUrl.isHttp(site)) {
            p.accept(".site", "must be an http(s) URL (got '" + site + "')");
        }
        String category = text(node, "category", false, p);
        if (count[0] > 0) {
            return null;
        }
        return new FeedEntry(
                givenId != null ? givenId : id,
                givenId != null,
                url,
                source == null ? "" : source,
                poll == null ? defaults.pollInterval() : poll,
                weight == null ? defaults.weight() : weight,
                tags,
                site == null ? "" : site,
                category == null ? "" : category);
    }

    static void unknownFields(JsonNode node, Set<String> known, String prefix, BiConsumer<String, String> p) {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!known.contains(name)) {
                p.accept(prefix + "." + name, "unknown field (known fields: " + new java.util.TreeSet<>(known) + ")");
            }
        }
    }

    /** A stripped, non-empty text of at most {@link #MAX_TEXT} characters, or null when absent. */
    private static String text(JsonNode node, String field, boolean required, BiConsumer<String, String> p) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            if (required) {
                p.accept("." + field, "missing: every feed needs one");
            }
            return null;
        }
        if (!v.isTextual()) {
            p.accept("." + field, "must be text (got " + kind(v) + ")");
            return null;
        }
        String s = v.textValue().strip();
        if (s.isEmpty()) {
            p.accept("." + field, "is empty");
            return null;
        }
        if (s.length() > ("url".equals(field) || "site".equals(field) ? 2000 : MAX_TEXT)) {
            p.accept("." + field, "is too long (" + s.length() + " characters)");
            return null;
        }
        if (s.chars().anyMatch(Character::isISOControl)) {
            p.accept("." + field, "must not contain control characters or line breaks");
            return null;
        }
        return s;
    }

    static Duration pollInterval(JsonNode v, String where, BiConsumer<String, String> p) {
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            p.accept(where, "must be a duration like 15m, 1h30m or PT15M (got " + kind(v) + " " + v + ")");
            return null;
        }
        try {
            return PollInterval.parse(v.textValue());
        } catch (IllegalArgumentException e) {
            p.accept(where, e.getMessage());
            return null;
        }
    }

    static Double weight(JsonNode v, String where, BiConsumer<String, String> p) {
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isNumber() || !Double.isFinite(v.doubleValue()) || Math.abs(v.doubleValue()) > MAX_WEIGHT) {
            p.accept(where, "must be a number between -" + MAX_WEIGHT + " and " + MAX_WEIGHT + " (got " + v + ")");
            return null;
        }
        return v.doubleValue();
    }

    private static List<String> tags(JsonNode v, BiConsumer<String, String> p) {
        if (v == null || v.isNull()) {
            return List.of();
        }
        if (!v.isArray()) {
            p.accept(".tags", "must be a list of tag ids (got " + kind(v) + ")");
            return List.of();
        }
        if (v.size() > MAX_TAGS) {
            p.accept(".tags", "has " + v.size() + " tags; at most " + MAX_TAGS);
        }
        Set<String> out = new LinkedHashSet<>();
        for (int i = 0; i < v.size(); i++) {
            JsonNode t = v.get(i);
            String where = ".tags[" + i + "]";
            if (!t.isTextual() || !TAG_ID.matcher(t.textValue()).matches()) {
                p.accept(where, "must be a tag id: lower-case letters, digits and '-' (got " + t + ")");
            } else if (!out.add(t.textValue())) {
                p.accept(where, "tag '" + t.textValue() + "' is listed twice");
            }
        }
        return new ArrayList<>(out);
    }

    static String kind(JsonNode v) {
        if (v == null || v.isNull()) {
            return "nothing";
        }
        if (v.isObject()) {
            return "a mapping";
        }
        if (v.isArray()) {
            return "a list";
        }
        if (v.isNumber()) {
            return "a number";
        }
        if (v.isBoolean()) {
            return "true/false";
        }
        return "text";
    }
}
