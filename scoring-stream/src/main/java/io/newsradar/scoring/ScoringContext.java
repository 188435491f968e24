package io.newsradar.scoring;

import io.newsradar.schemas.feeds.FeedRecord;

/**
 * What the scorer knows about an article beyond the article itself: the outlets carrying its
 * story (today a story is one article, so 1; the stories issue fills it in, and the coverage term
 * then counts them), and the listed feed it came from, when {@code feeds.v1} knows its
 * {@code feedId} (the feed's source weight and fixed tags then apply).
 *
 * @param outlets distinct outlets carrying the story, at least 1
 * @param feed    the article's feed as listed on {@code feeds.v1}, or null (no feedId, or a feed
 *                not listed, e.g. removed since)
 */
public record ScoringContext(int outlets, FeedRecord feed) {

    /** A story of one article from one outlet: coverage adds nothing. Shared, so no allocation per record. */
    public static final ScoringContext SINGLE = new ScoringContext(1);

    public ScoringContext {
        if (outlets < 1) {
            throw new IllegalArgumentException("a story has at least one outlet: " + outlets);
        }
    }

    public ScoringContext(int outlets) {
        this(outlets, null);
    }

    /** This context for an article of {@code feed} (null: of no known feed). */
    public ScoringContext withFeed(FeedRecord feed) {
        return feed == this.feed ? this : new ScoringContext(outlets, feed);
    }

    /** How the rationale names the feed: its source name, else its URL. Only with a feed. */
    String feedName() {
        return feed.source().isBlank() ? feed.url() : feed.source();
    }
}
