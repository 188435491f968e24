package io.newsradar.scoring.eval.stories;

import io.newsradar.avro.NewsArticle;
import io.newsradar.scoring.eval.EvalCorpus;
import io.newsradar.scoring.stories.StoryHasher;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Runs a {@link StoryHasher} over the frozen story pairs as the topology uses it: two articles are
 * merged when they share a band key (so they meet in a band bucket) and their signatures are
 * {@code sameStory}. Counts, per kind and label, the pairs that were candidates and that merged.
 */
public final class StoryEvalRun {

    private StoryEvalRun() {}

    /** Pairs of one kind and label: how many, how many shared a band, how many merged. */
    public record Cell(String kind, StoryPair.Label label, int pairs, int candidates, int merged) {}

    /** The cells of one run, in file order of first appearance, and the pairs merged or not. */
    public record Outcome(List<Cell> cells, List<String> falseMerges, List<String> missedMerges) {
        public Cell total(StoryPair.Label label) {
            int p = 0, c = 0, m = 0;
            for (Cell cell : cells) {
                if (cell.label() == label) {
                    p += cell.pairs();
                    c += cell.candidates();
                    m += cell.merged();
                }
            }
            return new Cell("all", label, p, c, m);
        }
    }

    /** The AG articles by id, read in place from the shared folder (never copied). */
    public static Map<String, NewsArticle> articles(Path evalDir) {
        return EvalCorpus.agnews(evalDir.resolve(EvalCorpus.AGNEWS_FILE)).articles();
    }

    public static Outcome run(List<StoryPair> pairs, Map<String, NewsArticle> articles, StoryHasher hasher) {
        Map<String, int[]> counts = new LinkedHashMap<>();
        List<String> falseMerges = new ArrayList<>();
        List<String> missed = new ArrayList<>();
        for (StoryPair pair : pairs) {
            NewsArticle a = require(articles, pair.a(), pair);
            NewsArticle b = require(articles, pair.b(), pair);
            SyndicationEdits.Text bText = new SyndicationEdits.Text(b.getTitle(), b.getBody());
            if (!pair.recipe().isEmpty()) {
                bText = SyndicationEdits.apply(pair.recipe(), bText);
            }
            byte[] sa = hasher.signature(a.getTitle(), a.getBody());
            byte[] sb = hasher.signature(bText.title(), bText.body());
            Set<String> bands = new HashSet<>(hasher.bandKeys(sa));
            boolean candidate = hasher.bandKeys(sb).stream().anyMatch(bands::contains);
            boolean merged = candidate && hasher.sameStory(sa, sb);
            int[] c = counts.computeIfAbsent(pair.kind() + "\t" + pair.label(), k -> new int[3]);
            c[0]++;
            c[1] += candidate ? 1 : 0;
            c[2] += merged ? 1 : 0;
            if (merged && pair.label() == StoryPair.Label.DIFFERENT) {
                falseMerges.add(pair.id());
            }
            if (!merged && pair.label() == StoryPair.Label.SAME) {
                missed.add(pair.id());
            }
        }
        List<Cell> cells = counts.entrySet().stream()
                .map(e -> {
                    String[] k = e.getKey().split("\t");
                    int[] c = e.getValue();
                    return new Cell(k[0], StoryPair.Label.valueOf(k[1]), c[0], c[1], c[2]);
                })
                .toList();
        return new Outcome(cells, List.copyOf(falseMerges), List.copyOf(missed));
    }

    private static NewsArticle require(Map<String, NewsArticle> articles, String id, StoryPair pair) {
        NewsArticle a = articles.get(id);
        if (a == null) {
            throw new IllegalStateException("pair " + pair.id() + " names " + id
                    + ", which the shared file does not hold: not the labelled file");
        }
        return a;
    }
}
