package io.newsradar.cli;

import io.newsradar.ingest.ArticleIds;
import io.newsradar.ingest.ArticlePublisher;
import io.newsradar.ingest.BrokerPreflight;
import io.newsradar.ingest.BrokerUnavailableException;
import io.newsradar.ingest.BrokerWait;
import io.newsradar.ingest.FeedReadException;
import io.newsradar.ingest.IngestError;
import io.newsradar.ingest.IngestInterruptedException;
import io.newsradar.ingest.IngestJobs;
import io.newsradar.ingest.IngestProgress;
import io.newsradar.ingest.IngestSummary;
import io.newsradar.localkafka.TopicAdminException;
import io.newsradar.schemas.config.NewsradarConfig;
import io.newsradar.schemas.topics.ArticleHeaders;
import io.newsradar.schemas.topics.TopicDef;
import io.newsradar.schemas.topics.Topics;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(
        name = "ingest",
        mixinStandardHelpOptions = true,
        description = "Publish articles to news.raw.v1 from JSON-lines files and RSS/Atom feeds (URL or file). "
                + "Bad lines and items are reported with file and line; the rest is still published. "
                + "A file is read and published line by line; a long one prints its progress to stderr every 2 s. "
                + "Exit code 0 when everything was published, 3 when some input was rejected, "
                + "4 when the Kafka cluster or topic could not be reached (ingest stops there). "
                + "With --serve: poll the listed feeds (feeds.v1) continuously until Ctrl-C; exit code 1 or 4 "
                + "when the poller stops by itself.")
final class IngestCommand implements Callable<Integer> {
    static final int EXIT_SOME_REJECTED = ExitCodes.SOME_REJECTED;

    private static final Logger log = LoggerFactory.getLogger(IngestCommand.class);

    /** What the feed poller reads and writes; the admin step creates them alike (same partition count). */
    static final List<TopicDef<?, ?>> SERVE_TOPICS = List.of(Topics.NEWS_RAW, Topics.FEEDS, Topics.FEEDS_STATE);

    @Spec
    CommandSpec spec;

    @Mixin
    ConfigOptions options = new ConfigOptions();

    @Option(names = "--file", paramLabel = "FILE.jsonl", description = "JSON-lines file of articles (repeatable).")
    List<Path> files = new ArrayList<>();

    @Option(
            names = "--feed",
            paramLabel = "URL|FILE",
            description = "RSS or Atom feed, by URL or local file (repeatable).")
    List<String> feeds = new ArrayList<>();

    @Option(
            names = "--serve",
            description = "Run the continuous feed poller until Ctrl-C: poll the feeds listed on feeds.v1 (those of "
                    + "the partitions this instance's group assigns it) and publish new items with the feed state in "
                    + "one transaction. Settings: ingest.group.id, ingest.instance.id (unique per running instance), "
                    + "ingest.max.concurrent.fetches.")
    boolean serve;

    @Option(
            names = "--feed-list",
            paramLabel = "FILE",
            description = "With --serve: YAML feed list (config/feeds.yaml format) written to feeds.v1 at start. "
                    + "Adds and updates feeds; a feed missing from the file is not removed.")
    Path feedList;

    @Option(
            names = "--http-port",
            paramLabel = "PORT",
            description = "With --serve: port of the HTTP server (push API, /health, /ready, /metrics); 0 takes any "
                    + "free port. Default: setting http.port, else 8081.")
    Integer httpPort;

    @Option(
            names = "--broker-timeout",
            paramLabel = "SECONDS",
            description = "How long to wait for the Kafka cluster (start-up checks, a send) before giving up with "
                    + "exit code 4. Default: setting " + BrokerWait.CONFIG_KEY + " (milliseconds), else 15 s.")
    Integer brokerTimeoutSeconds;

    @Override
    public Integer call() throws InterruptedException {
        if (serve && (!files.isEmpty() || !feeds.isEmpty())) {
            throw new ParameterException(
                    spec.commandLine(), "--serve polls the listed feeds: give no --file or --feed");
        }
        if (!serve && (feedList != null || httpPort != null)) {
            throw new ParameterException(spec.commandLine(), "--feed-list and --http-port go with --serve");
        }
        if (httpPort != null && (httpPort < 0 || httpPort > 65535)) {
            throw new ParameterException(spec.commandLine(), "--http-port must be between 0 and 65535");
        }
        if (!serve && files.isEmpty() && feeds.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "give at least one --file or --feed, or --serve");
        }
        if (brokerTimeoutSeconds != null && brokerTimeoutSeconds <= 0) {
            throw new ParameterException(spec.commandLine(), "--broker-timeout must be a positive number of seconds");
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        NewsradarConfig config = options.load();
        if (brokerTimeoutSeconds != null) {
            config = config.with(BrokerWait.CONFIG_KEY, Long.toString(brokerTimeoutSeconds * 1000L));
        }
        try {
            checkCluster(config, serve ? SERVE_TOPICS : List.of(Topics.NEWS_RAW));
        } catch (BrokerUnavailableException | TopicAdminException e) {
            return infrastructureFailure(err, e.getMessage());
        }
        if (serve) {
            return new IngestServe(out, err)
                    .run(config, feedList, httpPort == null ? OptionalInt.empty() : OptionalInt.of(httpPort));
        }
        List<IngestSummary> summaries = new ArrayList<>();
        try (ArticlePublisher publisher = new ArticlePublisher(config)) {
            try {
                // a long file says how far it is on stderr; stdout keeps only the summary
                IngestProgress progress = IngestProgress.printedTo(err);
                for (Path f : files) {
                    summaries.add(publishFile(f, publisher, progress));
                }
                for (String feed : feeds) {
                    summaries.add(publishFeed(feed, publisher));
                }
            } catch (IngestInterruptedException e) {
                // every send has been acknowledged or has failed: nothing is left to wait for
                publisher.close(Duration.ZERO);
                summaries.add(e.partial());
                report(out, summaries, err);
                return infrastructureFailure(err, e.getMessage() + "; stopped there, later inputs were not read");
            }
            publisher.close(Duration.ofSeconds(30));
        }
        return report(out, summaries, err) ? ExitCodes.OK : EXIT_SOME_REJECTED;
    }

