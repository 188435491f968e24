package io.newsradar.cli;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.newsradar.http.ProcessMeters;
import io.newsradar.schemas.config.NewsradarConfig;
import io.newsradar.schemas.topics.Topics;
import io.newsradar.sink.AlertSink;
import io.newsradar.sink.ConsoleDestination;
import io.newsradar.sink.JsonLinesFileDestination;
import io.newsradar.sink.SinkErrors;
import io.newsradar.sink.SinkHttp;
import io.newsradar.sink.SinkMeters;
import io.newsradar.sink.SinkSettings;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.errors.TimeoutException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "sink",
        mixinStandardHelpOptions = true,
        description = "Deliver alerts from every alerts.<route>.v1 topic: append JSON lines to a file and print a line "
                + "per alert. Offsets are committed only after the write. Runs until Ctrl-C. Exit code 4 when the "
                + "cluster does not answer or the file cannot be written.")
final class SinkCommand implements Callable<Integer> {
    /** Within the shutdown hook's own wait (60 s), so the sink is closed before the JVM halts. */
    static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);

    @Spec
    CommandSpec spec;

    @Mixin
    ConfigOptions options = new ConfigOptions();

    @Option(
            names = "--file",
            paramLabel = "FILE",
            description = "JSON-lines file to append alerts to (default: sink.file setting, alerts.jsonl).")
    Path file;

    @Option(
            names = "--http-port",
            paramLabel = "PORT",
            description = "Port of the HTTP server (/health, /ready, /metrics); 0 takes any free port. Default: "
                    + "setting http.port, else " + SinkHttp.DEFAULT_PORT + ".")
    Integer httpPort;

    @Override
    public Integer call() throws Exception {
        OptionalInt port = HttpPortOption.of(spec, httpPort);
        NewsradarConfig config = options.load();
        Path target = file != null ? file : Path.of(config.get(NewsradarConfig.SINK_FILE));
        Duration startupTimeout = SinkSettings.startupTimeout(config);
        JsonLinesFileDestination fileDestination;
        try {
            fileDestination = new JsonLinesFileDestination(target);
        } catch (IOException e) {
            return infrastructureFailure(
                    "cannot open " + target.toAbsolutePath() + " for appending: " + SinkErrors.describe(e));
        }
        PrometheusMeterRegistry registry = ProcessMeters.newRegistry();
        SinkMeters meters = new SinkMeters(registry);
        AlertSink sink;
        try {
            sink = new AlertSink(
                    config, List.of(new ConsoleDestination(System.out), fileDestination), alert -> true, meters);
        } catch (RuntimeException e) {
            fileDestination.close();
            if (unresolvable(e)) {
                return infrastructureFailure("none of the Kafka bootstrap servers " + config.bootstrapServers()
                        + " resolves to an address (DNS): " + Newsradar.describe(e));
            }
            throw e;
        }
        try {
            try {
                sink.awaitCluster(startupTimeout);
                // the dead-letter topic must exist; alert topics are found by pattern whenever they appear
                Pipeline.prepareTopics(options, config, List.of(Topics.DELIVERY_DLQ));
            } catch (RuntimeException e) {
                if (!timedOut(e)) {
                    throw e;
                }
                return infrastructureFailure("the Kafka cluster at " + config.bootstrapServers()
                        + " did not answer within " + seconds(startupTimeout) + " (" + SinkSettings.STARTUP_TIMEOUT_MS
                        + "): " + Newsradar.describe(e));
            }
            try (SinkHttp http = SinkHttp.start(config, port, registry, meters, sink)) {
                return runUntilStopped(sink, config, target, http.port());
            }
        } finally {
            sink.close(CLOSE_TIMEOUT);
            meters.close();
        }
    }

    private int runUntilStopped(AlertSink sink, NewsradarConfig config, Path target, int httpPort)
            throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        Shutdown shutdown = new Shutdown();
        try {
            Thread loop = new Thread(sink, "alert-sink");
            loop.start();
            out.println("alert sink consuming alert topics from " + config.bootstrapServers() + "; appending to "
                    + target.toAbsolutePath() + " (Ctrl-C stops it)");
            out.println(HttpPortOption.banner(httpPort));
            out.flush();
            if (shutdown.awaitRequestOr(sink::isStopped)) {
                return ExitCodes.OK;
            }
            Throwable failure = sink.failure().orElse(null);
            String reason = failure == null ? "see the log above" : Newsradar.describe(failure);
            printError("the alert sink stopped by itself: " + reason);
            return failure != null && SinkErrors.isInfrastructure(failure)
                    ? ExitCodes.INFRASTRUCTURE
                    : ExitCodes.FAILED;
        } finally {
            // Close the sink (its batch in flight committed, the group left) BEFORE releasing the
            // shutdown hook: once the hook returns the JVM halts, and a sink still closing then
            // commits nothing and stays in the group until its session times out, so the next
            // sink waits that long for its partitions.
            try {
                sink.close(CLOSE_TIMEOUT);
            } finally {
                shutdown.done();
            }
        }
    }

    private int infrastructureFailure(String message) {
        printError(message);
        return ExitCodes.INFRASTRUCTURE;
    }

    private void printError(String message) {
        PrintWriter err = spec.commandLine().getErr();
        err.println("newsradar sink: " + message);
        err.flush();
    }

    /** Whether a Kafka client or the admin step gave up waiting for the cluster. */
    private static boolean timedOut(Throwable e) {
        for (Throwable c = e; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof TimeoutException) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the clients found no address for any bootstrap server. Kafka says so only in a
     * ConfigException's message; a malformed address is a different message and stays a
     * configuration error.
     */
    private static boolean unresolvable(Throwable e) {
        for (Throwable c = e; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof ConfigException
                    && c.getMessage() != null
                    && c.getMessage().startsWith("No resolvable bootstrap urls")) {
                return true;
            }
        }
        return false;
    }

    private static String seconds(Duration duration) {
        return String.format(Locale.ROOT, "%.0f s", duration.toMillis() / 1000.0);
    }
}
