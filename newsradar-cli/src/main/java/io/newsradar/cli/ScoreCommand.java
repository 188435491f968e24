package io.newsradar.cli;

import io.newsradar.schemas.config.NewsradarConfig;
import io.newsradar.scoring.ScoringApp;
import io.newsradar.scoring.ScoringRules;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "score", mixinStandardHelpOptions = true,
        description = "Run the scoring stream (Kafka Streams, exactly-once): news.raw.v1 -> news.scored.v1 and alert topics. "
                + "Runs until Ctrl-C.")
final class ScoreCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ConfigOptions options = new ConfigOptions();

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        NewsradarConfig config = options.load();
        Shutdown shutdown = new Shutdown();
        ScoringRules rules = ScoringApp.rulesFrom(config);
        Pipeline.prepareTopics(options, config, ScoringApp.topicsFor(rules));
        try (ScoringApp app = new ScoringApp(config, rules)) {
            app.start();
            out.println("scoring stream started against " + config.bootstrapServers() + " (Ctrl-C stops it)");
            out.flush();
            shutdown.awaitRequest();
            app.close(Duration.ofSeconds(30));
        } finally {
            shutdown.done();
        }
        return 0;
    }
}
