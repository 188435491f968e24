package io.newsradar.cli;

import io.newsradar.avro.ScoredArticle;
import io.newsradar.avro.Tag;
import io.newsradar.scoring.Route;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * Whether a route fires for a scored article and, when it does not, every reason why not (an
 * analyst asking "why did this not alert" wants all of them, not the first one checked).
 *
 * @param reasons empty when the route fires
 */
record RouteVerdict(Route route, boolean fires, List<String> reasons) {

    static List<RouteVerdict> all(List<Route> routes, ScoredArticle scored) {
        return routes.stream().map(r -> of(r, scored)).toList();
    }

    static RouteVerdict of(Route route, ScoredArticle scored) {
        // the stream's decision is the one recorded on the article; the reasons only explain it
        boolean fires = scored.getRoutes().contains(route.name());
        if (fires) {
            return new RouteVerdict(route, true, List.of());
        }
        Set<String> tagIds = new TreeSet<>();
        for (Tag t : scored.getTags()) {
            tagIds.add(t.getId());
        }
        Set<String> missing = new TreeSet<>(route.requiredTags());
        missing.removeAll(tagIds);
        List<String> reasons = new java.util.ArrayList<>();
        if (!missing.isEmpty()) {
            reasons.add("it lacks the required tag" + (missing.size() == 1 ? " " : "s ") + String.join(", ", missing));
        }
        if (scored.getScore() < route.minScore()) {
            reasons.add(String.format(
                    Locale.ROOT,
                    "the score %.1f is below the route's minimum %.1f (%.1f short)",
                    scored.getScore(),
                    route.minScore(),
                    route.minScore() - scored.getScore()));
        }
        if (reasons.isEmpty()) {
            // a route predicate this explainer does not know yet (the stream decided otherwise)
            reasons.add("the route's predicate does not hold for this article");
        }
        return new RouteVerdict(route, false, List.copyOf(reasons));
    }
}
