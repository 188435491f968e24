package io.newsradar.cli;

import io.newsradar.schemas.config.NewsradarConfig;
import io.newsradar.schemas.topics.TopicDef;
import java.io.PrintWriter;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "list",
        mixinStandardHelpOptions = true,
        description = {
            "One line per dead letter, newest last: topic, PARTITION:OFFSET, time, key, why (exception class and "
                    + "message, or the sink's reason), TRUNCATED for a cut copy; for delivery.dlq.v1 the kind, the "
                    + "alert id, where it was read and the destinations that failed it. Both topics unless --topic.",
            "Exit codes: 0 done; 1 no such topic; 4 the cluster could not be reached."
        })
final class DlqListCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ConfigOptions options = new ConfigOptions();

    @Option(names = "--topic", paramLabel = "TOPIC", description = "news.dlq.v1 or delivery.dlq.v1 (default: both).")
    String topic;

    @Option(names = "--max", paramLabel = "N", description = "The newest N of each topic (default: ${DEFAULT-VALUE}).")
    int max = 100;

    @Override
    public Integer call() {
        if (max < 1) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--max must be at least 1");
        }
        List<TopicDef<?, ?>> topics = topic == null ? DlqCommand.topics() : List.of(DlqCommand.topic(topic));
        NewsradarConfig config = options.load();
        Pipeline.prepareTopics(options, config, topics);
        PrintWriter out = spec.commandLine().getOut();
        DlqReader reader = new DlqReader(config);
        for (TopicDef<?, ?> t : topics) {
            Deque<DeadLetter> newest = new ArrayDeque<>();
            long[] total = {0};
            reader.readAll(t.name(), r -> {
                total[0]++;
                newest.addLast(new DeadLetter(r));
                if (newest.size() > max) {
                    newest.removeFirst();
                }
            });
            out.println(t.name() + ": " + total[0] + (total[0] == 1 ? " dead letter" : " dead letters")
                    + (total[0] > newest.size() ? ", the newest " + newest.size() + " shown" : ""));
            newest.forEach(d -> out.println(DlqFormat.line(d)));
        }
        out.flush();
        return ExitCodes.OK;
    }
}
