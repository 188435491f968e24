package io.newsradar.cli;

import io.newsradar.scoring.Route;
import io.newsradar.scoring.RulesException;
import io.newsradar.scoring.RulesProblem;
import io.newsradar.scoring.ScoringRules;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(
        name = "check",
        mixinStandardHelpOptions = true,
        description = {
            "Validate a ruleset without Kafka. Lists every problem on stderr, one line each, with the line of the "
                    + "entry, the rule id or route name and the field (YAML that does not parse stops at its first "
                    + "error).",
            "Exit code 0 when the ruleset is valid (its rules version, tags and routes are printed), 1 when not."
        })
final class RulesCheckCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    RulesetSource source = new RulesetSource();

    @Override
    public Integer call() {
        String usage = source.usageProblem();
        if (usage != null) {
            throw new ParameterException(spec.commandLine(), usage);
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ScoringRules rules;
        try {
            rules = source.rules();
        } catch (RulesException e) {
            report(err, source.describe(), e);
            return ExitCodes.FAILED;
        }
        out.println(source.describe() + ": valid, " + summary(rules));
        out.flush();
        return ExitCodes.OK;
    }

    /** Every problem of a ruleset, one line each, led by the line of its entry where known. */
    static void report(PrintWriter err, String what, RulesException e) {
        List<RulesProblem> problems = e.problems();
        err.println(what + ": " + problems.size() + (problems.size() == 1 ? " problem" : " problems"));
        for (RulesProblem p : problems) {
            err.println("  " + (p.line() > 0 ? "line " + p.line() + ": " : "") + p.message());
        }
        err.flush();
    }

    /** The rules version, how many tags, and each route with its alert topic. */
    static String summary(ScoringRules rules) {
        List<String> routes = rules.routes().stream()
                .map(r -> r.name() + " -> " + r.topic().name())
                .toList();
        return "rules " + rules.version() + ", " + rules.taxonomy().rules().size() + " tags, "
                + rules.routes().size() + (rules.routes().size() == 1 ? " route" : " routes")
                + (routes.isEmpty() ? "" : " (" + String.join(", ", routes) + ")");
    }

    static List<String> routeNames(ScoringRules rules) {
        return rules.routes().stream().map(Route::name).toList();
    }
}
