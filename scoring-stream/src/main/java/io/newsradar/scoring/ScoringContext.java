package io.newsradar.scoring;

/**
 * What the scorer knows about an article's story beyond the article itself. Today a story is one
 * article, so {@link #SINGLE} is all there is; the stories issue fills in the outlets that carry
 * the story, and the coverage term then counts them.
 *
 * @param outlets distinct outlets carrying the story, at least 1
 */
public record ScoringContext(int outlets) {

    /** A story of one article from one outlet: coverage adds nothing. Shared, so no allocation per record. */
    public static final ScoringContext SINGLE = new ScoringContext(1);

    public ScoringContext {
        if (outlets < 1) {
            throw new IllegalArgumentException("a story has at least one outlet: " + outlets);
        }
    }
}
