package io.newsradar.scoring;

import io.newsradar.avro.Contribution;
import io.newsradar.avro.NewsArticle;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The terms about the article rather than its words: how fresh it was when fetched, the weight of
 * its outlet, and how many outlets carry the story. Counted only for an article on topic (a fresh
 * bakery story is no signal).
 */
final class StoryTerms {
    /** The feature name of the coverage term. */
    static final String COVERAGE = "coverage";

    private StoryTerms() {}

    static void add(
            NewsArticle article,
            ScoringContext context,
            SourceWeights sources,
            ScoringSettings s,
            List<Contribution> into) {
        recency(article, s.recency(), into);
        source(article, context, sources, into);
        coverage(context.outlets(), s, into);
    }

    private static void source(
            NewsArticle article, ScoringContext context, SourceWeights sources, List<Contribution> into) {
        // A listed feed's own weight replaces the taxonomy's weight of the outlet rather than adding
        // to it: both say how much this source counts, and the feed list is the more specific
        // (one desk's feed of a general outlet). A feed weight of 0 means "not weighted in the
        // list", so the taxonomy's entry for the outlet still applies.
        double feedWeight =
                context.feed() == null ? SourceWeights.NONE : context.feed().weight();
        if (feedWeight != SourceWeights.NONE) {
            into.add(Terms.term(
                    "source",
                    feedWeight,
                    "from feed " + context.feedName() + ", weighted " + Terms.signed(feedWeight)
                            + " in the feed list"));
            return;
        }
        double w = sources.weightOf(article);
        if (w != SourceWeights.NONE) {
            into.add(
                    Terms.term("source", w, "from " + article.getSource() + ", an outlet weighted " + Terms.signed(w)));
        }
    }

    /** "+0.6 carried by 4 outlets": each outlet beyond the first adds, up to the maximum. */
    static void coverage(int outlets, ScoringSettings s, List<Contribution> into) {
        if (outlets > 1) {
            double value =
                    Math.min(s.coverage().max(), (outlets - 1) * s.coverage().perOutlet());
            into.add(Terms.term(COVERAGE, value, "carried by " + outlets + " outlets"));
        }
    }

    /**
     * Age is fetchedAt - publishedAt, both set at ingest, never the wall clock: a replay, or
     * explain tomorrow, scores the article the same. A publish time after the fetch (clock skew;
     * ingest caps it) counts as fresh.
     */
    private static void recency(NewsArticle article, ScoringSettings.Recency r, List<Contribution> into) {
        Instant published = article.getPublishedAt();
        Instant fetched = article.getFetchedAt();
        if (published == null || fetched == null) {
            return;
        }
        Duration age = Duration.between(published, fetched);
        if (age.isNegative()) {
            age = Duration.ZERO;
        }
        if (age.compareTo(r.freshWithin()) <= 0 && r.fresh() != 0) {
            into.add(Terms.term("recency.fresh", r.fresh(), "fresh: fetched " + describe(age) + " after publication"));
        } else if (age.compareTo(r.staleAfter()) > 0 && r.stale() != 0) {
            into.add(Terms.term(
                    "recency.stale", r.stale(), "old news: fetched " + describe(age) + " after publication"));
        }
    }

    static String describe(Duration age) {
        if (age.toMinutes() < 60) {
            long m = age.toMinutes();
            return m + (m == 1 ? " minute" : " minutes");
        }
        if (age.toHours() < 48) {
            long h = age.toHours();
            return h + (h == 1 ? " hour" : " hours");
        }
        return age.toDays() + " days";
    }
}
