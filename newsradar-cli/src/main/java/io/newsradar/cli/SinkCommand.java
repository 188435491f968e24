package io.newsradar.cli;

import io.newsradar.schemas.config.NewsradarConfig;
import io.newsradar.schemas.topics.Topics;
import io.newsradar.sink.AlertSink;
import io.newsradar.sink.ConsoleDestination;
import io.newsradar.sink.JsonLinesFileDestination;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "sink",
        mixinStandardHelpOptions = true,
        description = "Deliver alerts from every alerts.<route>.v1 topic: append JSON lines to a file and print a line "
                + "per alert. Offsets are committed only after the write. Runs until Ctrl-C.")
final class SinkCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ConfigOptions options = new ConfigOptions();

    @Option(
            names = "--file",
            paramLabel = "FILE",
            description = "JSON-lines file to append alerts to (default: sink.file setting, alerts.jsonl).")
    Path file;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        NewsradarConfig config = options.load();
        Path target = file != null ? file : Path.of(config.get(NewsradarConfig.SINK_FILE));
        // the dead-letter topic must exist; alert topics are found by pattern whenever they appear
        Pipeline.prepareTopics(options, config, List.of(Topics.DELIVERY_DLQ));
        try (AlertSink sink = new AlertSink(
                config, List.of(new ConsoleDestination(System.out), new JsonLinesFileDestination(target)))) {
            Shutdown shutdown = new Shutdown();
            try {
                Thread loop = new Thread(sink, "alert-sink");
                loop.start();
                out.println("alert sink consuming alert topics from " + config.bootstrapServers() + "; appending to "
                        + target.toAbsolutePath() + " (Ctrl-C stops it)");
                out.flush();
                if (!shutdown.awaitRequestOr(sink::isStopped)) {
                    spec.commandLine()
                            .getErr()
                            .println("newsradar sink: the alert sink stopped by itself: "
                                    + sink.failure().map(Newsradar::describe).orElse("see the log above"));
                    spec.commandLine().getErr().flush();
                    return 1;
                }
            } finally {
                shutdown.done();
            }
        }
        return 0;
    }
}
