package io.newsradar.scoring;

import java.util.List;

/**
 * What the rules say about one article: its tags, its explained score, the routes it takes, and
 * the rules that could not be evaluated on it (empty when all ran).
 */
public record Evaluation(
        List<TagMatch> tags, ScoreCard card, List<Route> routes, String rulesVersion, List<RuleError> ruleErrors) {

    public Evaluation {
        tags = List.copyOf(tags);
        routes = List.copyOf(routes);
        ruleErrors = List.copyOf(ruleErrors);
    }

    public Evaluation(List<TagMatch> tags, ScoreCard card, List<Route> routes, String rulesVersion) {
        this(tags, card, routes, rulesVersion, List.of());
    }
}
