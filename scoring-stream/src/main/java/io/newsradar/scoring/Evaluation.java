package io.newsradar.scoring;

import java.util.List;

/**
 * What the rules say about one article: its tags (found in the text, then the fixed tags of its
 * feed), its explained score, the routes it takes (none when ingest held its alerts), the rules
 * that could not be evaluated on it (empty when all ran), and the fixed tag ids of its feed that
 * the taxonomy does not have (ignored).
 */
public record Evaluation(
        List<TagMatch> tags,
        ScoreCard card,
        List<Route> routes,
        String rulesVersion,
        List<RuleError> ruleErrors,
        List<String> ignoredFeedTags) {

    public Evaluation {
        tags = List.copyOf(tags);
        routes = List.copyOf(routes);
        ruleErrors = List.copyOf(ruleErrors);
        ignoredFeedTags = List.copyOf(ignoredFeedTags);
    }

    public Evaluation(
            List<TagMatch> tags, ScoreCard card, List<Route> routes, String rulesVersion, List<RuleError> ruleErrors) {
        this(tags, card, routes, rulesVersion, ruleErrors, List.of());
    }

    public Evaluation(List<TagMatch> tags, ScoreCard card, List<Route> routes, String rulesVersion) {
        this(tags, card, routes, rulesVersion, List.of());
    }
}
