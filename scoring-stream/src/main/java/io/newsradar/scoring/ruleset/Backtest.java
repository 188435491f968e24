package io.newsradar.scoring.ruleset;

import io.newsradar.avro.NewsArticle;
import io.newsradar.scoring.Evaluation;
import io.newsradar.scoring.Route;
import io.newsradar.scoring.ScoringEngine;
import io.newsradar.scoring.ScoringRules;
import io.newsradar.scoring.TagMatch;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A dry run of a candidate ruleset against the rules in force (the baseline) over the same
 * articles: {@code rules test}. Nothing is written anywhere; every article is scored by both
 * rulesets in memory, and only the articles that alert or whose alerts differ are kept, so a long
 * scan of the raw topic needs little memory.
 */
public final class Backtest implements AutoCloseable {
    private final ScoringRules candidate;
    private final ScoringRules baseline;
    private final ScoringEngine candidateEngine;
    private final ScoringEngine baselineEngine;
    private final Map<String, int[]> tagCounts = new TreeMap<>();
    private final List<Outcome> alerting = new ArrayList<>();
    private long articles;
    private long ruleErrors;

    public Backtest(ScoringRules candidate, ScoringRules baseline) {
        this.candidate = candidate;
        this.baseline = baseline;
        this.candidateEngine = ScoringEngine.of(candidate);
        this.baselineEngine = ScoringEngine.of(baseline);
        candidate.taxonomy().rules().forEach(r -> tagCounts.put(r.id(), new int[2]));
        baseline.taxonomy().rules().forEach(r -> tagCounts.putIfAbsent(r.id(), new int[2]));
    }

    /**
     * One article's verdicts under both rulesets.
     *
     * @param candidateRoutes the routes that would alert under the candidate, by name
     */
    public record Outcome(
            String articleId,
            String title,
            double candidateScore,
            double baselineScore,
            Set<String> candidateRoutes,
            Set<String> baselineRoutes) {

        public Outcome {
            candidateRoutes = Set.copyOf(new TreeSet<>(candidateRoutes));
            baselineRoutes = Set.copyOf(new TreeSet<>(baselineRoutes));
        }

        /** True when the two rulesets send this article to different routes. */
        public boolean differs() {
            return !candidateRoutes.equals(baselineRoutes);
        }
    }

    /** Scores one article with both rulesets and counts it. */
    public Outcome add(NewsArticle article) {
        Evaluation c = candidateEngine.evaluate(article);
        Evaluation b = baselineEngine.evaluate(article);
        articles++;
        ruleErrors += c.ruleErrors().size();
        for (TagMatch t : c.tags()) {
            tagCounts.computeIfAbsent(t.id(), id -> new int[2])[0]++;
        }
        for (TagMatch t : b.tags()) {
            tagCounts.computeIfAbsent(t.id(), id -> new int[2])[1]++;
        }
        Outcome o = new Outcome(
                String.valueOf(article.getId()),
                String.valueOf(article.getTitle()),
                c.card().score(),
                b.card().score(),
                names(c.routes()),
                names(b.routes()));
        if (!o.candidateRoutes().isEmpty() || !o.baselineRoutes().isEmpty()) {
            alerting.add(o);
        }
        return o;
    }

    /** What the run found so far. */
    public Result result() {
        Map<String, TagCount> counts = new TreeMap<>();
        tagCounts.forEach((id, n) -> counts.put(id, new TagCount(n[0], n[1])));
        return new Result(candidate.version(), baseline.version(), articles, ruleErrors, counts, List.copyOf(alerting));
    }

    /** How many articles carry a tag under each ruleset. */
    public record TagCount(int candidate, int baseline) {
        public int delta() {
            return candidate - baseline;
        }
    }

    /**
     * @param alerting every article that alerts under either ruleset, in the order scored
     * @param candidateRuleErrors rules of the candidate that failed on some article (Monitor's per-query errors)
     */
    public record Result(
            String candidateVersion,
            String baselineVersion,
            long articles,
            long candidateRuleErrors,
            Map<String, TagCount> tagCounts,
            List<Outcome> alerting) {

        /** The articles that would alert on {@code route} under the candidate. */
        public List<Outcome> candidateAlerts(String route) {
            return alerting.stream()
                    .filter(o -> o.candidateRoutes().contains(route))
                    .toList();
        }

        /** The articles whose alerts differ between the two rulesets. */
        public List<Outcome> differences() {
            return alerting.stream().filter(Outcome::differs).toList();
        }
    }

    private static Set<String> names(List<Route> routes) {
        Set<String> names = new TreeSet<>();
        routes.forEach(r -> names.add(r.name()));
        return names;
    }

    @Override
    public void close() {
        candidateEngine.close();
        baselineEngine.close();
    }
}
