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

    record TaxonomyDoc(String name, Integer version, ScoringDoc scoring, List<TagDoc> tags) {}

    record ScoringDoc(
            Double titleFactor,
            DepthDoc depth,
            List<PairDoc> pairs,
            SpecificityDoc specificity,
            Integer rationaleSize,
            Integer keyPoints) {}

    record DepthDoc(Integer minSentences, Double factor, List<String> skipCategories) {}

    record PairDoc(List<String> tags, Double title, Double sentence, Double article) {}

    record SpecificityDoc(List<String> requiresAnyTag, Double programme, Double amount, Double date) {}

    record TagDoc(
            String id,
            String label,
            String category,
            Double weight,
            String query,
            List<String> exclude,
            Integer minMatches,
            String notes) {}

    record RoutesDoc(List<RouteDoc> routes) {}

    /** A ruleset bundle: the taxonomy file's fields and the routes file's {@code routes} in one document. */
    record RulesetDoc(String name, Integer version, ScoringDoc scoring, List<TagDoc> tags, List<RouteDoc> routes) {}

    record RouteDoc(String name, String priority, List<String> requiredTags, Double minScore) {}

    // ---- taxonomy ----

    static Taxonomy taxonomy(String yaml, String origin) {
        return taxonomy(read(yaml, origin, TaxonomyDoc.class), "taxonomy " + origin);
    }

    /** The taxonomy and routes of one bundle; errors name the bundle's origin. */
    static Bundle ruleset(String yaml, String origin) {
        RulesetDoc doc = read(yaml, origin, RulesetDoc.class);
        String label = "ruleset " + origin;
        Taxonomy taxonomy = taxonomy(new TaxonomyDoc(doc.name(), doc.version(), doc.scoring(), doc.tags()), label);
        return new Bundle(taxonomy, routes(new RoutesDoc(doc.routes()), label, taxonomy));
    }

    record Bundle(Taxonomy taxonomy, List<Route> routes) {}

    private static Taxonomy taxonomy(TaxonomyDoc doc, String label) {
        Problems p = new Problems(label);
        String name = doc.name();
        if (name == null || !SLUG.matcher(name).matches()) {
            p.fail("name", "must be lower-case letters, digits and '-' (got " + quote(name) + ")");
        }
        if (doc.version() == null || doc.version() < 1) {
            p.fail("version", "must be a whole number of at least 1 (got " + doc.version() + ")");
        }
        if (doc.tags() == null || doc.tags().isEmpty()) {
            p.fail("tags", "the taxonomy has no tags");
        }
        List<TagRule> rules = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < doc.tags().size(); i++) {
            TagDoc t = doc.tags().get(i);
            String where = "tags[" + i + "]" + (t != null && t.id() != null ? " (" + t.id() + ")" : "");
            if (t == null) {
                p.fail(where, "empty entry");
            }
            rules.add(tagRule(t, where, p));
            if (!ids.add(t.id())) {
                p.fail(where, "tag id '" + t.id() + "' is defined twice");
            }
        }
        Set<String> categories = new HashSet<>();
        rules.forEach(r -> categories.add(r.category()));
        ScoringSettings scoring = scoring(doc.scoring(), ids, categories, p);
        return new Taxonomy(name, doc.version(), scoring, rules);
    }

    private static TagRule tagRule(TagDoc t, String where, Problems p) {
        if (t.id() == null || !SLUG.matcher(t.id()).matches()) {
            p.fail(where + ".id", "must be lower-case letters, digits and '-' (got " + quote(t.id()) + ")");
        }
        requireText(t.label(), where + ".label", p);
        requireText(t.category(), where + ".category", p);
        if (t.weight() == null) {
            p.fail(where + ".weight", "missing: every tag needs a weight (negative for penalties)");
        }
        if (!Double.isFinite(t.weight()) || t.weight() == 0 || Math.abs(t.weight()) > MAX_ABS_WEIGHT) {
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
        TagRule rule = new TagRule(
                t.id(),
                t.label().strip(),
                t.category().strip(),
                t.weight(),
                t.query().strip(),
                exclude,
                minMatches,
                t.notes() == null ? "" : t.notes().strip());
        try {
            QueryCompiler.check(rule);
        } catch (InvalidQueryException e) {
            p.fail(where + ".query", e.getMessage());
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
            }
            out.add(term.strip());
        }
        return out;
    }

    private static ScoringSettings scoring(ScoringDoc s, Set<String> ids, Set<String> categories, Problems p) {
        ScoringSettings d = ScoringSettings.defaults();
        if (s == null) {
            return d;
        }
        double titleFactor = s.titleFactor() == null ? d.titleFactor() : s.titleFactor();
        if (!(titleFactor >= 1.0 && titleFactor <= 5.0)) {
            p.fail("scoring.titleFactor", "must be between 1 and 5 (got " + titleFactor + ")");
        }
        ScoringSettings.Depth depth = d.depth();
        if (s.depth() != null) {
            int min = s.depth().minSentences() == null
                    ? d.depth().minSentences()
                    : s.depth().minSentences();
            double factor =
                    s.depth().factor() == null ? d.depth().factor() : s.depth().factor();
            if (min < 1) {
                p.fail("scoring.depth.minSentences", "must be at least 1 (got " + min + ")");
            }
            nonNegative(factor, "scoring.depth.factor", p);
            List<String> skip =
                    s.depth().skipCategories() == null ? List.of() : s.depth().skipCategories();
            for (String category : skip) {
                if (!categories.contains(category)) {
                    p.fail(
                            "scoring.depth.skipCategories",
                            "unknown category " + quote(category) + "; the tags use "
                                    + new java.util.TreeSet<>(categories));
                }
            }
            depth = new ScoringSettings.Depth(min, factor, Set.copyOf(skip));
        }
        List<ScoringSettings.TagPair> pairs = new ArrayList<>();
        if (s.pairs() != null) {
            for (int i = 0; i < s.pairs().size(); i++) {
                PairDoc pd = s.pairs().get(i);
                String where = "scoring.pairs[" + i + "]";
                if (pd == null || pd.tags() == null || pd.tags().size() != 2) {
                    p.fail(where + ".tags", "must name exactly two tag ids");
                }
                pd.tags().forEach(id -> knownTag(id, ids, where + ".tags", p));
                pairs.add(new ScoringSettings.TagPair(
                        pd.tags().get(0),
                        pd.tags().get(1),
                        nonNegative(orZero(pd.title()), where + ".title", p),
                        nonNegative(orZero(pd.sentence()), where + ".sentence", p),
                        nonNegative(orZero(pd.article()), where + ".article", p)));
            }
        }
        ScoringSettings.Specificity spec = d.specificity();
        if (s.specificity() != null) {
            SpecificityDoc sd = s.specificity();
            List<String> requires = sd.requiresAnyTag() == null ? List.of() : sd.requiresAnyTag();
            requires.forEach(id -> knownTag(id, ids, "scoring.specificity.requiresAnyTag", p));
            spec = new ScoringSettings.Specificity(
                    Set.copyOf(requires),
                    nonNegative(orZero(sd.programme()), "scoring.specificity.programme", p),
                    nonNegative(orZero(sd.amount()), "scoring.specificity.amount", p),
                    nonNegative(orZero(sd.date()), "scoring.specificity.date", p));
        }
        int rationaleSize = s.rationaleSize() == null ? d.rationaleSize() : s.rationaleSize();
        if (rationaleSize < 1) {
            p.fail("scoring.rationaleSize", "must be at least 1 (got " + rationaleSize + ")");
        }
        int keyPoints = s.keyPoints() == null ? d.keyPoints() : s.keyPoints();
        if (keyPoints < 0) {
            p.fail("scoring.keyPoints", "must not be negative (got " + keyPoints + ")");
        }
        return new ScoringSettings(titleFactor, depth, pairs, spec, rationaleSize, keyPoints);
    }

    // ---- routes ----

    static List<Route> routes(String yaml, String origin, Taxonomy taxonomy) {
        return routes(read(yaml, origin, RoutesDoc.class), "routes " + origin, taxonomy);
    }

    private static List<Route> routes(RoutesDoc doc, String label, Taxonomy taxonomy) {
        Problems p = new Problems(label);
        if (doc.routes() == null) {
            p.fail("routes", "missing: write 'routes: []' for a ruleset without alerts");
        }
        Set<String> ids = new HashSet<>();
        taxonomy.rules().forEach(r -> ids.add(r.id()));
        Set<String> names = new HashSet<>();
        List<Route> routes = new ArrayList<>();
        for (int i = 0; i < doc.routes().size(); i++) {
            RouteDoc r = doc.routes().get(i);
            String where = "routes[" + i + "]" + (r != null && r.name() != null ? " (" + r.name() + ")" : "");
            if (r == null) {
                p.fail(where, "empty entry");
            }
            if (r.name() == null || !SLUG.matcher(r.name()).matches()) {
                p.fail(where + ".name", "must be lower-case letters, digits and '-' (got " + quote(r.name()) + ")");
            }
            if (!names.add(r.name())) {
                p.fail(where, "route '" + r.name() + "' is defined twice");
            }
            requireText(r.priority(), where + ".priority", p);
            List<String> required = r.requiredTags() == null ? List.of() : r.requiredTags();
            required.forEach(id -> knownTag(id, ids, where + ".requiredTags", p));
            if (r.minScore() == null || !(r.minScore() >= 0 && r.minScore() <= 10)) {
                p.fail(where + ".minScore", "must be between 0 and 10 (got " + r.minScore() + ")");
            }
            routes.add(new Route(r.name(), r.priority().strip(), Set.copyOf(required), r.minScore()));
        }
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

    private static void requireText(String value, String where, Problems p) {
        if (value == null || value.isBlank()) {
            p.fail(where, "missing or empty");
        }
    }

    private static void knownTag(String id, Set<String> ids, String where, Problems p) {
        if (!ids.contains(id)) {
            p.fail(where, "unknown tag id " + quote(id) + "; the taxonomy defines " + new java.util.TreeSet<>(ids));
        }
    }

    private static double orZero(Double d) {
        return d == null ? 0.0 : d;
    }

    private static double nonNegative(double v, String where, Problems p) {
        if (!(v >= 0) || !Double.isFinite(v)) {
            p.fail(where, "must be zero or more (got " + v + ")");
        }
        return v;
    }

    private static String quote(String s) {
        return s == null ? "nothing" : "'" + s + "'";
    }

    /** Throws on the first problem, with the origin in front; keeps the check code linear. */
    private record Problems(String origin) {
        void fail(String where, String what) {
            throw new RulesException(origin + ": " + where + ": " + what);
        }
    }
}
