package io.newsradar.cli;

import io.newsradar.schemas.topics.TopicDef;
import io.newsradar.schemas.topics.Topics;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code newsradar dlq <sub>}: what the two dead-letter topics hold, and replaying it. */
@Command(
        name = "dlq",
        mixinStandardHelpOptions = true,
        description = {
            "See what was dead-lettered and why, on news.dlq.v1 (articles the scoring stream could not process) and "
                    + "delivery.dlq.v1 (alerts a sink destination did not take), and replay fixed records. "
                    + "Reads committed records only.",
            "Exit codes: 0 done; 1 no such record or topic; 2 usage; 3 some records were refused (each says why); "
                    + "4 the Kafka cluster could not be reached or written."
        },
        subcommands = {DlqListCommand.class, DlqShowCommand.class, DlqReplayCommand.class})
final class DlqCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The two dead-letter topics, by name; anything else is refused with the two names. */
    static TopicDef<?, ?> topic(String name) {
        for (TopicDef<?, ?> t : topics()) {
            if (t.name().equals(name)) {
                return t;
            }
        }
        throw new IllegalArgumentException("not a dead-letter topic: " + name + " (known: "
                + topics().stream().map(TopicDef::name).toList() + ")");
    }

    static List<TopicDef<?, ?>> topics() {
        return List.of(Topics.NEWS_DLQ, Topics.DELIVERY_DLQ);
    }
}
