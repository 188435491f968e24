package io.newsradar.scoring.eval;

import io.newsradar.avro.NewsArticle;
import io.newsradar.scoring.ScoringEngine;
import io.newsradar.scoring.ScoringRules;
import io.newsradar.scoring.TagMatch;
import io.newsradar.scoring.TagRule;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Runs a ruleset's tagger over the frozen label sets and reports precision and recall per tag and
 * against the targets: per set, for the AI set's dev and held-out halves separately, and
 * for their combinations. The label files are read from the repository's eval/ folder, the texts
 * from the shared evaluation folder ({@link EvalCorpus}). Error ids are listed for the sets rules
 * may be changed on, never for the held-out half (eval/LABELLING.md, "Third set").
 */
public final class TagEvalRun {
    public static final String AGNEWS_LABELS = "eval/agnews-labels-v1.tsv";
    public static final String FWD_LABELS = "eval/fwd-headlines-labels-v1.tsv";
    public static final String AI_LABELS = "eval/ai-labels-v1.tsv";

    /** How many of {@link #sets}' results, from the start, get error-id tables: AG, fwd, AI dev. */
    public static final int SETS_WITH_ERROR_IDS = 3;

    private TagEvalRun() {}

    /** The report and the numbers behind it. */
    public record Outcome(String markdown, List<SetScores> sets) {}

    /**
     * @throws IllegalStateException when the texts are missing or are not the labelled sample
     */
    public static Outcome run(Path repositoryRoot, Path evalDir, ScoringRules rules, LocalDate date) {
        String missing = EvalCorpus.missing(evalDir);
        if (missing != null) {
            throw new IllegalStateException(missing);
        }
        ScoringEngine engine = ScoringEngine.of(rules);
        Function<NewsArticle, Set<String>> tagger =
                a -> engine.evaluate(a).tags().stream().map(TagMatch::id).collect(Collectors.toSet());

        List<LabelledItem> agLabels = LabelFile.read(repositoryRoot.resolve(AGNEWS_LABELS));
        List<LabelledItem> fwdLabels = LabelFile.read(repositoryRoot.resolve(FWD_LABELS));
        List<LabelledItem> aiLabels = LabelFile.read(repositoryRoot.resolve(AI_LABELS));
        Path agFile = evalDir.resolve(EvalCorpus.AGNEWS_FILE);
        Path fwdFile = evalDir.resolve(EvalCorpus.FWD_FILE);
        EvalCorpus.Texts agTexts = EvalCorpus.agnews(agFile);
        EvalCorpus.Texts fwdTexts = EvalCorpus.fwd(fwdFile);
        check(AGNEWS_LABELS, SampleCheck.mismatch(agLabels, agTexts.rows()));
        check(FWD_LABELS, SampleCheck.mismatch(fwdLabels, fwdTexts.rows()));
        Set<String> firstSets = new HashSet<>();
        agLabels.forEach(l -> firstSets.add(l.id()));
        fwdLabels.forEach(l -> firstSets.add(l.id()));
        check(AI_LABELS, AiSetSample.mismatch(aiLabels, AiSetSample.pool(agFile, fwdFile, firstSets)));

        Map<String, NewsArticle> articles = new HashMap<>(agTexts.articles());
        articles.putAll(fwdTexts.articles());
        Map<String, Set<String>> predicted = new HashMap<>();
        for (List<LabelledItem> labels : List.of(agLabels, fwdLabels, aiLabels)) {
            for (LabelledItem item : labels) {
                predicted.put(item.id(), tagger.apply(articles.get(item.id())));
            }
        }
        Set<String> heldOut = AiSetSample.heldOut(aiLabels);
        List<SetScores> sets = sets(agLabels, fwdLabels, aiLabels, heldOut, predicted);
        Set<String> taxonomyTags =
                rules.taxonomy().rules().stream().map(TagRule::id).collect(Collectors.toSet());
        List<String> header = List.of(
                "- date: " + date + "; rules version: `" + rules.version() + "`",
                "- labels: `" + AGNEWS_LABELS + "` (" + agLabels.size() + " items), `" + FWD_LABELS + "` ("
                        + fwdLabels.size() + " items), `" + AI_LABELS + "` (" + aiLabels.size() + " items: "
                        + (aiLabels.size() - heldOut.size()) + " dev, " + heldOut.size() + " held out); texts from `"
                        + evalDir + "`",
                "- tagger input: AG News title + description (artefacts decoded), fwd headline title with an empty"
                        + " body; tags not in the taxonomy count as never predicted",
                "- the AI set's held-out half is reported but its error ids are never listed: rules are not changed"
                        + " by looking at it (eval/LABELLING.md, \"Third set\")");
        return new Outcome(TagEvalReport.markdown(header, sets, SETS_WITH_ERROR_IDS, taxonomyTags), sets);
    }

    /**
     * The sets of the report, in order: the three sets rules may be tuned on (AG, fwd, the AI set's
     * dev half; the first {@link #SETS_WITH_ERROR_IDS}), the held-out half, then the combinations.
     */
    static List<SetScores> sets(
            List<LabelledItem> ag,
            List<LabelledItem> fwd,
            List<LabelledItem> ai,
            Set<String> heldOut,
            Map<String, Set<String>> predicted) {
        List<LabelledItem> aiDev =
                ai.stream().filter(i -> !heldOut.contains(i.id())).toList();
        List<LabelledItem> aiHeld =
                ai.stream().filter(i -> heldOut.contains(i.id())).toList();
        List<LabelledItem> firstTwo = concat(ag, fwd);
        return List.of(
                SetScores.compute("AG News", ag, predicted, EvalTags.ALL),
                SetScores.compute("fwd headlines", fwd, predicted, EvalTags.ALL),
                SetScores.compute("AI set, dev half", aiDev, predicted, EvalTags.ALL),
                SetScores.compute("AI set, held-out half", aiHeld, predicted, EvalTags.ALL),
                SetScores.compute("AI set, whole", ai, predicted, EvalTags.ALL),
                SetScores.compute("AG + fwd", firstTwo, predicted, EvalTags.ALL),
                SetScores.compute("all dev (AG + fwd + AI dev)", concat(firstTwo, aiDev), predicted, EvalTags.ALL),
                SetScores.compute("all sets", concat(firstTwo, ai), predicted, EvalTags.ALL));
    }

    private static List<LabelledItem> concat(List<LabelledItem> a, List<LabelledItem> b) {
        List<LabelledItem> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private static void check(String labelFile, String mismatch) {
        if (mismatch != null) {
            throw new IllegalStateException(labelFile + " does not match the shared texts: " + mismatch);
        }
    }

    /** Prints the report for the default rules; the optional argument is the shared eval folder. */
    public static void main(String[] args) {
        Path root = EvalCorpus.repositoryRoot(Path.of(""));
        Path dir = EvalCorpus.evalDir(root, args.length > 0 ? args[0] : System.getProperty(EvalCorpus.DIR_PROPERTY));
        System.out.println(run(root, dir, ScoringRules.defaults(), LocalDate.now(java.time.ZoneOffset.UTC))
                .markdown());
    }
}
