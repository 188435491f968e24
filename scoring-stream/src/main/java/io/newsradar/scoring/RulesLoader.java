package io.newsradar.scoring;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.newsradar.scoring.rules.InvalidQueryException;
import io.newsradar.scoring.rules.QueryCompiler;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads the taxonomy and routes YAML into checked rules. Every problem is reported as a
 * {@link RulesException} naming the file, the place (line and column, or the path of the field
 * such as {@code tags[3].weight}) and what is wrong: analysts edit these files by hand.
 */
final class RulesLoader {
    private static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9-]*");
    private static final double MAX_ABS_WEIGHT = 10.0;
    // fields of the keyword tagger's taxonomy format, named in the error that rejects them
    private static final Set<String> LEGACY_FIELDS = Set.of("keywords", "exactCase");

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            // a typo'd field name must be an error, not a silently ignored setting
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            // "weight: 1" and then "weight: 2" in one rule is a mistake worth hearing about
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    private RulesLoader() {}

    // ---- file shapes (what the YAML says, before any check) ----

    record TaxonomyDoc(String name, Integer version, ScoringSection.Doc scoring, List<TagDoc> tags) {}

    record TagDoc(
            String id,
            String label,
            String category,
            Double weight,
            String query,
            List<String> exclude,
            Integer minMatches,
            String notes) {}

    /** A ruleset bundle: the taxonomy file's fields and the routes file's {@code routes} in one document. */
    record RulesetDoc(
            String name,
            Integer version,
            ScoringSection.Doc scoring,
            List<TagDoc> tags,
            List<RoutesSection.RouteDoc> routes) {}

    // ---- taxonomy ----

    static Taxonomy taxonomy(String yaml, String origin) {
        Problems p = new Problems("taxonomy " + origin, yaml);
        Taxonomy taxonomy = taxonomy(read(yaml, origin, TaxonomyDoc.class), p);
        p.throwIfAny();
        return taxonomy;
    }

    /**
     * The taxonomy and routes of one bundle; errors name the bundle's origin. Every problem of
     * the taxonomy and the routes is reported at once (only YAML that does not parse stops at
     * its first error).
     */
    static Bundle ruleset(String yaml, String origin) {
        RulesetDoc doc = read(yaml, origin, RulesetDoc.class);
        Problems p = new Problems("ruleset " + origin, yaml);
        Taxonomy taxonomy = taxonomy(new TaxonomyDoc(doc.name(), doc.version(), doc.scoring(), doc.tags()), p);
        List<Route> routes =
                RoutesSection.read(new RoutesSection.Doc(doc.routes()), tagIds(doc.tags()), categories(doc.tags()), p);
        p.throwIfAny();
        return new Bundle(taxonomy, routes);
    }

    /** A taxonomy file and a routes file, with every problem of both reported at once. */
    static Bundle files(String taxonomyYaml, String taxonomyOrigin, String routesYaml, String routesOrigin) {
        TaxonomyDoc taxonomyDoc = read(taxonomyYaml, taxonomyOrigin, TaxonomyDoc.class);
        RoutesSection.Doc routesDoc = read(routesYaml, routesOrigin, RoutesSection.Doc.class);
        Problems tp = new Problems("taxonomy " + taxonomyOrigin, taxonomyYaml);
        Taxonomy taxonomy = taxonomy(taxonomyDoc, tp);
        Problems rp = new Problems("routes " + routesOrigin, routesYaml);
        List<Route> routes =
                RoutesSection.read(routesDoc, tagIds(taxonomyDoc.tags()), categories(taxonomyDoc.tags()), rp);
        List<RulesProblem> all = new ArrayList<>(tp.found);
        all.addAll(rp.found);
        if (!all.isEmpty()) {
            throw new RulesException(all);
        }
        return new Bundle(taxonomy, routes);
    }

    record Bundle(Taxonomy taxonomy, List<Route> routes) {}

    /** The tag ids a taxonomy defines, read from the document so one bad tag does not fail every route naming it. */
    private static Set<String> tagIds(List<TagDoc> tags) {
        Set<String> ids = new HashSet<>();
        if (tags != null) {
            tags.stream().filter(t -> t != null && t.id() != null).forEach(t -> ids.add(t.id()));
        }
        return ids;
    }

    private static Set<String> categories(List<TagDoc> tags) {
        Set<String> categories = new HashSet<>();
        if (tags != null) {
            tags.stream()
                    .filter(t ->
                            t != null && t.category() != null && !t.category().isBlank())
                    .forEach(t -> categories.add(t.category().strip()));
        }
        return categories;
    }

    /** The taxonomy, or null when {@code p} has problems (they are thrown by the caller). */
    private static Taxonomy taxonomy(TaxonomyDoc doc, Problems p) {
        String name = doc.name();
        if (name == null || !SLUG.matcher(name).matches()) {
            p.fail("name", "must be lower-case letters, digits and '-' (got " + quote(name) + ")");
        }
        if (doc.version() == null || doc.version() < 1) {
            p.fail("version", "must be a whole number of at least 1 (got " + doc.version() + ")");
        }
        List<TagDoc> tags = doc.tags() == null ? List.of() : doc.tags();
        if (tags.isEmpty()) {
            p.fail("tags", "the taxonomy has no tags");
        }
        List<TagRule> rules = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        Set<String> categories = new HashSet<>();
        for (int i = 0; i < tags.size(); i++) {
            TagDoc t = tags.get(i);
            String where = "tags[" + i + "]" + (t != null && t.id() != null ? " (" + t.id() + ")" : "");
            if (t == null) {
                p.fail(where, "empty entry");
                continue;
            }
            TagRule rule = tagRule(t, where, p);
            if (rule != null) {
                rules.add(rule);
            }
            if (t.id() != null && !ids.add(t.id())) {
                p.fail(where, "tag id '" + t.id() + "' is defined twice");
            }
            if (t.category() != null && !t.category().isBlank()) {
                categories.add(t.category().strip());
            }
        }
        ScoringSettings scoring = ScoringSection.read(doc.scoring(), ids, categories, p);
        return p.any() ? null : new Taxonomy(name, doc.version(), scoring, rules);
    }

    /** The rule, or null when the entry has problems (each one is in {@code p}). */
    private static TagRule tagRule(TagDoc t, String where, Problems p) {
        int before = p.count();
        if (t.id() == null || !SLUG.matcher(t.id()).matches()) {
            p.fail(where + ".id", "must be lower-case letters, digits and '-' (got " + quote(t.id()) + ")");
        }
        requireText(t.label(), where + ".label", p);
        requireText(t.category(), where + ".category", p);
        if (t.weight() == null) {
            p.fail(where + ".weight", "missing: every tag needs a weight (negative for penalties)");
        } else if (!Double.isFinite(t.weight()) || t.weight() == 0 || Math.abs(t.weight()) > MAX_ABS_WEIGHT) {
            p.fail(
                    where + ".weight",
                    "must be non-zero and between -" + MAX_ABS_WEIGHT + " and " + MAX_ABS_WEIGHT + " (got " + t.weight()
                            + ")");
        }
        requireText(t.query(), where + ".query", p);
        List<String> exclude = terms(t.exclude(), where + ".exclude", p);
        int minMatches = t.minMatches() == null ? 1 : t.minMatches();
        if (minMatches < 1) {
            p.fail(where + ".minMatches", "must be at least 1, got " + minMatches);
        }
        if (t.query() == null || t.query().isBlank()) {
            return null;
        }
        // the query is compiled even when another field is wrong, so that one check shows both;
        // a missing label or weight stands in as a placeholder (the rule is not used then)
        TagRule rule = new TagRule(
                t.id() == null ? "" : t.id(),
                t.label() == null ? "" : t.label().strip(),
                t.category() == null ? "" : t.category().strip(),
                t.weight() == null ? 1.0 : t.weight(),
                t.query().strip(),
                exclude,
                Math.max(1, minMatches),
                t.notes() == null ? "" : t.notes().strip());
        try {
            QueryCompiler.check(rule);
        } catch (InvalidQueryException e) {
            p.fail(where + ".query", e.getMessage());
        }
        if (p.count() > before) {
            return null;
        }
        return rule;
    }

    private static List<String> terms(List<String> raw, String where, Problems p) {
        if (raw == null) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < raw.size(); i++) {
            String term = raw.get(i);
            if (term == null || term.isBlank()) {
                p.fail(where + "[" + i + "]", "empty term");
                continue;
            }
            out.add(term.strip());
        }
        return out;
    }

    // ---- routes ----

    static List<Route> routes(String yaml, String origin, Taxonomy taxonomy) {
        Problems p = new Problems("routes " + origin, yaml);
        Set<String> ids = new HashSet<>();
        Set<String> categories = new HashSet<>();
        taxonomy.rules().forEach(r -> {
            ids.add(r.id());
            categories.add(r.category());
        });
        List<Route> routes = RoutesSection.read(read(yaml, origin, RoutesSection.Doc.class), ids, categories, p);
        p.throwIfAny();
        return routes;
    }

    // ---- helpers ----

    private static <T> T read(String yaml, String origin, Class<T> type) {
        if (yaml == null || yaml.isBlank()) {
            throw new RulesException(origin + ": the file is empty");
        }
        T doc;
        try {
            doc = YAML.readValue(yaml, type);
        } catch (JsonProcessingException e) {
            throw new RulesException(origin + ": " + describe(e), e);
        }
        if (doc == null) {
            throw new RulesException(origin + ": the file has no content");
        }
        return doc;
    }

    private static String describe(JsonProcessingException e) {
        StringBuilder sb = new StringBuilder();
        JsonLocation loc = e.getLocation();
        if (loc != null && loc.getLineNr() > 0) {
            sb.append("line ")
                    .append(loc.getLineNr())
                    .append(", column ")
                    .append(loc.getColumnNr())
                    .append(": ");
        }
        if (e instanceof UnrecognizedPropertyException u) {
            sb.append("unknown field '").append(u.getPropertyName()).append("'");
            String path = path(u);
            if (!path.isEmpty()) {
                sb.append(" in ").append(path);
            }
            if (LEGACY_FIELDS.contains(u.getPropertyName())) {
                sb.append(": keyword lists were replaced by a Boolean 'query' (docs/rules.md)");
                return sb.toString();
            }
            if (u.getKnownPropertyIds() != null) {
                sb.append(" (known fields: ").append(u.getKnownPropertyIds()).append(")");
            }
            return sb.toString();
        }
        if (e instanceof JsonMappingException m && !path(m).isEmpty()) {
            sb.append("at ").append(path(m)).append(": ");
        }
        String message = e.getOriginalMessage();
        // Jackson's messages can carry a second line of internals; the first says what is wrong
        int nl = message == null ? -1 : message.indexOf('\n');
        sb.append(nl < 0 ? message : message.substring(0, nl));
        return sb.toString();
    }

    private static String path(JsonMappingException e) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (sb.length() > 0) {
                    sb.append('.');
                }
                sb.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                sb.append('[').append(ref.getIndex()).append(']');
            }
        }
        return sb.toString();
    }

    static void requireText(String value, String where, Problems p) {
        if (value == null || value.isBlank()) {
            p.fail(where, "missing or empty");
        }
    }

    static void knownTag(String id, Set<String> ids, String where, Problems p) {
        if (!ids.contains(id)) {
            p.fail(where, "unknown tag id " + quote(id) + "; the taxonomy defines " + new java.util.TreeSet<>(ids));
        }
    }

    static double orZero(Double d) {
        return d == null ? 0.0 : d;
    }

    static double nonNegative(double v, String where, Problems p) {
        if (!(v >= 0) || !Double.isFinite(v)) {
            p.fail(where, "must be zero or more (got " + v + ")");
        }
        return v;
    }

    static String quote(String s) {
        return s == null ? "nothing" : "'" + s + "'";
    }

    /**
     * The problems of one file, each with the origin in front and the line of its entry, so
     * that an analyst sees all of them in one check rather than one per attempt.
     */
    static final class Problems {
        private final String origin;
        private final YamlLines lines;
        final List<RulesProblem> found = new ArrayList<>();

        Problems(String origin, String yaml) {
            this.origin = origin;
            this.lines = YamlLines.of(yaml);
        }

        void fail(String where, String what) {
            found.add(new RulesProblem(origin + ": " + where + ": " + what, lines.lineOf(where)));
        }

        int count() {
            return found.size();
        }

        boolean any() {
            return !found.isEmpty();
        }

        void throwIfAny() {
            if (any()) {
                throw new RulesException(found);
            }
        }
    }
}
