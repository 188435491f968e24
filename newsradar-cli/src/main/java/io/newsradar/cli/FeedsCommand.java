package io.newsradar.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code newsradar feeds <sub>}: the feed list on {@code feeds.v1}, changed while the services run. */
@Command(
        name = "feeds",
        mixinStandardHelpOptions = true,
        description = {
            "Add, remove, list and import the feeds the ingest services poll, on feeds.v1 (compacted, keyed by feed id, "
                    + "partitioned by the host of the feed's URL). Running ingest services and scoring streams follow "
                    + "the changes without a restart; the scoring stream takes each feed's weight and fixed tags.",
            "Exit codes: 0 done; 1 invalid input (the option or field is named) or no such feed; 2 usage; "
                    + "4 the Kafka cluster could not be reached."
        },
        subcommands = {FeedsAddCommand.class, FeedsRemoveCommand.class, FeedsListCommand.class, FeedsImportCommand.class
        })
final class FeedsCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
