package io.newsradar.scoring;

import static io.newsradar.scoring.RulesLoader.quote;
import static io.newsradar.scoring.RulesLoader.requireText;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The routes file: its shape and its checks. Each route names its alert topic, a priority, a
 * condition on tags and one on categories (all-of, any-of, none-of), and a minimum score;
 * {@code requiredTags}, the original format, is kept as an alias of {@code tags.allOf}.
 */
final class RoutesSection {
    private static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9-]*");

    private RoutesSection() {}

    record Doc(List<RouteDoc> routes) {}

    record RouteDoc(
            String name,
            String priority,
            List<String> requiredTags,
            ConditionDoc tags,
            ConditionDoc categories,
            Double minScore) {}

    /** {@code anyOf} is a list of names (one group) or a list of lists (each group needs one). */
    record ConditionDoc(List<String> allOf, List<Object> anyOf, List<String> noneOf) {}

    /**
     * The routes; an entry with problems is left out (each problem is in {@code p}).
     *
     * @param ids        the taxonomy's tag ids
     * @param categories the categories its tags use
     */
    static List<Route> read(Doc doc, Set<String> ids, Set<String> categories, RulesLoader.Problems p) {
        if (doc.routes() == null) {
            p.fail("routes", "missing: write 'routes: []' for a ruleset without alerts");
            return List.of();
        }
        Set<String> names = new HashSet<>();
        List<Route> routes = new ArrayList<>();
        for (int i = 0; i < doc.routes().size(); i++) {
            RouteDoc r = doc.routes().get(i);
            String where = "routes[" + i + "]" + (r != null && r.name() != null ? " (" + r.name() + ")" : "");
            if (r == null) {
                p.fail(where, "empty entry");
                continue;
            }
            int before = p.count();
            if (r.name() == null || !SLUG.matcher(r.name()).matches()) {
                p.fail(where + ".name", "must be lower-case letters, digits and '-' (got " + quote(r.name()) + ")");
            } else if (!names.add(r.name())) {
                p.fail(where, "route '" + r.name() + "' is defined twice");
            }
            requireText(r.priority(), where + ".priority", p);
            if (r.requiredTags() != null && r.tags() != null && r.tags().allOf() != null) {
                p.fail(
                        where + ".requiredTags",
                        "give the required tags once: requiredTags is the old name of tags.allOf");
            }
            ConditionDoc tagDoc = r.tags();
            if (r.requiredTags() != null) {
                tagDoc = new ConditionDoc(
                        r.requiredTags(),
                        tagDoc == null ? null : tagDoc.anyOf(),
                        tagDoc == null ? null : tagDoc.noneOf());
            }
            String tagsWhere = r.requiredTags() != null ? where + ".requiredTags" : where + ".tags";
            RouteCondition tags = condition(tagDoc, where + ".tags", tagsWhere, ids, "tag id", p);
            RouteCondition cats = condition(r.categories(), where + ".categories", null, categories, "category", p);
            if (r.minScore() == null || !(r.minScore() >= 0 && r.minScore() <= 10)) {
                p.fail(where + ".minScore", "must be between 0 and 10 (got " + r.minScore() + ")");
            }
            if (p.count() == before) {
                routes.add(new Route(r.name(), r.priority().strip(), tags, cats, r.minScore()));
            }
        }
        return routes;
    }

    /**
     * @param allOfWhere where all-of names are reported ({@code requiredTags} when given that way),
     *                   or null for {@code where.allOf}
     */
    private static RouteCondition condition(
            ConditionDoc c, String where, String allOfWhere, Set<String> known, String what, RulesLoader.Problems p) {
        if (c == null) {
            return RouteCondition.NONE;
        }
        Set<String> allOf = names(c.allOf(), allOfWhere == null ? where + ".allOf" : allOfWhere, known, what, p);
        List<Set<String>> anyOf = groups(c.anyOf(), where + ".anyOf", known, what, p);
        Set<String> noneOf = names(c.noneOf(), where + ".noneOf", known, what, p);
        for (String n : noneOf) {
            if (allOf.contains(n) || anyOf.stream().anyMatch(g -> g.equals(Set.of(n)))) {
                p.fail(where + ".noneOf", quote(n) + " is also required: the route could never fire");
            }
        }
        return new RouteCondition(allOf, anyOf, noneOf);
    }

    private static List<Set<String>> groups(
            List<Object> raw, String where, Set<String> known, String what, RulesLoader.Problems p) {
        if (raw == null) {
            return List.of();
        }
        boolean nested = !raw.isEmpty() && raw.stream().allMatch(o -> o instanceof List<?>);
        boolean flat = raw.stream().allMatch(o -> o instanceof String);
        if (!nested && !flat) {
            p.fail(where, "must be a list of names, or a list of lists of names (each list one group), not a mix");
            return List.of();
        }
        if (flat) {
            if (raw.isEmpty()) {
                p.fail(where, "is empty: leave it out, or name at least one");
            }
            return List.of(names(strings(raw, where, p), where, known, what, p));
        }
        List<Set<String>> out = new ArrayList<>();
        for (int i = 0; i < raw.size(); i++) {
            List<String> group = strings((List<?>) raw.get(i), where + "[" + i + "]", p);
            if (group.isEmpty()) {
                p.fail(where + "[" + i + "]", "is an empty group: it could never hold");
            }
            out.add(names(group, where + "[" + i + "]", known, what, p));
        }
        return out;
    }

    private static List<String> strings(List<?> raw, String where, RulesLoader.Problems p) {
        List<String> out = new ArrayList<>();
        for (Object o : raw) {
            if (!(o instanceof String s)) {
                p.fail(where, "must list names (got " + o + ")");
                return out;
            }
            out.add(s);
        }
        return out;
    }

    private static Set<String> names(
            List<String> raw, String where, Set<String> known, String what, RulesLoader.Problems p) {
        Set<String> out = new LinkedHashSet<>();
        if (raw == null) {
            return out;
        }
        for (String n : raw) {
            if (n == null || !known.contains(n)) {
                p.fail(where, "unknown " + what + " " + quote(n) + "; the taxonomy defines " + new TreeSet<>(known));
            }
            out.add(n);
        }
        return out;
    }
}
