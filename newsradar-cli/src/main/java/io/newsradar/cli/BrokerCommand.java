package io.newsradar.cli;

import io.newsradar.localkafka.LocalKafkaBroker;
import io.newsradar.schemas.config.NewsradarConfig;
import io.newsradar.schemas.topics.TopicDef;
import io.newsradar.schemas.topics.Topics;
import io.newsradar.scoring.ScoringApp;
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
        name = "broker",
        mixinStandardHelpOptions = true,
        description = {
            "Run a Kafka broker (KRaft) in this process and create the topics.",
            "A real single-node broker; prints its bootstrap address for other processes and any Kafka client. "
                    + "Runs until Ctrl-C."
        })
final class BrokerCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ConfigOptions options = new ConfigOptions();

    @Option(
            names = "--data-dir",
            paramLabel = "DIR",
            defaultValue = ".newsradar/broker",
            description =
                    "Where the broker keeps its log and its ports; reused on restart (default: ${DEFAULT-VALUE}).")
    Path dataDir;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Shutdown shutdown = new Shutdown();
        try (LocalKafkaBroker broker = LocalKafkaBroker.start(dataDir)) {
            NewsradarConfig config = options.load().with(NewsradarConfig.BOOTSTRAP_SERVERS, broker.bootstrapServers());
            List<TopicDef<?, ?>> catalogue = Pipeline.catalogue(ScoringApp.rulesFrom(config));
            List<String> created = Pipeline.createTopics(config, catalogue);
            out.println("newsradar broker running; data in " + dataDir.toAbsolutePath());
            out.println("bootstrap.servers=" + broker.bootstrapServers());
            out.println("topics: " + catalogue.stream().map(TopicDef::name).toList()
                    + (created.isEmpty() ? " (all existed)" : " (created " + created.size() + ")"));
            out.println("try:  kcat -b " + broker.bootstrapServers() + " -L      " + "kcat -b "
                    + broker.bootstrapServers() + " -C -t " + Topics.NEWS_SCORED.name() + " -e");
            out.println("other commands: --bootstrap-servers " + broker.bootstrapServers()
                    + "   (Ctrl-C stops the broker)");
            out.flush();
            shutdown.awaitRequest();
            out.println("stopping broker ...");
            out.flush();
        } finally {
            shutdown.done();
        }
        return 0;
    }
}
