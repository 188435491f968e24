package io.newsradar.scoring;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * A route's condition over one kind of label (tag ids, or categories).
 *
 * @param allOf  every one must be present
 * @param anyOf  groups: from each group at least one must be present ({@code [[a, b], [c, d]]}
 *               reads (a or b) and (c or d); a flat list in YAML is one group)
 * @param noneOf none may be present
 */
public record RouteCondition(Set<String> allOf, List<Set<String>> anyOf, Set<String> noneOf) {

    public static final RouteCondition NONE = new RouteCondition(Set.of(), List.of(), Set.of());

    public RouteCondition {
        allOf = Set.copyOf(allOf);
        anyOf = anyOf.stream().map(Set::copyOf).toList();
        noneOf = Set.copyOf(noneOf);
        if (anyOf.stream().anyMatch(Set::isEmpty)) {
            throw new IllegalArgumentException("an anyOf group must name at least one");
        }
    }

    public static RouteCondition allOf(Collection<String> ids) {
        return new RouteCondition(Set.copyOf(ids), List.of(), Set.of());
    }

    public boolean isEmpty() {
        return allOf.isEmpty() && anyOf.isEmpty() && noneOf.isEmpty();
    }

    public boolean holds(Collection<String> present) {
        if (!present.containsAll(allOf)) {
            return false;
        }
        for (Set<String> group : anyOf) {
            if (group.stream().noneMatch(present::contains)) {
                return false;
            }
        }
        return noneOf.stream().noneMatch(present::contains);
    }

    /**
     * Adds a sentence per part of the condition to {@code met} or {@code failed}.
     *
     * @param kind "tag" or "category", for the sentences
     */
    void explain(String kind, Collection<String> present, List<String> met, List<String> failed) {
        if (!allOf.isEmpty()) {
            Set<String> missing = new TreeSet<>(allOf);
            missing.removeAll(present);
            if (missing.isEmpty()) {
                met.add("it carries the required " + plural(kind, allOf.size()) + " " + sorted(allOf));
            } else {
                failed.add("it lacks the required " + plural(kind, missing.size()) + " " + String.join(", ", missing));
            }
        }
        for (Set<String> group : anyOf) {
            List<String> found = new ArrayList<>(new TreeSet<>(group));
            found.retainAll(present);
            if (found.isEmpty()) {
                failed.add("it carries none of the " + plural(kind, 2) + " " + sorted(group));
            } else {
                met.add("it carries " + String.join(", ", found) + " (one of " + sorted(group) + ")");
            }
        }
        if (!noneOf.isEmpty()) {
            List<String> found = new ArrayList<>(new TreeSet<>(noneOf));
            found.retainAll(present);
            if (found.isEmpty()) {
                met.add("it carries none of the excluded " + plural(kind, 2) + " " + sorted(noneOf));
            } else {
                failed.add("it carries the excluded " + plural(kind, found.size()) + " " + String.join(", ", found));
            }
        }
    }

    private static String plural(String kind, int n) {
        if (n == 1) {
            return kind;
        }
        return kind.endsWith("y") ? kind.substring(0, kind.length() - 1) + "ies" : kind + "s";
    }

    private static String sorted(Set<String> s) {
        return String.join(", ", new TreeSet<>(s));
    }
}
