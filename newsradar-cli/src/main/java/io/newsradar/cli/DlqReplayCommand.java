package io.newsradar.cli;

import io.newsradar.schemas.config.NewsradarConfig;
import io.newsradar.schemas.topics.TopicDef;
import io.newsradar.schemas.topics.Topics;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
        name = "replay",
        mixinStandardHelpOptions = true,
        description = {
            "Replay fixed dead letters, one line per record saying what was done. From news.dlq.v1: back onto "
                    + "news.raw.v1 with the original key and bytes (refused: a truncated copy, or bytes that are not "
                    + "a NewsArticle). From delivery.dlq.v1: the alert, read again from its alert topic, delivered "
                    + "in this process to the destinations that failed it (file:PATH), never back onto "
                    + "alerts.<route>.v1, which every destination reads. The dead letters stay where they are.",
            "Exit codes: 0 all replayed; 1 no record at a position; 3 some were refused; 4 the cluster could not "
                    + "be reached or written."
        })
final class DlqReplayCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ConfigOptions options = new ConfigOptions();

    @ArgGroup(multiplicity = "1")
    Selection selection;

    static final class Selection {
        @Parameters(paramLabel = "PARTITION:OFFSET", arity = "1..*", description = "As 'dlq list' prints them.")
        List<String> positions;

        @Option(names = "--all", required = true, description = "Every dead letter on the topic.")
        boolean all;
    }

    @Option(
            names = "--topic",
            paramLabel = "TOPIC",
            description = "news.dlq.v1 or delivery.dlq.v1 (default: ${DEFAULT-VALUE}).")
    String topic = Topics.NEWS_DLQ.name();

    @Override
    public Integer call() {
        TopicDef<?, ?> t = DlqCommand.topic(topic);
        List<DlqPosition> positions = new ArrayList<>();
        if (!selection.all) {
            selection.positions.forEach(p -> positions.add(DlqPosition.parse(p)));
        }
        boolean raw = t.name().equals(Topics.NEWS_DLQ.name());
        NewsradarConfig config = options.load();
        Pipeline.prepareTopics(options, config, raw ? List.of(t, Topics.NEWS_RAW) : List.of(t));
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        DlqReader reader = new DlqReader(config);
        List<DeadLetter> letters = new ArrayList<>();
        boolean missing = false;
        if (selection.all) {
            reader.readAll(t.name(), r -> letters.add(new DeadLetter(r)));
        } else {
            for (DlqPosition p : positions) {
                var r = reader.read(t.name(), p);
                if (r.isPresent()) {
                    letters.add(new DeadLetter(r.get()));
                } else {
                    err.println("newsradar dlq replay: no committed record at " + t.name() + " " + p);
                    missing = true;
                }
            }
        }
        int refused = 0;
        if (raw) {
            try (RawReplay replay = new RawReplay(config)) {
                refused = replayEach(letters, replay::replay, out);
            }
        } else {
            refused = replayEach(letters, new DeliveryReplay(reader)::replay, out);
        }
        out.println(letters.size() - refused + " replayed, " + refused + " refused");
        out.flush();
        err.flush();
        return missing ? ExitCodes.FAILED : refused > 0 ? ExitCodes.SOME_REJECTED : ExitCodes.OK;
    }

    private static int replayEach(
            List<DeadLetter> letters, Function<DeadLetter, DlqReplayOutcome> replay, PrintWriter out) {
        int refused = 0;
        for (DeadLetter d : letters) {
            DlqReplayOutcome o = replay.apply(d);
            out.println(o.line());
            out.flush();
            refused += o.done() ? 0 : 1;
        }
        return refused;
    }
}
