package io.newsradar.cli;

import io.newsradar.scoring.RulesException;
import io.newsradar.scoring.ScoringRules;
import io.newsradar.scoring.ruleset.RulesetPublisher;
import io.newsradar.scoring.ruleset.RulesetRecord;
import io.newsradar.scoring.ruleset.RulesetRefusedException;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(
        name = "publish",
        mixinStandardHelpOptions = true,
        description = {
            "Validate a ruleset, create its routes' alert topics, and put it on rules.v1 as the next publication of "
                    + "its name: every scoring stream following that name (scoring.rules.name) switches to it without a "
                    + "restart.",
            "Refuses an invalid ruleset (listing every problem, as 'rules check'), and the ruleset already in force "
                    + "(unless --force). Records who published it (user@host) and when. Past articles are not "
                    + "scored again.",
            "Exit code 0 when published, 1 when refused, 4 when the cluster could not be reached or topics are "
                    + "missing under --no-create-topics."
        })
final class RulesPublishCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ConfigOptions options = new ConfigOptions();

    @Mixin
    RulesetSource source = new RulesetSource();

    @Option(names = "--note", paramLabel = "TEXT", description = "Why this ruleset is published (shown by history).")
    String note = "";

    @Option(names = "--force", description = "Publish even when the same text is already in force.")
    boolean force;

    @Override
    public Integer call() {
        String usage = source.usageProblem();
        if (usage != null) {
            throw new ParameterException(spec.commandLine(), usage);
        }
        PrintWriter err = spec.commandLine().getErr();
        ScoringRules rules;
        String text;
        try {
            rules = source.rules();
            text = source.bundleText();
        } catch (RulesException e) {
            RulesCheckCommand.report(err, source.describe() + " (not published)", e);
            return ExitCodes.FAILED;
        }
        return publish(
                spec,
                RulesCluster.connect(options),
                new RulesetPublisher.Draft(text, note, RulesCluster.publishedBy(), null, force),
                rules,
                "");
    }

    /** Shared with rollback: topics first, then the record; prints what was published. */
    static int publish(
            CommandSpec spec, RulesCluster cluster, RulesetPublisher.Draft draft, ScoringRules rules, String what) {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<String> created;
        try {
            created = cluster.prepareRouteTopics(RulesCheckCommand.routeNames(rules));
        } catch (RulesCluster.MissingTopicsException e) {
            err.println("newsradar rules " + spec.name() + ": " + e.getMessage());
            err.flush();
            return ExitCodes.INFRASTRUCTURE;
        }
        if (!created.isEmpty()) {
            out.println("created topics " + created);
        }
        RulesetRecord record;
        try {
            record = cluster.publisher().publish(draft);
        } catch (RulesetRefusedException e) {
            err.println("newsradar rules " + spec.name() + ": " + e.getMessage());
            err.flush();
            return ExitCodes.FAILED;
        }
        out.println("published " + record.key() + what + ": rules " + record.version() + " by "
                + record.publishedBy() + " at " + record.publishedAt()
                + (record.note().isEmpty() ? "" : ", note: " + record.note()));
        out.println(RulesCheckCommand.summary(rules));
        out.flush();
        return ExitCodes.OK;
    }
}
