package io.newsradar.scoring.ruleset;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A unified diff of two texts by lines (longest common subsequence), for {@code rules diff}.
 * Rulesets are a few thousand lines at most, so the quadratic table is small enough.
 */
public final class LineDiff {
    private LineDiff() {}

    /**
     * The unified diff of {@code a} and {@code b} with {@code context} unchanged lines around each
     * change, under {@code ---}/{@code +++} headers with the given labels; empty when the texts are equal.
     */
    public static String unified(String a, String b, String labelA, String labelB, int context) {
        List<String> x = lines(a);
        List<String> y = lines(b);
        List<Op> ops = edits(x, y);
        if (ops.stream().allMatch(o -> o.kind == ' ')) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        out.append("--- ").append(labelA).append('\n');
        out.append("+++ ").append(labelB).append('\n');
        int i = 0;
        while (i < ops.size()) {
            if (ops.get(i).kind == ' ') {
                i++;
                continue;
            }
            // a hunk: from `context` lines before this change to `context` lines after the last
            // change that is no more than 2 * context unchanged lines further on
            int start = Math.max(0, i - context);
            int end = i;
            int j = i;
            while (j < ops.size()) {
                if (ops.get(j).kind != ' ') {
                    end = j;
                    j++;
                } else if (j - end <= 2 * context) {
                    j++;
                } else {
                    break;
                }
            }
            int stop = Math.min(ops.size(), end + context + 1);
            appendHunk(out, ops.subList(start, stop));
            i = stop;
        }
        return out.toString();
    }

    private static void appendHunk(StringBuilder out, List<Op> hunk) {
        int aStart = 0;
        int bStart = 0;
        int aCount = 0;
        int bCount = 0;
        for (Op o : hunk) {
            if (o.kind != '+') {
                if (aCount == 0) {
                    aStart = o.aLine;
                }
                aCount++;
            }
            if (o.kind != '-') {
                if (bCount == 0) {
                    bStart = o.bLine;
                }
                bCount++;
            }
        }
        if (aCount == 0) {
            aStart = hunk.get(0).aLine - 1;
        }
        if (bCount == 0) {
            bStart = hunk.get(0).bLine - 1;
        }
        out.append(String.format(Locale.ROOT, "@@ -%s +%s @@%n", range(aStart, aCount), range(bStart, bCount)));
        for (Op o : hunk) {
            out.append(o.kind).append(o.text).append('\n');
        }
    }

    private static String range(int start, int count) {
        return count == 1 ? String.valueOf(start) : start + "," + count;
    }

    /**
     * One line of the edit script: kept (' '), removed ('-') or added ('+'). aLine and bLine are
     * the 1-based line numbers the line has (or would have next) in each text.
     */
    private record Op(char kind, String text, int aLine, int bLine) {}

    private static List<Op> edits(List<String> x, List<String> y) {
        int n = x.size();
        int m = y.size();
        // lcs[i][j]: length of the longest common subsequence of x[i..] and y[j..]
        int[][] lcs = new int[n + 1][m + 1];
        for (int i = n - 1; i >= 0; i--) {
            for (int j = m - 1; j >= 0; j--) {
                lcs[i][j] = x.get(i).equals(y.get(j)) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        List<Op> ops = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < n || j < m) {
            if (i < n && j < m && x.get(i).equals(y.get(j))) {
                ops.add(new Op(' ', x.get(i), i + 1, j + 1));
                i++;
                j++;
            } else if (j < m && (i == n || lcs[i][j + 1] > lcs[i + 1][j])) {
                ops.add(new Op('+', y.get(j), i + 1, j + 1));
                j++;
            } else {
                ops.add(new Op('-', x.get(i), i + 1, j + 1));
                i++;
            }
        }
        return ops;
    }

    private static List<String> lines(String text) {
        if (text.isEmpty()) {
            return List.of();
        }
        List<String> lines = new ArrayList<>(List.of(text.split("\\R", -1)));
        // a final newline ends the last line; it does not start an empty one
        if (lines.get(lines.size() - 1).isEmpty()) {
            lines.remove(lines.size() - 1);
        }
        return lines;
    }
}
