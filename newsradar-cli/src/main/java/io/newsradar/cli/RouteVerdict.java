package io.newsradar.cli;

import io.newsradar.avro.ScoredArticle;
import io.newsradar.avro.Tag;
import io.newsradar.scoring.Route;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Whether a route fires for a scored article and why: every part of its predicate that held
 * (tag and category conditions, the score against the minimum) and every part that failed (an
 * analyst asking "why did this not alert" wants all of them, not the first one checked).
 *
 * @param met     the conditions that held
 * @param reasons the conditions that failed; empty when the route fires
 */
record RouteVerdict(Route route, boolean fires, List<String> met, List<String> reasons) {

    static List<RouteVerdict> all(List<Route> routes, ScoredArticle scored) {
        return routes.stream().map(r -> of(r, scored)).toList();
    }

    static RouteVerdict of(Route route, ScoredArticle scored) {
        Set<String> tagIds = new HashSet<>();
        Set<String> categories = new HashSet<>();
        for (Tag t : scored.getTags()) {
            tagIds.add(t.getId());
            categories.add(t.getCategory());
        }
        Route.Check check = route.check(tagIds, categories, scored.getScore());
        // the stream's decision is the one recorded on the article; the check only explains it
        boolean fires = scored.getRoutes().contains(route.name());
        if (fires) {
            return new RouteVerdict(route, true, check.met(), List.of());
        }
        List<String> reasons = check.failed().isEmpty()
                // a route predicate this explainer does not know (the stream decided otherwise)
                ? List.of("the route's predicate does not hold for this article")
                : check.failed();
        return new RouteVerdict(route, false, check.met(), reasons);
    }
}
