package io.newsradar.cli;

import io.newsradar.scoring.ruleset.Backtest;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** {@code rules test}: a backtest's result for people. */
final class BacktestReport {
    private BacktestReport() {}

    static void print(PrintWriter out, Backtest.Result r, List<String> candidateRoutes, int limit) {
        out.println();
        out.printf(Locale.ROOT, "%-28s %10s %10s %7s%n", "tag", "candidate", "baseline", "delta");
        for (Map.Entry<String, Backtest.TagCount> e : r.tagCounts().entrySet()) {
            Backtest.TagCount c = e.getValue();
            out.printf(
                    Locale.ROOT,
                    "%-28s %10d %10d %7s%n",
                    e.getKey(),
                    c.candidate(),
                    c.baseline(),
                    c.delta() == 0 ? "0" : String.format(Locale.ROOT, "%+d", c.delta()));
        }
        if (r.candidateRuleErrors() > 0) {
            out.println("note: candidate rules failed " + r.candidateRuleErrors()
                    + " times on some article (matcher errors; the rule counted as not matched)");
        }
        out.println();
        out.println("alerts under the candidate:");
        if (candidateRoutes.isEmpty()) {
            out.println("  (no routes: nothing can alert)");
        }
        for (String route : candidateRoutes) {
            List<Backtest.Outcome> alerts = r.candidateAlerts(route);
            out.println("  " + route + ": " + alerts.size() + (alerts.size() == 1 ? " article" : " articles"));
            list(out, alerts, limit, o -> String.format(Locale.ROOT, "%5.1f  %s", o.candidateScore(), article(o)));
        }
        List<Backtest.Outcome> differences = r.differences();
        out.println();
        out.println("articles whose alerts differ from the baseline: " + differences.size());
        list(
                out,
                differences,
                limit,
                o -> article(o) + System.lineSeparator() + "        candidate " + routes(o.candidateRoutes())
                        + String.format(Locale.ROOT, " (score %.1f)", o.candidateScore()) + ", baseline "
                        + routes(o.baselineRoutes()) + String.format(Locale.ROOT, " (score %.1f)", o.baselineScore()));
        out.flush();
    }

    private static void list(
            PrintWriter out,
            List<Backtest.Outcome> outcomes,
            int limit,
            java.util.function.Function<Backtest.Outcome, String> line) {
        outcomes.stream().limit(limit).forEach(o -> out.println("    " + line.apply(o)));
        if (outcomes.size() > limit) {
            out.println("    ... and " + (outcomes.size() - limit) + " more (--limit shows more)");
        }
    }

    private static String article(Backtest.Outcome o) {
        return o.articleId() + "  " + o.title();
    }

    private static String routes(Set<String> routes) {
        return routes.isEmpty() ? "no alert" : "alerts on " + String.join(", ", routes);
    }
}
