package io.newsradar.scoring.eval.stories;

import java.util.Locale;

/** The story evaluation as markdown: rates with their denominators, per kind and in total. */
public final class StoryEvalReport {
    /** The goals. */
    public static final double FALSE_MERGE_GOAL = 0.01;

    public static final double MISSED_MERGE_GOAL = 0.05;

    private StoryEvalReport() {}

    public static String markdown(String config, StoryEvalRun.Outcome outcome) {
        StringBuilder md = new StringBuilder();
        md.append("## ").append(config).append("\n\n");
        StoryEvalRun.Cell same = outcome.total(StoryPair.Label.SAME);
        StoryEvalRun.Cell diff = outcome.total(StoryPair.Label.DIFFERENT);
        md.append(String.format(
                Locale.ROOT,
                "- false merges: %d / %d DIFFERENT pairs = %s (goal <= 1%%: %s)%n",
                diff.merged(),
                diff.pairs(),
                pct(diff.merged(), diff.pairs()),
                diff.merged() <= FALSE_MERGE_GOAL * diff.pairs() ? "met" : "NOT met"));
        md.append(String.format(
                Locale.ROOT,
                "- missed merges: %d / %d SAME pairs = %s (goal <= 5%%: %s)%n%n",
                same.pairs() - same.merged(),
                same.pairs(),
                pct(same.pairs() - same.merged(), same.pairs()),
                same.pairs() - same.merged() <= MISSED_MERGE_GOAL * same.pairs() ? "met" : "NOT met"));
        md.append("| kind | label | pairs | share a band (candidates) | merged | rate |\n");
        md.append("|---|---|---:|---:|---:|---|\n");
        for (StoryEvalRun.Cell c : outcome.cells()) {
            md.append(row(c));
        }
        for (StoryPair.Label l : StoryPair.Label.values()) {
            md.append(row(outcome.total(l)));
        }
        md.append("\nFalse merges: ")
                .append(outcome.falseMerges().isEmpty() ? "none" : String.join(", ", outcome.falseMerges()))
                .append("\n\nMissed merges: ")
                .append(outcome.missedMerges().isEmpty() ? "none" : String.join(", ", outcome.missedMerges()))
                .append("\n\n");
        return md.toString();
    }

    /** One line of the tuning table: the configuration and its two rates. */
    public static String tuningRow(String config, StoryEvalRun.Outcome o) {
        StoryEvalRun.Cell same = o.total(StoryPair.Label.SAME);
        StoryEvalRun.Cell diff = o.total(StoryPair.Label.DIFFERENT);
        StoryEvalRun.Cell topic = o.cells().stream()
                .filter(c -> c.kind().equals("topic") && c.label() == StoryPair.Label.DIFFERENT)
                .findFirst()
                .orElse(new StoryEvalRun.Cell("topic", StoryPair.Label.DIFFERENT, 0, 0, 0));
        return String.format(
                Locale.ROOT,
                "| %s | %d/%d = %s | %d/%d = %s | %d/%d | %d/%d = %s |%n",
                config,
                diff.merged(),
                diff.pairs(),
                pct(diff.merged(), diff.pairs()),
                same.pairs() - same.merged(),
                same.pairs(),
                pct(same.pairs() - same.merged(), same.pairs()),
                topic.merged(),
                topic.pairs(),
                diff.candidates(),
                diff.pairs(),
                pct(diff.candidates(), diff.pairs()));
    }

    public static final String TUNING_HEADER = "| configuration | false merges | missed merges | topic pairs merged "
            + "| DIFFERENT pairs sharing a band |\n|---|---|---|---|---|\n";

    private static String row(StoryEvalRun.Cell c) {
        boolean good = c.label() == StoryPair.Label.SAME;
        int bad = good ? c.pairs() - c.merged() : c.merged();
        String what = c.label() == StoryPair.Label.EVENT
                ? "merged " + pct(c.merged(), c.pairs()) + " (in neither rate)"
                : (good ? "missed " : "false ") + pct(bad, c.pairs());
        return String.format(
                Locale.ROOT,
                "| %s | %s | %d | %d (%s) | %d | %s |%n",
                c.kind(),
                c.label(),
                c.pairs(),
                c.candidates(),
                pct(c.candidates(), c.pairs()),
                c.merged(),
                what);
    }

    static String pct(int n, int d) {
        return d == 0 ? "-" : String.format(Locale.ROOT, "%.1f%%", 100.0 * n / d);
    }
}
