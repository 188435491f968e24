package io.newsradar.ingest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Tallies of the feed conformance run (agreements per field and per category, exclusions with
 * their counts, every disagreement with its reason, per-file outcomes for the suites without
 * expected output) and their Markdown rendering.
 */
final class ConformanceReport {
    /** One comparison that disagreed. */
    record Disagreement(String category, String file, String field, String expected, String actual, String reason) {}

    /** Outcome of one file of a suite without expected output. */
    record FileOutcome(String suite, String file, String outcome) {}

    private final Map<String, int[]> byField = new TreeMap<>();
    private final Map<String, int[]> byCategory = new TreeMap<>();
    private final Map<String, Integer> exclusions = new TreeMap<>();
    private final List<Disagreement> disagreements = new ArrayList<>();
    private final List<FileOutcome> outcomes = new ArrayList<>();
    private final Map<String, int[]> jsonFeedCounts = new TreeMap<>();

    void agree(String category, String field) {
        count(category, field, true);
    }

    void disagree(String category, String file, String field, String expected, String actual, String reason) {
        count(category, field, false);
        disagreements.add(new Disagreement(category, file, field, expected, actual, reason));
    }

    private void count(String category, String field, boolean agreed) {
        int[] f = byField.computeIfAbsent(field, k -> new int[2]);
        int[] c = byCategory.computeIfAbsent(category, k -> new int[2]);
        f[1]++;
        c[1]++;
        if (agreed) {
            f[0]++;
            c[0]++;
        }
        if (category.startsWith("JSON Feed")) {
            int[] j = jsonFeedCounts.computeIfAbsent(field, k -> new int[2]);
            j[1]++;
            if (agreed) {
                j[0]++;
            }
        }
    }

    void exclude(String reason) {
        exclusions.merge(reason, 1, Integer::sum);
    }

    void outcome(String suite, String file, String outcome) {
        outcomes.add(new FileOutcome(suite, file, outcome));
    }

    List<FileOutcome> outcomes() {
        return outcomes;
    }

    List<Disagreement> disagreements() {
        return disagreements;
    }

    int agreed() {
        return byCategory.values().stream().mapToInt(a -> a[0]).sum();
    }

    int compared() {
        return byCategory.values().stream().mapToInt(a -> a[1]).sum();
    }

    double passRate() {
        return compared() == 0 ? 0 : (double) agreed() / compared();
    }

    void write(Path file, String command) throws IOException {
        StringBuilder md = new StringBuilder();
        md.append("# Feed parser conformance\n\n");
        md.append("Produced by `").append(command).append("`.\n\n");
        md.append(String.format(
                Locale.ROOT,
                "Overall: **%d of %d comparable cases agree (%s)**.\n\n",
                agreed(),
                compared(),
                percent(agreed(), compared())));
        table(md, "Per field", "field", byField);
        table(md, "Per category (suite and format family)", "category", byCategory);
        md.append("## JSON Feed (counts)\n\n");
        jsonFeedCounts.forEach((field, n) -> md.append("- ")
                .append(field)
                .append(": ")
                .append(n[0])
                .append(" of ")
                .append(n[1])
                .append(" agree\n"));
        md.append("\n## Exclusions (not counted)\n\n| reason | count |\n|---|---:|\n");
        exclusions.forEach((reason, n) ->
                md.append("| ").append(cell(reason)).append(" | ").append(n).append(" |\n"));
        md.append(
                "\n## Disagreements\n\n| category | file | field | expected | ours | reason |\n|---|---|---|---|---|---|\n");
        for (Disagreement d : disagreements) {
            md.append("| ")
                    .append(cell(d.category()))
                    .append(" | ")
                    .append(cell(d.file()))
                    .append(" | ")
                    .append(cell(d.field()))
                    .append(" | ")
                    .append(cell(d.expected()))
                    .append(" | ")
                    .append(cell(d.actual()))
                    .append(" | ")
                    .append(cell(d.reason()))
                    .append(" |\n");
        }
        Map<String, List<FileOutcome>> bySuite = new TreeMap<>();
        outcomes.forEach(
                o -> bySuite.computeIfAbsent(o.suite(), k -> new ArrayList<>()).add(o));
        bySuite.forEach((suite, list) -> {
            long rejected = list.stream()
                    .filter(o -> o.outcome().startsWith("rejected"))
                    .count();
            md.append("\n## ")
                    .append(suite)
                    .append(": ")
                    .append(list.size() - rejected)
                    .append(" parsed, ")
                    .append(rejected)
                    .append(" rejected\n\n| file | outcome |\n|---|---|\n");
            list.forEach(o -> md.append("| ")
                    .append(cell(o.file()))
                    .append(" | ")
                    .append(cell(o.outcome()))
                    .append(" |\n"));
        });
        Files.createDirectories(file.getParent());
        Files.writeString(file, md, StandardCharsets.UTF_8);
    }

    private static void table(StringBuilder md, String title, String key, Map<String, int[]> rows) {
        md.append("## ")
                .append(title)
                .append("\n\n| ")
                .append(key)
                .append(" | agree | compared | rate |\n|---|---:|---:|---:|\n");
        rows.forEach((name, n) -> md.append("| ")
                .append(cell(name))
                .append(" | ")
                .append(n[0])
                .append(" | ")
                .append(n[1])
                .append(" | ")
                .append(percent(n[0], n[1]))
                .append(" |\n"));
        md.append('\n');
    }

    static String percent(int part, int whole) {
        return whole == 0 ? "n/a" : String.format(Locale.ROOT, "%.1f%%", 100.0 * part / whole);
    }

    private static String cell(String s) {
        if (s == null) {
            return "(none)";
        }
        String one = s.replace("\r", " ").replace("\n", " ").replace("|", "\\|");
        return one.length() > 160 ? one.substring(0, 157) + "..." : one;
    }
}
