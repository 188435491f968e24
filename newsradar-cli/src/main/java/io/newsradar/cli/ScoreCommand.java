package io.newsradar.cli;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.newsradar.http.ProcessMeters;
import io.newsradar.schemas.config.NewsradarConfig;
import io.newsradar.schemas.topics.Topics;
import io.newsradar.scoring.ScoringApp;
import io.newsradar.scoring.ScoringRules;
import io.newsradar.scoring.http.ScoringHttp;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import org.apache.kafka.streams.KafkaStreams;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "score",
        mixinStandardHelpOptions = true,
        description =
                "Run the scoring stream (Kafka Streams, exactly-once): news.raw.v1 -> news.scored.v1 and alert topics. "
                        + "Runs until Ctrl-C.")
final class ScoreCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ConfigOptions options = new ConfigOptions();

    @Option(
            names = "--http-port",
            paramLabel = "PORT",
            description =
                    "Port of the HTTP server (/health, /ready, /metrics, the dashboard at /, the query API under /v1/); 0 takes any free port. Default: "
                            + "setting http.port, else " + ScoringHttp.DEFAULT_PORT + ".")
    Integer httpPort;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        OptionalInt port = HttpPortOption.of(spec, httpPort);
        NewsradarConfig config = options.load();
        ScoringRules rules = ScoringApp.rulesFrom(config);
        Pipeline.prepareTopics(options, config, ScoringApp.topicsFor(rules));
        PrometheusMeterRegistry meters = ProcessMeters.newRegistry();
        // the port first: the stream's settings may name it (see ScoringHttp)
        try (ScoringHttp http = ScoringHttp.create(config, port, meters);
                ScoringApp app = new ScoringApp(http.advertised(config), rules)) {
            http.register(app).start();
            Shutdown shutdown = new Shutdown();
            try {
                app.start();
                // start() returns once rules.v1 is read: the rules in force are known by now
                out.println("scoring stream started against " + config.bootstrapServers() + " with rules "
                        + app.rulesStatus().active().label() + ", following ruleset '"
                        + app.rulesStatus().followed() + "' on " + Topics.RULES.name() + " (Ctrl-C stops it)");
                out.println(HttpPortOption.banner(http.port()));
                out.println(ScoringHttp.dashboardBanner(http.port()));
                out.flush();
                if (!shutdown.awaitRequestOr(() -> stopped(app.state()))) {
                    spec.commandLine()
                            .getErr()
                            .println("newsradar score: the scoring stream stopped by itself (state " + app.state()
                                    + "): " + app.failure().orElse("see the log above"));
                    spec.commandLine().getErr().flush();
                    return app.failedOnInfrastructure() ? ExitCodes.INFRASTRUCTURE : ExitCodes.FAILED;
                }
                app.close(Duration.ofSeconds(30));
            } finally {
                shutdown.done();
            }
        }
        return 0;
    }

    static boolean stopped(KafkaStreams.State state) {
        return state == KafkaStreams.State.ERROR
                || state == KafkaStreams.State.PENDING_ERROR
                || state == KafkaStreams.State.NOT_RUNNING
                || state == KafkaStreams.State.PENDING_SHUTDOWN;
    }
}
