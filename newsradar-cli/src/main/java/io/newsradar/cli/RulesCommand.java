package io.newsradar.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code newsradar rules <sub>}: the analyst's commands for rulesets, live on {@code rules.v1}. */
@Command(
        name = "rules",
        mixinStandardHelpOptions = true,
        description = {
            "Check, try, publish and roll back rulesets (taxonomy and routes in one YAML bundle) on rules.v1.",
            "A publication gets the next sequence of its ruleset name (the bundle's 'name'); every scoring stream "
                    + "following that name (scoring.rules.name, by default the name of its built-in or configured "
                    + "rules) switches to the highest valid sequence without a restart. Publishing never re-scores past "
                    + "articles: 'rules test' shows what a ruleset would have done.",
            "Exit codes: 0 done; 1 invalid rules or a refused publication (the reasons are listed); 2 usage; "
                    + "3 'rules test' skipped bad sample lines; 4 the Kafka cluster could not be reached."
        },
        subcommands = {
            RulesCheckCommand.class,
            RulesTestCommand.class,
            RulesPublishCommand.class,
            RulesHistoryCommand.class,
            RulesDiffCommand.class,
            RulesRollbackCommand.class
        })
final class RulesCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
