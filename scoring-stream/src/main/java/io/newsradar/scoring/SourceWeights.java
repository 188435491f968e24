package io.newsradar.scoring;

import io.newsradar.avro.NewsArticle;
import java.util.Locale;
import java.util.Map;

/**
 * The weight of the outlet an article comes from: a trusted specialist desk counts more, a
 * content farm less. A small lookup so that the feed list (issue 7) can supply per-feed weights
 * without the scorer knowing where they come from; {@link #orElse} puts one in front of another.
 */
@FunctionalInterface
public interface SourceWeights {

    /** Returned for an outlet without a weight; the scorer adds nothing and says nothing then. */
    double NONE = 0.0;

    /** The weight of the article's outlet, or {@link #NONE}. Called once per article: keep it cheap. */
    double weightOf(NewsArticle article);

    /** No outlet has a weight. */
    static SourceWeights none() {
        return article -> NONE;
    }

    /**
     * The {@code scoring.sources} map of the taxonomy, keyed by {@code article.source} compared
     * without case (the keys are already folded by {@link ScoringSettings}).
     */
    static SourceWeights byName(Map<String, Double> weights) {
        if (weights.isEmpty()) {
            return none();
        }
        Map<String, Double> copy = Map.copyOf(weights);
        return article -> {
            String source = article.getSource();
            if (source == null) {
                return NONE;
            }
            Double w = copy.get(source.strip().toLowerCase(Locale.ROOT));
            return w == null ? NONE : w;
        };
    }

    /** This lookup's weight, or the other's when this one has none. */
    default SourceWeights orElse(SourceWeights other) {
        return article -> {
            double w = weightOf(article);
            return w != NONE ? w : other.weightOf(article);
        };
    }
}
