package io.newsradar.scoring.eval;

import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.stream.Collectors;

/** The evaluation as Markdown: targets, per-tag tables, and the ids of the errors (never text). */
public final class TagEvalReport {

    private TagEvalReport() {}

    /**
     * @param header       lines printed first (date, rules version, inputs)
     * @param sets         the label sets, then their combination
     * @param withExamples how many of {@code sets}, from the start, get error-id tables
     * @param taxonomyTags the tags the evaluated taxonomy has (others are marked "not in taxonomy")
     */
    public static String markdown(
            List<String> header, List<SetScores> sets, int withExamples, Set<String> taxonomyTags) {
        StringBuilder md = new StringBuilder("# Tag evaluation\n\n");
        header.forEach(h -> md.append(h).append("\n"));
        md.append("\n## Targets\n\n")
                .append("Micro-averaged over the group's tags with at least ")
                .append(Target.MIN_POSITIVES)
                .append(" positives in the set; tags with fewer are listed under the table and not counted.\n\n")
                .append("| set | target | tags counted | TP | FP | FN | precision | recall | goal (P, R) | met |\n")
                .append("|---|---|---|---:|---:|---:|---:|---:|---|---|\n");
        StringBuilder notCounted = new StringBuilder();
        for (SetScores set : sets) {
            for (Target target : Target.ISSUE) {
                Target.TargetResult r = target.evaluate(set);
                TagCounts c = r.micro();
                md.append(row(
                        set.name(),
                        target.name(),
                        r.measurable() ? String.join(", ", r.counted()) : "none",
                        count(r.measurable(), c.truePositives()),
                        count(r.measurable(), c.falsePositives()),
                        count(r.measurable(), c.falseNegatives()),
                        r.measurable() ? ratio(c.precision()) : "-",
                        r.measurable() ? ratio(c.recall()) : "-",
                        "≥ " + target.minPrecision() + ", ≥ " + target.minRecall(),
                        r.measurable() ? (r.met() ? "yes" : "**no**") : "not measurable"));
                List<String> few = r.tooFew().stream()
                        .filter(t -> set.counts(t).positives() > 0)
                        .map(t -> t + " (" + set.counts(t).positives() + ")")
                        .toList();
                List<String> none = r.tooFew().stream()
                        .filter(t -> set.counts(t).positives() == 0)
                        .toList();
                if (!r.tooFew().isEmpty()) {
                    notCounted
                            .append("- ")
                            .append(set.name())
                            .append(", ")
                            .append(target.name())
                            .append(": ");
                    if (!few.isEmpty()) {
                        notCounted
                                .append("fewer than ")
                                .append(Target.MIN_POSITIVES)
                                .append(" positives, not counted: ");
                        notCounted.append(String.join(", ", few));
                    }
                    if (!none.isEmpty()) {
                        notCounted
                                .append(few.isEmpty() ? "" : "; ")
                                .append("no positives: ")
                                .append(String.join(", ", none));
                    }
                    notCounted.append("\n");
                }
            }
        }
        md.append("\n").append(notCounted);
        for (SetScores set : sets) {
            perTag(md, set, taxonomyTags);
        }
        for (SetScores set : sets.subList(0, withExamples)) {
            errors(md, set);
        }
        return md.toString();
    }

    private static void perTag(StringBuilder md, SetScores set, Set<String> taxonomyTags) {
        md.append("\n## Per tag: ")
                .append(set.name())
                .append(" (")
                .append(set.items())
                .append(" items)\n\n")
                .append("| tag | positives | predicted | TP | FP | FN | precision | recall | F1 | note |\n")
                .append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---|\n");
        for (TagResult r : set.byTag().values()) {
            TagCounts c = r.counts();
            String note = !taxonomyTags.contains(r.tag())
                    ? "not in taxonomy"
                    : c.positives() < Target.MIN_POSITIVES ? "< " + Target.MIN_POSITIVES + " positives" : "";
            md.append(row(
                    "`" + r.tag() + "`",
                    String.valueOf(c.positives()),
                    String.valueOf(c.predicted()),
                    String.valueOf(c.truePositives()),
                    String.valueOf(c.falsePositives()),
                    String.valueOf(c.falseNegatives()),
                    ratio(c.precision()),
                    ratio(c.recall()),
                    ratio(c.f1()),
                    note));
        }
    }

    private static void errors(StringBuilder md, SetScores set) {
        md.append("\n## Error ids: ")
                .append(set.name())
                .append("\n\n")
                .append("The first ")
                .append(SetScores.EXAMPLES)
                .append(" of each kind in label-file order; look the ids up in the shared file.\n\n")
                .append("| tag | false positives | false negatives |\n|---|---|---|\n");
        for (TagResult r : set.byTag().values()) {
            TagCounts c = r.counts();
            if (c.falsePositives() + c.falseNegatives() == 0) {
                continue;
            }
            md.append(row(
                    "`" + r.tag() + "`",
                    ids(r.falsePositiveIds(), c.falsePositives()),
                    ids(r.falseNegativeIds(), c.falseNegatives())));
        }
    }

    private static String ids(List<String> ids, int total) {
        if (total == 0) {
            return "";
        }
        String shown = ids.stream().collect(Collectors.joining(" "));
        return total > ids.size() ? shown + " (" + total + " in all)" : shown;
    }

    private static String count(boolean measurable, int n) {
        return measurable ? String.valueOf(n) : "-";
    }

    /** Three decimals; "n/a" when undefined (nothing predicted, or nothing labelled). */
    static String ratio(OptionalDouble value) {
        return value.isPresent() ? String.format(Locale.ROOT, "%.3f", value.getAsDouble()) : "n/a";
    }

    private static String row(String... cells) {
        return "| " + String.join(" | ", cells) + " |\n";
    }
}
