package io.newsradar.cli;

import io.newsradar.scoring.ruleset.Publication;
import io.newsradar.scoring.ruleset.RulesetLog;
import io.newsradar.scoring.ruleset.RulesetPublisher;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
        name = "rollback",
        mixinStandardHelpOptions = true,
        description = {
            "Put an earlier publication back in force: its text is published again as the next sequence, marked as "
                    + "a rollback to V (history keeps every publication, the bad one included).",
            "V is a sequence (3), a key (builtin#3) or a rules version. Refuses a publication the scoring stream "
                    + "would reject, and one whose text is already in force (unless --force). Exit codes as publish."
        })
final class RulesRollbackCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ConfigOptions options = new ConfigOptions();

    @Parameters(index = "0", paramLabel = "V", description = "The publication to restore.")
    String target;

    @Option(
            names = "--name",
            paramLabel = "NAME",
            description = "The ruleset V belongs to; needed only when several rulesets are published.")
    String name;

    @Option(names = "--note", paramLabel = "TEXT", description = "Why (default: 'rollback to V').")
    String note;

    @Option(names = "--force", description = "Publish even when the same text is already in force.")
    boolean force;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        RulesCluster cluster = RulesCluster.connect(options);
        RulesetLog log = cluster.log();
        String ruleset = name != null ? name : log.onlyName();
        Publication back = log.find(ruleset, target);
        if (!back.valid()) {
            err.println("newsradar rules rollback: " + back.key() + " cannot be put back in force: " + back.problem());
            err.flush();
            return ExitCodes.FAILED;
        }
        RulesetPublisher.Draft draft = new RulesetPublisher.Draft(
                back.record().ruleset(),
                note != null ? note : "rollback to " + back.sequence(),
                RulesCluster.publishedBy(),
                back.sequence(),
                force);
        return RulesPublishCommand.publish(
                spec, cluster, draft, back.rules(), " (the text of " + RulesDiffCommand.label(back) + ")");
    }
}
