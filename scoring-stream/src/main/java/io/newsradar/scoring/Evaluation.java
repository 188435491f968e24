package io.newsradar.scoring;

import java.util.List;

/** What the rules say about one article: its tags, its explained score, the routes it takes. */
public record Evaluation(List<TagMatch> tags, ScoreCard card, List<Route> routes, String rulesVersion) {

    public Evaluation {
        tags = List.copyOf(tags);
        routes = List.copyOf(routes);
    }
}
