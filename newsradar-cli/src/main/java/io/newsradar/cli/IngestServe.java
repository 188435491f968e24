package io.newsradar.cli;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.newsradar.http.ProcessMeters;
import io.newsradar.ingest.ArticleNormalizer;
import io.newsradar.ingest.ArticlePublisher;
import io.newsradar.ingest.IngestHttp;
import io.newsradar.ingest.feeds.FeedList;
import io.newsradar.ingest.feeds.FeedListException;
import io.newsradar.ingest.feeds.FeedListLoader;
import io.newsradar.ingest.feeds.FeedRecords;
import io.newsradar.ingest.poll.FeedMetrics;
import io.newsradar.ingest.poll.FeedPoll;
import io.newsradar.ingest.poll.HttpFeedPoll;
import io.newsradar.ingest.service.FeedListPublisher;
import io.newsradar.ingest.service.FeedMetricsEvents;
import io.newsradar.ingest.service.FeedPollerService;
import io.newsradar.ingest.service.PollEvents;
import io.newsradar.ingest.service.PollerSettings;
import io.newsradar.schemas.config.NewsradarConfig;
import io.newsradar.schemas.feeds.FeedRecord;
import io.newsradar.schemas.topics.Topics;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.apache.kafka.common.KafkaException;

/**
 * {@code newsradar ingest --serve}: writes the feed list (if given) to {@code feeds.v1}, then runs
 * the feed poller and, on the process's one HTTP server, the push API with {@code /health},
 * {@code /ready} and {@code /metrics}, until Ctrl-C; exits non-zero when the poller stops by itself.
 */
final class IngestServe {
    /** Within the shutdown hook's own wait (60 s), so the poller is closed before the JVM halts. */
    static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);

    /** How long a cluster failure answers pushes with 503 at once before the cluster is tried again. */
    static final Duration PUSH_FAIL_FAST = Duration.ofSeconds(5);

    /** Where the service gets its {@link FeedPoll}: the HTTP poller; tests put their own. */
    static BiFunction<NewsradarConfig, FeedMetrics, FeedPoll> feedPolls = HttpFeedPoll::from;

    /** What the service reports per committed poll: the per-feed meters; tests put their own. */
    static Function<FeedMetrics, PollEvents> pollEvents = FeedMetricsEvents::new;

    private final PrintWriter out;
    private final PrintWriter err;

    IngestServe(PrintWriter out, PrintWriter err) {
        this.out = out;
        this.err = err;
    }

    /**
     * The cluster is checked and the topics exist when this is called.
     *
     * @param httpPort the CLI's port option, when given (it wins over {@code http.port})
     */
    int run(NewsradarConfig config, Path feedList, OptionalInt httpPort) throws InterruptedException {
        PollerSettings settings = PollerSettings.from(config);
        if (feedList != null) {
            Integer written = writeFeedList(config, feedList);
            if (written == null) {
                return ExitCodes.FAILED;
            }
            if (written < 0) {
                return ExitCodes.INFRASTRUCTURE;
            }
        }
        // before the first article, which would otherwise wait for the language profiles
        ArticleNormalizer.warmUp();
        PrometheusMeterRegistry meters = ProcessMeters.newRegistry();
        FeedMetrics metrics = new FeedMetrics(meters);
        try (ArticlePublisher pushPublisher = ArticlePublisher.forService(config, PUSH_FAIL_FAST);
                IngestHttp http = IngestHttp.start(config, httpPort, meters, pushPublisher);
                FeedPollerService poller =
                        new FeedPollerService(config, feedPolls.apply(config, metrics), pollEvents.apply(metrics))) {
            http.server().readinessCheck("feed-poller", poller::isReady);
            Shutdown shutdown = new Shutdown();
            try {
                poller.start();
                out.println("ingest service polling the feeds of " + Topics.FEEDS.name()
                        + " as instance '" + settings.instanceId() + "' of group '" + settings.groupId()
                        + "' against " + config.bootstrapServers() + " (Ctrl-C stops it)");
                out.println("HTTP on port " + http.port() + ": POST /v1/articles (push), GET /health, /ready, "
                        + "/metrics");
                out.flush();
                if (!shutdown.awaitRequestOr(poller::isStopped)) {
                    String reason = poller.failure().map(Newsradar::describe).orElse("see the log above");
                    err.println("newsradar ingest: the feed poller stopped by itself: " + reason);
                    err.flush();
                    return poller.failedOnInfrastructure() ? ExitCodes.INFRASTRUCTURE : ExitCodes.FAILED;
                }
                return ExitCodes.OK;
            } finally {
                // closed (polls in flight dropped, the group left) BEFORE the hook is released
                try {
                    poller.close(CLOSE_TIMEOUT);
                } finally {
                    shutdown.done();
                }
            }
        }
    }

    /** The feed count written; null for a bad list, -1 when the cluster did not take it. */
    private Integer writeFeedList(NewsradarConfig config, Path file) {
        FeedList list;
        try {
            list = FeedListLoader.load(file);
        } catch (FeedListException e) {
            failed(e.getMessage());
            return null;
        }
        List<FeedRecord> records = FeedRecords.ofList(list.feeds(), file);
        try (FeedListPublisher publisher = new FeedListPublisher(config)) {
            int n = publisher.publish(records);
            out.println("listed " + n + " feed(s) from " + file.toAbsolutePath() + " on "
                    + Topics.FEEDS.name() + " (added or updated; feeds missing from "
                    + "the file are not removed)");
            out.flush();
            return n;
        } catch (KafkaException e) {
            failed("cannot write the feed list to the Kafka cluster: " + Newsradar.describe(e));
            return -1;
        }
    }

    private int failed(String message) {
        err.println("newsradar ingest: " + message);
        err.flush();
        return ExitCodes.FAILED;
    }
}
