package io.newsradar.scoring.eval;

import java.util.ArrayList;
import java.util.List;

/**
 * A target of issue 6 ("Must show 2"): micro-averaged precision and recall over the group's tags
 * that have at least {@link #MIN_POSITIVES} positives in the set. Tags with fewer positives are
 * reported per tag but not averaged: a handful of items says little about a rule.
 */
public record Target(String name, List<String> tags, double minPrecision, double minRecall) {

    public static final int MIN_POSITIVES = 20;

    /** The issue's targets: countries P, R >= 0.9; defense and AI P >= 0.85, R >= 0.8. */
    public static final List<Target> ISSUE = List.of(
            new Target("countries", EvalTags.COUNTRIES, 0.9, 0.9),
            new Target(EvalTags.DEFENSE, List.of(EvalTags.DEFENSE), 0.85, 0.8),
            new Target(EvalTags.AI, List.of(EvalTags.AI), 0.85, 0.8));

    public Target {
        tags = List.copyOf(tags);
    }

    public TargetResult evaluate(SetScores scores) {
        List<String> counted = new ArrayList<>();
        List<String> tooFew = new ArrayList<>();
        TagCounts sum = TagCounts.ZERO;
        for (String tag : tags) {
            TagCounts c = scores.counts(tag);
            if (c.positives() >= MIN_POSITIVES) {
                counted.add(tag);
                sum = sum.plus(c);
            } else {
                tooFew.add(tag);
            }
        }
        return new TargetResult(this, counted, tooFew, sum);
    }

    /**
     * @param counted tags with at least {@link #MIN_POSITIVES} positives, summed into {@code micro}
     * @param tooFew  the group's other tags, not counted
     */
    public record TargetResult(Target target, List<String> counted, List<String> tooFew, TagCounts micro) {

        public TargetResult {
            counted = List.copyOf(counted);
            tooFew = List.copyOf(tooFew);
        }

        /** False when no tag of the group has enough positives: nothing was measured. */
        public boolean measurable() {
            return !counted.isEmpty();
        }

        public boolean met() {
            return measurable()
                    && micro.precision().orElse(0) >= target.minPrecision()
                    && micro.recall().orElse(0) >= target.minRecall();
        }
    }
}
