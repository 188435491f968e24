package io.newsradar.cli;

import io.newsradar.schemas.config.NewsradarConfig;
import io.newsradar.schemas.topics.TopicDef;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
        name = "show",
        mixinStandardHelpOptions = true,
        description = {
            "One dead letter in full: every header (the stack trace too), then the value decoded (a NewsArticle as "
                    + "JSON, a delivery dead letter's JSON), or its base64 and why it does not decode.",
            "Exit codes: 0 done; 1 no record at that position; 4 the cluster could not be reached."
        })
final class DlqShowCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ConfigOptions options = new ConfigOptions();

    @Parameters(index = "0", paramLabel = "PARTITION:OFFSET", description = "As 'dlq list' prints it, e.g. 0:12.")
    String position;

    @Option(
            names = "--topic",
            paramLabel = "TOPIC",
            description = "news.dlq.v1 or delivery.dlq.v1 (default: ${DEFAULT-VALUE}).")
    String topic = io.newsradar.schemas.topics.Topics.NEWS_DLQ.name();

    @Override
    public Integer call() {
        DlqPosition at = DlqPosition.parse(position);
        TopicDef<?, ?> t = DlqCommand.topic(topic);
        NewsradarConfig config = options.load();
        Pipeline.prepareTopics(options, config, List.of(t));
        PrintWriter out = spec.commandLine().getOut();
        var record = new DlqReader(config).read(t.name(), at);
        if (record.isEmpty()) {
            spec.commandLine().getErr().println("newsradar dlq show: no committed record at " + t.name() + " " + at);
            spec.commandLine().getErr().flush();
            return ExitCodes.FAILED;
        }
        DlqFormat.show(new DeadLetter(record.get())).forEach(out::println);
        out.flush();
        return ExitCodes.OK;
    }
}
