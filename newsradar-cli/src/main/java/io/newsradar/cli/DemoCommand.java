package io.newsradar.cli;

import io.newsradar.ingest.ArticlePublisher;
import io.newsradar.ingest.IngestSummary;
import io.newsradar.localkafka.DataDirLockedException;
import io.newsradar.localkafka.LocalKafkaBroker;
import io.newsradar.schemas.config.NewsradarConfig;
import io.newsradar.schemas.topics.Topics;
import io.newsradar.scoring.RevisionSettings;
import io.newsradar.scoring.ScoringApp;
import io.newsradar.scoring.ScoringRules;
import io.newsradar.scoring.http.ScoringHttp;
import io.newsradar.sink.AlertSink;
import io.newsradar.sink.ConsoleDestination;
import io.newsradar.sink.JsonLinesFileDestination;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.apache.kafka.common.TopicPartition;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "demo",
        mixinStandardHelpOptions = true,
        description = {
            "Run the whole pipeline in one process on the sample data.",
            "Starts a real in-process Kafka broker, the topics, the scoring stream and the alert sink, ingests "
                    + "the sample articles and feeds and prints each alert as it arrives. Runs until Ctrl-C, or "
                    + "with --once until the sample is processed."
        })
final class DemoCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ConfigOptions options = new ConfigOptions();

    // The samples' publication dates span years and the revision store's retention runs on event
    // time: with the service's 30-day default a second run would find the older samples expired
    // and score them again. A retention set in the config still wins.
    private static final String DEMO_REVISION_RETENTION = "P3650D";

    @Option(names = "--once", description = "Exit once the sample is processed, with a summary.")
    boolean once;

    @Option(
            names = "--data-dir",
            paramLabel = "DIR",
            defaultValue = ".newsradar/demo",
            description =
                    "Broker data, stream state and the alerts file; kept between runs (default: ${DEFAULT-VALUE}).")
    Path dataDir;

    @Option(names = "--fresh", description = "Delete the data dir first, so the sample is scored and alerted anew.")
    boolean fresh;

    @Option(
            names = "--samples",
            paramLabel = "DIR",
            description =
                    "Sample articles (*.jsonl) and feeds (feeds/*.xml). Default: config/samples of the installation.")
    Path samples;

    @Option(
            names = "--http-port",
            paramLabel = "PORT",
            defaultValue = "0",
            description = "Port of the demo's HTTP server (push API, /health, /ready, /metrics); default: any free "
                    + "port, printed at start.")
    int httpPort;

    @Option(
            names = "--timeout",
            paramLabel = "SECONDS",
            defaultValue = "120",
            description =
                    "With --once: give up if the sample is not processed in this time (default: ${DEFAULT-VALUE}).")
    int timeoutSeconds;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        long t0 = System.nanoTime();
        Path sampleDir = sampleDir();
        if (fresh) {
            DemoDataDir.delete(dataDir);
        }
        Files.createDirectories(dataDir);
        Files.writeString(
                dataDir.resolve(DemoDataDir.MARKER), "newsradar demo data: broker log, stream state, alerts\n");
        Shutdown shutdown = once ? null : new Shutdown();
        out.println("starting in-process Kafka broker (data in " + dataDir.toAbsolutePath() + ") ...");
        out.flush();
        try (LocalKafkaBroker broker = startBroker()) {
            Path alertsFile = dataDir.resolve("alerts.jsonl");
            NewsradarConfig loaded = options.load();
            NewsradarConfig config = loaded.with(
                            RevisionSettings.RETENTION, loaded.get(RevisionSettings.RETENTION, DEMO_REVISION_RETENTION))
                    .with(NewsradarConfig.BOOTSTRAP_SERVERS, broker.bootstrapServers())
                    .with(NewsradarConfig.STATE_DIR, dataDir.resolve("streams").toString())
                    .with(NewsradarConfig.SINK_FILE, alertsFile.toString());
            // read the rules once: their routes name alert topics the admin step must create
            ScoringRules rules = ScoringApp.rulesFrom(config);
            Pipeline.createTopics(config, Pipeline.catalogue(rules));
            out.printf("broker at %s, topics ready (%.1f s)%n", broker.bootstrapServers(), seconds(t0));
            out.flush();

            // one HTTP server for the process, its port chosen before the stream is built
            try (PipelineProgress progress = new PipelineProgress(config.kafkaClientProps());
                    DemoServer server = DemoServer.create(config, httpPort);
                    ScoringApp scoring = new ScoringApp(ScoringHttp.advertised(config, server.port()), rules);
                    AlertSink sink = new AlertSink(
                            config,
                            List.of(new ConsoleDestination(System.out), new JsonLinesFileDestination(alertsFile)),
                            alert -> true,
                            server.sinkMeters())) {
                server.register(scoring, sink);
                server.start();
                List<String> alertTopics = progress.topicsMatching(Topics.ALERT_TOPICS);
                List<String> scoredTopics = List.of(Topics.NEWS_SCORED.name());
                List<String> dlqTopics = List.of(Topics.NEWS_DLQ.name());
                // before the stream starts: whatever is in the output topics now is an earlier run's
                RunOutputs outputs = RunOutputs.begin(
                        progress,
                        Stream.of(scoredTopics, dlqTopics, alertTopics)
                                .flatMap(List::stream)
                                .toList());

                boolean earlierRun = progress.endOffsets(List.of(Topics.NEWS_RAW.name())).values().stream()
                        .anyMatch(end -> end > 0);
                if (earlierRun) {
                    out.println(
                            "this data dir holds an earlier run: articles it scored already are counted as repeats, "
                                    + "not scored or alerted again (--fresh starts over)");
                }
                scoring.start();
                Thread sinkThread = new Thread(sink, "alert-sink");
                sinkThread.setDaemon(true);
                sinkThread.start();

                List<IngestSummary> summaries = ingestSamples(config, sampleDir);
                IngestCommand.report(out, summaries, spec.commandLine().getErr());
                long rejected =
                        summaries.stream().mapToLong(s -> s.rejected().size()).sum();
                try (DemoFeeds feeds = DemoFeeds.start(config, sampleDir.resolve("feeds"), dataDir, server.http())) {
                    out.printf(
                            "serving %d sample feeds at %s and polling them every %d s: the first poll fetches "
                                    + "them (its backlog is scored but held from alerting), later polls get 304 Not "
                                    + "Modified (the log shows each poll)%n",
                            feeds.feedCount(), feeds.feedServerUrl(), DemoFeeds.POLL_INTERVAL.toSeconds());
                    out.printf(
                            "HTTP at http://127.0.0.1:%d/: POST /v1/articles (push), GET /health, /ready%n",
                            server.port());
                    out.printf("metrics of all three services at http://127.0.0.1:%d/metrics%n", server.port());
                    out.println(ScoringHttp.dashboardBanner(server.port()));
                    out.println("alerts print as they arrive; alerts file: " + alertsFile.toAbsolutePath());
                    out.flush();
                    if (!once) {
                        out.println("running; Ctrl-C stops the demo");
                        out.flush();
                        if (!shutdown.awaitRequestOr(
                                () -> ScoreCommand.stopped(scoring.state()) || sink.isStopped() || feeds.isStopped())) {
                            spec.commandLine()
                                    .getErr()
                                    .println("newsradar demo: a service stopped by itself (scoring "
                                            + scoring.state() + ", sink " + (sink.isStopped() ? "stopped" : "running")
                                            + ", feed poller " + (feeds.isStopped() ? "stopped" : "running") + "): "
                                            + scoring.failure()
                                                    .or(() -> sink.failure().map(Newsradar::describe))
                                                    .orElseGet(feeds::failure));
                            spec.commandLine().getErr().flush();
                            return 1;
                        }
                        out.println("stopping ...");
                        out.flush();
                        return 0;
                    }

                    Duration timeout = Duration.ofSeconds(timeoutSeconds);
                    if (!await(out, "the first poll of the sample feeds", timeout, feeds::allPolledOnce, null)) {
                        return timedOut(
                                out,
                                "the sample feeds were not polled (feed poller "
                                        + (feeds.isStopped() ? "stopped: " + feeds.failure() : "running") + ")");
                    }
                    long ingested = summaries.stream()
                                    .mapToLong(IngestSummary::published)
                                    .sum()
                            + feeds.published();
                    out.printf(
                            "ingested %d sample articles (%d new from the sample feeds)%n",
                            ingested, feeds.published());
                    out.flush();
                    Map<TopicPartition, Long> rawEnds = progress.endOffsets(List.of(Topics.NEWS_RAW.name()));
                    String appId = config.get(NewsradarConfig.APPLICATION_ID);
                    if (!await(
                            out,
                            "scoring",
                            timeout,
                            () -> progress.streamsCaughtUp(appId, rawEnds),
                            "a run that was killed rather than stopped leaves a group member behind, and the group waits "
                                    + "for it to time out; --fresh starts over")) {
                        return timedOut(out, "the scoring stream did not finish the sample; state " + scoring.state());
                    }
                    // the group's offsets are visible before the transaction markers reach the outputs:
                    // count only once no transaction is open on them
                    AtomicReference<RunOutputs.Output> stable = new AtomicReference<>();
                    if (!await(
                            out,
                            "the scoring stream's last transaction",
                            timeout,
                            () -> {
                                outputs.ifStable().ifPresent(stable::set);
                                return stable.get() != null;
                            },
                            null)) {
                        return timedOut(out, "a transaction stayed open on the output topics");
                    }
                    RunOutputs.Output output = stable.get();
                    long alerted = output.count(alertTopics);
                    // delivered means the sink's group committed past this run's alerts; the sink's own
                    // counters would also count alerts of an earlier, killed run that it delivers again
                    Map<TopicPartition, Long> alertsEnd = output.nextOffsets(alertTopics);
                    String sinkGroup = config.get(NewsradarConfig.SINK_GROUP);
                    if (!await(out, "alert delivery", timeout, () -> progress.caughtUp(sinkGroup, alertsEnd), null)) {
                        return timedOut(
                                out,
                                "the alert sink did not commit past this run's " + alerted + " alerts (sink "
                                        + (sink.isStopped() ? "stopped" : "running") + ")");
                    }
                    long scored = output.count(scoredTopics);
                    long deadLettered = output.count(dlqTopics);
                    long repeats = Math.max(0, ingested - scored - deadLettered);
                    out.printf(
                            "%nsummary: ingested %d, scored %d, alerted %d, dead-lettered %d",
                            ingested, scored, alerted, deadLettered);
                    if (rejected > 0) {
                        out.printf(", rejected at ingest %d", rejected);
                    }
                    if (repeats > 0) {
                        out.printf(
                                ", exact repeats not scored again %d (already scored by an earlier run: use --fresh)",
                                repeats);
                    }
                    out.printf(" in %.1f s%n", seconds(t0));
                    out.flush();
                    return 0;
                }
            }
        } finally {
            if (shutdown != null) {
                shutdown.done();
            }
        }
    }

    /** A condition polled by {@link #await}; an exception (a group that does not exist yet) means "not yet". */
    @FunctionalInterface
    interface Condition {
        boolean holds() throws Exception;
    }

    private static boolean await(PrintWriter out, String what, Duration timeout, Condition done, String slowHint)
            throws InterruptedException {
        long start = System.nanoTime();
        long lastNote = start;
        boolean hinted = slowHint == null;
        while (!holds(done)) {
            long now = System.nanoTime();
            if (now - start > timeout.toNanos()) {
                return false;
            }
            if (now - lastNote > Duration.ofSeconds(5).toNanos()) {
                out.printf("  ... waiting for %s (%.0f s)%n", what, (now - start) / 1e9);
                if (!hinted && now - start > Duration.ofSeconds(30).toNanos()) {
                    out.println("  (slow? " + slowHint + ")");
                    hinted = true;
                }
                out.flush();
                lastNote = now;
            }
            Thread.sleep(200);
        }
        return true;
    }

    private static boolean holds(Condition condition) throws InterruptedException {
        try {
            return condition.holds();
        } catch (InterruptedException e) {
            throw e;
        } catch (Exception e) {
            // e.g. the group does not exist yet while the stream starts: not there yet
            return false;
        }
    }

    private int timedOut(PrintWriter out, String why) {
        spec.commandLine().getErr().println("newsradar demo: timed out after " + timeoutSeconds + " s: " + why);
        spec.commandLine().getErr().flush();
        out.flush();
        return 1;
    }

    private LocalKafkaBroker startBroker() {
        try {
            return LocalKafkaBroker.start(dataDir.resolve(DemoDataDir.BROKER_DIR));
        } catch (DataDirLockedException e) {
            throw new IllegalStateException(
                    DemoDataDir.runningDemo(dataDir, e) + "; stop it, or pass another --data-dir", e);
        }
    }

    private Path sampleDir() {
        Path dir = samples;
        if (dir == null) {
            String home = System.getenv("NEWSRADAR_HOME");
            dir = (home == null || home.isBlank() ? Path.of(".") : Path.of(home))
                    .resolve("config")
                    .resolve("samples");
        }
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("sample directory not found: " + dir.toAbsolutePath()
                    + " (run from the repository root, set NEWSRADAR_HOME, or pass --samples DIR)");
        }
        return dir;
    }

    private static List<IngestSummary> ingestSamples(NewsradarConfig config, Path dir) throws IOException {
        List<IngestSummary> summaries = new ArrayList<>();
        try (ArticlePublisher publisher = new ArticlePublisher(config)) {
            for (Path f : list(dir, "*.jsonl")) {
                summaries.add(IngestCommand.publishFile(f, publisher));
            }
            publisher.close(Duration.ofSeconds(30));
        }
        return summaries;
    }

    private static List<Path> list(Path dir, String glob) throws IOException {
        List<Path> paths = new ArrayList<>();
        try (var stream = Files.newDirectoryStream(dir, glob)) {
            stream.forEach(paths::add);
        }
        paths.sort(Comparator.naturalOrder());
        return paths;
    }

    private static double seconds(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }
}
