package io.newsradar.scoring;

import io.newsradar.avro.Alert;
import io.newsradar.avro.ScoredArticle;
import java.util.List;

/**
 * Everything scoring one revision produces, computed before anything is stored or sent: the
 * record for {@code news.scored.v1} and one alert per matched route.
 */
record ScoringResult(ScoredArticle scored, List<Alert> alerts) {
    ScoringResult {
        alerts = List.copyOf(alerts);
    }

    static ScoringResult of(ScoringEngine engine, RevisedArticle revised, ScoringCounters counters) {
        Evaluation evaluation = engine.evaluate(revised.article());
        // a rule the matcher could not run on this article: scored without it, counted and logged
        counters.countRuleErrors(evaluation.ruleErrors().size());
        ScoredArticle scored = engine.score(revised.article(), revised.revision(), evaluation);
        return new ScoringResult(scored, engine.alerts(scored));
    }
}
