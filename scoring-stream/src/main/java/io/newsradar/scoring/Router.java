package io.newsradar.scoring;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Decides which routes (alert topics) a scored article goes to. Pure and thread-safe. */
public final class Router {
    private final List<Route> routes;

    public Router(List<Route> routes) {
        this.routes = List.copyOf(routes);
    }

    /** The routes whose predicate holds for the tags found and the score, in the routes file's order. */
    public List<Route> routeFor(List<TagMatch> tags, double score) {
        Set<String> ids = new HashSet<>();
        Set<String> categories = new HashSet<>();
        for (TagMatch m : tags) {
            ids.add(m.id());
            categories.add(m.rule().category());
        }
        return route(ids, categories, score);
    }

    /** The routes whose predicate holds, in the order the routes file lists them. */
    public List<Route> route(Collection<String> tagIds, Collection<String> categories, double score) {
        return routes.stream().filter(r -> r.matches(tagIds, categories, score)).toList();
    }

    public List<Route> routes() {
        return routes;
    }
}
