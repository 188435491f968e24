package io.newsradar.scoring.eval.stories;

import io.newsradar.scoring.eval.TsvRows;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads the frozen story pair file: {@code #} comments, the header {@code pair<TAB>...}, then
 * {@code pair, kind, a, b, label, recipe, note}. Anything else is an error naming the line: a
 * misread pair would change the measured rates.
 */
public final class StoryPairFile {
    public static final String PATH = "eval/story-pairs-v1.tsv";
    private static final Set<String> KINDS = Set.of("natural", "natural-boilerplate", "topic", "edited");

    private StoryPairFile() {}

    public static List<StoryPair> read(Path file) {
        return parse(TsvRows.lines(file, "story pair file"), file.toString());
    }

    public static List<StoryPair> parse(List<String> lines, String origin) {
        List<StoryPair> pairs = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (TsvRows.Row row : TsvRows.dataRows(lines, origin, "pair")) {
            String where = row.where();
            String[] f = row.fields();
            if (f.length != 7) {
                throw new IllegalArgumentException(where + "expected 7 tab-separated fields, found " + f.length);
            }
            if (!ids.add(f[0])) {
                throw new IllegalArgumentException(where + "duplicate pair " + f[0]);
            }
            if (!KINDS.contains(f[1])) {
                throw new IllegalArgumentException(where + "unknown kind '" + f[1] + "'");
            }
            StoryPair.Label label;
            try {
                label = StoryPair.Label.valueOf(f[4].toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(where + "unknown label '" + f[4] + "'", e);
            }
            boolean edited = f[1].equals("edited");
            if (edited != !f[5].equals("-")) {
                throw new IllegalArgumentException(where + "an edited pair needs a recipe, any other pair '-'");
            }
            if (edited) {
                SyndicationEdits.check(f[5], where);
            }
            pairs.add(new StoryPair(f[0], f[1], f[2], f[3], label, edited ? f[5] : ""));
        }
        return List.copyOf(pairs);
    }
}
