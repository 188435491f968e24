package io.newsradar.scoring;

import io.newsradar.avro.Alert;
import io.newsradar.avro.NewsArticle;
import io.newsradar.avro.ScoredArticle;
import io.newsradar.schemas.feeds.FeedRecord;
import io.newsradar.scoring.feeds.FeedDirectory;
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
        return of(engine, revised, counters, new FeedDirectory());
    }

    /** With the listed feeds: an article's feed (by {@code feedId}) lends it weight and fixed tags. */
    static ScoringResult of(
            ScoringEngine engine, RevisedArticle revised, ScoringCounters counters, FeedDirectory feeds) {
        NewsArticle article = revised.article();
        FeedRecord feed = feeds.find(article.getFeedId());
        Evaluation evaluation = engine.evaluate(article, ScoringContext.SINGLE.withFeed(feed));
        // a rule the matcher could not run on this article: scored without it, counted and logged
        counters.countRuleErrors(evaluation.ruleErrors().size());
        if (!evaluation.ignoredFeedTags().isEmpty()) {
            feeds.ignoredTags(feed.id(), evaluation.ignoredFeedTags());
        }
        ScoredArticle scored = engine.score(article, revised.revision(), evaluation);
        return new ScoringResult(scored, engine.alerts(scored));
    }

    /**
     * The article tagged and scored at coverage 1 (its story is not known yet), with the listed
     * feeds: the part of scoring that reads the text, and the only part that can fail on it.
     */
    static Provisional provisional(
            ScoringEngine engine, RevisedArticle revised, ScoringCounters counters, FeedDirectory feeds) {
        NewsArticle article = revised.article();
        FeedRecord feed = feeds.find(article.getFeedId());
        Evaluation evaluation = engine.evaluateUnheld(article, ScoringContext.SINGLE.withFeed(feed));
        counters.countRuleErrors(evaluation.ruleErrors().size());
        if (!evaluation.ignoredFeedTags().isEmpty()) {
            feeds.ignoredTags(feed.id(), evaluation.ignoredFeedTags());
        }
        return engine.provisional(article, revised.revision(), evaluation);
    }
}