    /**
     * Before the first article: the cluster answers, the topic is there (created unless the user
     * opted out). Each step is bounded by the broker wait, so a wrong address or a missing topic
     * ends the run at once instead of failing every article after the producer's own timeouts.
     */
    private void checkCluster(NewsradarConfig config, List<TopicDef<?, ?>> topics) {
        Duration wait = BrokerWait.of(config);
        BrokerPreflight preflight = new BrokerPreflight(config.kafkaClientProps(), wait);
        preflight.requireCluster();
        Pipeline.prepareTopics(options, boundedForAdmin(config, wait), topics);
        try {
            for (TopicDef<?, ?> topic : topics) {
                preflight.requireTopic(topic.name());
            }
        } catch (BrokerUnavailableException e) {
            if (options.noCreateTopics) {
                throw new BrokerUnavailableException(
                        e.getMessage() + " (--no-create-topics was given: create it, or run without that option)",
                        e.getCause());
            }
            throw e;
        }
    }

    /** The config with the admin client's timeouts bounded, where the operator did not set them. */
    private static NewsradarConfig boundedForAdmin(NewsradarConfig config, Duration wait) {
        NewsradarConfig bounded = config;
        for (Map.Entry<String, Object> e : BrokerWait.boundAdmin(Map.of(), wait).entrySet()) {
            String key = NewsradarConfig.KAFKA_PREFIX + e.getKey();
            if (config.get(key) == null) {
                bounded = bounded.with(key, String.valueOf(e.getValue()));
            }
        }
        return bounded;
    }

    private static int infrastructureFailure(PrintWriter err, String message) {
        err.println("newsradar ingest: " + message);
        err.flush();
        return ExitCodes.INFRASTRUCTURE;
    }

    /** One file; a file that cannot be read at all is one rejected source, and the others still go. */
    static IngestSummary publishFile(Path file, ArticlePublisher publisher) {
        return publishFile(file, publisher, IngestProgress.silent());
    }

    /** {@link #publishFile(Path, ArticlePublisher)}, with progress lines for a long file. */
    static IngestSummary publishFile(Path file, ArticlePublisher publisher, IngestProgress progress) {
        try {
            return IngestJobs.publishFile(file, publisher, progress);
        } catch (BrokerUnavailableException e) {
            throw e; // the cluster's failure, not the file's: it stops the run
        } catch (IOException | RuntimeException e) {
            return unreadable(file.toString(), e);
        }
    }

    /** One feed; a feed that cannot be fetched or parsed is one rejected source, and the others still go. */
    static IngestSummary publishFeed(String feed, ArticlePublisher publisher) {
        try {
            return IngestJobs.publishFeed(feed, publisher);
        } catch (BrokerUnavailableException e) {
            throw e; // the cluster's failure, not the feed's: it stops the run
        } catch (FeedReadException | RuntimeException e) {
            return unreadable(feed, e);
        }
    }

    private static IngestSummary unreadable(String input, Exception e) {
        return new IngestSummary(input, 0, 0, List.of(new IngestError(input, "whole input", Newsradar.describe(e))));
    }

    /**
     * Prints one line per source, every rejection and truncation, and how many articles changed
     * id with the id scheme; true when nothing was rejected.
     */
    static boolean report(PrintWriter out, List<IngestSummary> summaries, PrintWriter err) {
        boolean clean = true;
        int newIds = 0;
        for (IngestSummary s : summaries) {
            out.println(s.describe());
            for (IngestError e : s.rejected()) {
                err.println("  rejected: " + e.message());
                clean = false;
            }
            for (IngestError n : s.notes()) {
                err.println("  " + (n.reason().contains("truncated") ? "truncated" : "changed") + ": " + n.message());
            }
            newIds += s.newIds();
        }
        if (newIds > 0) {
            String note = newIdNote(newIds);
            out.println(note);
            log.info("{}", note);
        }
        out.flush();
        err.flush();
        return clean;
    }

    /**
     * Why a re-ingest after an upgrade can alert again on known articles: their id changed, the
     * new id hashes to another partition, and the scoring stream has no revision under it.
     */
    static String newIdNote(int newIds) {
        return "note: " + newIds + (newIds == 1 ? " article has" : " articles have") + " a new id under id scheme "
                + ArticleIds.ID_SCHEME + " (http/https, www. and #! links are identified anew); where an earlier "
                + "version ingested " + (newIds == 1 ? "it" : "them") + ", the scoring stream scores "
                + (newIds == 1 ? "it as a new article" : "them as new articles") + " once. The old id is in the "
                + ArticleHeaders.PREVIOUS_ID + " record header.";
    }
}
