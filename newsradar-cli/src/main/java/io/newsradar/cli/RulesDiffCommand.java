package io.newsradar.cli;

import io.newsradar.scoring.ruleset.LineDiff;
import io.newsradar.scoring.ruleset.Publication;
import io.newsradar.scoring.ruleset.RulesetLog;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
        name = "diff",
        mixinStandardHelpOptions = true,
        description = {
            "Show what changed between two publications on rules.v1, as a unified diff of their bundle texts.",
            "V is a sequence (3), a key (builtin#3) or a rules version (builtin-2-16b11d53)."
        })
final class RulesDiffCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ConfigOptions options = new ConfigOptions();

    @Parameters(index = "0", paramLabel = "V1", description = "The older publication.")
    String from;

    @Parameters(index = "1", paramLabel = "V2", description = "The newer publication.")
    String to;

    @Option(
            names = "--name",
            paramLabel = "NAME",
            description = "The ruleset the sequences belong to; needed only when several rulesets are published.")
    String name;

    @Option(names = "--context", paramLabel = "N", description = "Unchanged lines around each change (default 3).")
    int context = 3;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        RulesetLog log = RulesCluster.connect(options).log();
        String ruleset = name != null ? name : log.onlyName();
        Publication a = log.find(ruleset, from);
        Publication b = log.find(ruleset, to);
        String diff = LineDiff.unified(text(a), text(b), label(a), label(b), context);
        out.print(diff.isEmpty() ? label(a) + " and " + label(b) + " have the same text\n" : diff);
        out.flush();
        return ExitCodes.OK;
    }

    private static String text(Publication p) {
        if (p.record() == null) {
            throw new IllegalArgumentException(p.key() + " cannot be read: " + p.problem());
        }
        return p.record().ruleset();
    }

    static String label(Publication p) {
        return p.key() + " (" + p.version() + ")";
    }
}
