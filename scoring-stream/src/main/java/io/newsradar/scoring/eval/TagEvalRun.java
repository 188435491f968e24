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
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Runs a ruleset's tagger over both frozen label sets and their union and reports precision and
 * recall per tag and against the targets. The label files are read from the repository's
 * eval/ folder, the texts from the shared evaluation folder ({@link EvalCorpus}).
 */
public final class TagEvalRun {
    public static final String AGNEWS_LABELS = "eval/agnews-labels-v1.tsv";
    public static final String FWD_LABELS = "eval/fwd-headlines-labels-v1.tsv";

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
        Map<String, Set<String>> predicted = new HashMap<>();
        predict(agLabels, EvalCorpus.agnews(evalDir.resolve(EvalCorpus.AGNEWS_FILE)), AGNEWS_LABELS, tagger, predicted);
        predict(fwdLabels, EvalCorpus.fwd(evalDir.resolve(EvalCorpus.FWD_FILE)), FWD_LABELS, tagger, predicted);

        List<LabelledItem> both = new ArrayList<>(agLabels);
        both.addAll(fwdLabels);
        List<SetScores> sets = List.of(
                SetScores.compute("AG News", agLabels, predicted, EvalTags.ALL),
                SetScores.compute("fwd headlines", fwdLabels, predicted, EvalTags.ALL),
                SetScores.compute("both sets", both, predicted, EvalTags.ALL));
        Set<String> taxonomyTags =
                rules.taxonomy().rules().stream().map(TagRule::id).collect(Collectors.toSet());
        List<String> header = List.of(
                "- date: " + date + "; rules version: `" + rules.version() + "`",
                "- labels: `" + AGNEWS_LABELS + "` (" + agLabels.size() + " items), `" + FWD_LABELS + "` ("
                        + fwdLabels.size() + " items); texts from `" + evalDir + "`",
                "- tagger input: AG News title + description (artefacts decoded), fwd headline title with an empty"
                        + " body; tags not in the taxonomy count as never predicted");
        return new Outcome(TagEvalReport.markdown(header, sets, 2, taxonomyTags), sets);
    }

    private static void predict(
            List<LabelledItem> labels,
            EvalCorpus.Texts texts,
            String labelFile,
            Function<NewsArticle, Set<String>> tagger,
            Map<String, Set<String>> predicted) {
        String mismatch = SampleCheck.mismatch(labels, texts.rows());
        if (mismatch != null) {
            throw new IllegalStateException(labelFile + " does not match the shared texts: " + mismatch);
        }
        for (LabelledItem item : labels) {
            predicted.put(item.id(), tagger.apply(texts.articles().get(item.id())));
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
