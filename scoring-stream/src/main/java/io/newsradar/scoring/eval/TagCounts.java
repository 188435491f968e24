package io.newsradar.scoring.eval;

import java.util.OptionalDouble;

/**
 * Confusion counts of one tag (or the sum over several, for a micro-average).
 *
 * <p>Precision is undefined when nothing was predicted and recall when nothing is labelled; they
 * are then empty rather than 0 or 1, so a report cannot pass off "never predicted" as perfect
 * precision.
 */
public record TagCounts(int truePositives, int falsePositives, int falseNegatives) {

    public static final TagCounts ZERO = new TagCounts(0, 0, 0);

    public TagCounts {
        if (truePositives < 0 || falsePositives < 0 || falseNegatives < 0) {
            throw new IllegalArgumentException("negative count");
        }
    }

    /** Items labelled with the tag. */
    public int positives() {
        return truePositives + falseNegatives;
    }

    /** Items the tagger gave the tag. */
    public int predicted() {
        return truePositives + falsePositives;
    }

    public OptionalDouble precision() {
        return ratio(truePositives, predicted());
    }

    public OptionalDouble recall() {
        return ratio(truePositives, positives());
    }

    /** Harmonic mean of precision and recall; empty when either is undefined. */
    public OptionalDouble f1() {
        OptionalDouble p = precision();
        OptionalDouble r = recall();
        if (p.isEmpty() || r.isEmpty()) {
            return OptionalDouble.empty();
        }
        double sum = p.getAsDouble() + r.getAsDouble();
        return OptionalDouble.of(sum == 0 ? 0 : 2 * p.getAsDouble() * r.getAsDouble() / sum);
    }

    public TagCounts plus(TagCounts other) {
        return new TagCounts(
                truePositives + other.truePositives,
                falsePositives + other.falsePositives,
                falseNegatives + other.falseNegatives);
    }

    private static OptionalDouble ratio(int numerator, int denominator) {
        return denominator == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) numerator / denominator);
    }
}
