package io.newsradar.scoring;

import java.util.List;
import java.util.Set;

/**
 * The weights of the explainable score, from the {@code scoring:} section of the taxonomy.
 *
 * @param titleFactor   a tag found in the title adds its weight times this
 * @param depth         bonus for tags that run through many sentences of the body
 * @param pairs         tag pairs worth more together than apart
 * @param specificity   points for concrete facts: a named programme, an amount, a date
 * @param rationaleSize how many contributions the rationale spells out
 * @param keyPoints     how many of the article's sentences to pick as key points
 */
public record ScoringSettings(
        double titleFactor,
        Depth depth,
        List<TagPair> pairs,
        Specificity specificity,
        int rationaleSize,
        int keyPoints) {

    public ScoringSettings {
        pairs = List.copyOf(pairs);
    }

    /** Used when the taxonomy has no {@code scoring:} section. */
    public static ScoringSettings defaults() {
        return new ScoringSettings(1.5, new Depth(3, 0.5, Set.of()), List.of(), Specificity.none(), 4, 3);
    }

    /**
     * A tag whose terms occur in at least {@code minSentences} body sentences adds weight x factor,
     * unless its category is one of {@code skipCategories}.
     */
    public record Depth(int minSentences, double factor, Set<String> skipCategories) {
        public Depth {
            skipCategories = Set.copyOf(skipCategories);
        }
    }

    /**
     * Two tags that mean more together. The bonus depends on how close they are: both in the
     * title, both in one body sentence, or merely both somewhere in the article.
     */
    public record TagPair(String first, String second, double title, double sentence, double article) {}

    /**
     * Points for concrete facts, counted only when the article carries one of {@code requiresAnyTag}.
     */
    public record Specificity(Set<String> requiresAnyTag, double programme, double amount, double date) {
        public Specificity {
            requiresAnyTag = Set.copyOf(requiresAnyTag);
        }

        static Specificity none() {
            return new Specificity(Set.of(), 0, 0, 0);
        }
    }
}
