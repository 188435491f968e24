package io.newsradar.scoring;

import java.util.Collection;
import java.util.List;

/** Decides which routes (alert topics) a scored article goes to. Pure and thread-safe. */
public final class Router {
    private final List<Route> routes;

    public Router(List<Route> routes) {
        this.routes = List.copyOf(routes);
    }

    /** The routes whose predicate holds, in the order the routes file lists them. */
    public List<Route> route(Collection<String> tagIds, double score) {
        return routes.stream().filter(r -> r.matches(tagIds, score)).toList();
    }

    public List<Route> routes() {
        return routes;
    }
}
