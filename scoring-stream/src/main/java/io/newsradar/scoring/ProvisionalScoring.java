package io.newsradar.scoring;

import io.newsradar.avro.NewsArticle;
import io.newsradar.schemas.feeds.FeedRecord;
import io.newsradar.scoring.feeds.FeedDirectory;

/** The work of the revision node: an article revision tagged and scored before its story is known. */
final class ProvisionalScoring {
    private ProvisionalScoring() {}

    /**
     * The article tagged and scored at coverage 1 (its story is not known yet), with the listed
     * feeds (an article's feed, by {@code feedId}, lends it weight and fixed tags): the part of
     * scoring that reads the text, and the only part that can fail on it.
     */
    static Provisional of(ScoringEngine engine, RevisedArticle revised, ScoringCounters counters, FeedDirectory feeds) {
        NewsArticle article = revised.article();
        FeedRecord feed = feeds.find(article.getFeedId());
        Evaluation evaluation = engine.evaluateUnheld(article, ScoringContext.SINGLE.withFeed(feed));
        // a rule the matcher could not run on this article: scored without it, counted and logged
        counters.countRuleErrors(evaluation.ruleErrors().size());
        if (!evaluation.ignoredFeedTags().isEmpty()) {
            feeds.ignoredTags(feed.id(), evaluation.ignoredFeedTags());
        }
        return engine.provisional(article, revised.revision(), evaluation);
    }
}
