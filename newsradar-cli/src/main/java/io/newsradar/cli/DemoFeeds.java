package io.newsradar.cli;

import io.newsradar.http.EmbeddedHttpServer;
import io.newsradar.ingest.poll.FeedMetrics;
import io.newsradar.ingest.poll.HttpFeedPoll;
import io.newsradar.ingest.poll.PollOutcome;
import io.newsradar.ingest.poll.PollStatus;
import io.newsradar.ingest.service.FeedListPublisher;
import io.newsradar.ingest.service.FeedMetricsEvents;
import io.newsradar.ingest.service.FeedPollerService;
import io.newsradar.ingest.service.PollEvents;
import io.newsradar.ingest.service.PollerSettings;
import io.newsradar.schemas.config.NewsradarConfig;
import io.newsradar.schemas.feeds.FeedRecord;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The demo's feed polling: the sample feeds served over local HTTP ({@link SampleFeedServer})
 * and polled by the real feed poller, its meters and readiness check on the process's one HTTP
 * server ({@link DemoServer}, which also carries the push API). The sample server keeps its port in the data
 * dir, so the feed URLs (and the feeds' stored ETags) survive a restart: a second run gets 304s
 * and publishes nothing again.
 */
final class DemoFeeds implements AutoCloseable {
    /** Short, so a newcomer sees the 304s within a minute of starting the demo. */
    static final Duration POLL_INTERVAL = Duration.ofSeconds(20);

    private static final String PORT_FILE = "sample-feeds.port";

    private final SampleFeedServer feedServer;
    private final FeedPollerService poller;
    private final List<FeedRecord> feeds;
    private final CountingEvents counts;

    private DemoFeeds(
            SampleFeedServer feedServer, FeedPollerService poller, List<FeedRecord> feeds, CountingEvents counts) {
        this.feedServer = feedServer;
        this.poller = poller;
        this.feeds = feeds;
        this.counts = counts;
    }

    /**
     * Serves {@code feedDir}, lists its feeds on {@code feeds.v1} and starts polling them.
     *
     * @param http the process's server (started): the poller's meters and readiness check go there
     */
    static DemoFeeds start(NewsradarConfig config, Path feedDir, Path dataDir, EmbeddedHttpServer http)
            throws IOException {
        NewsradarConfig demo = ingestConfig(config);
        SampleFeedServer server = SampleFeedServer.start(feedDir, savedPort(dataDir));
        Files.writeString(dataDir.resolve(PORT_FILE), Integer.toString(server.port()), StandardCharsets.UTF_8);
        List<FeedRecord> feeds = new ArrayList<>();
        for (String file : server.feedFiles()) {
            // a fixed id per file: the key of the feed's state, whatever port the server gets
            feeds.add(new FeedRecord(
                    "sample-" + file.replaceAll("[^A-Za-z0-9]+", "-").toLowerCase(Locale.ROOT),
                    server.urlOf(file),
                    "",
                    POLL_INTERVAL,
                    0,
                    List.of(),
                    "",
                    "Samples"));
        }
        try (FeedListPublisher list = new FeedListPublisher(demo)) {
            list.publish(feeds);
            FeedMetrics metrics = new FeedMetrics(http.meters());
            CountingEvents counts =
                    new CountingEvents(new FeedMetricsEvents(metrics), ConcurrentHashMap.newKeySet(), new AtomicLong());
            FeedPollerService poller = new FeedPollerService(demo, HttpFeedPoll.from(demo, metrics), counts);
            http.readinessCheck("feed-poller", poller::isReady);
            poller.start();
            return new DemoFeeds(server, poller, List.copyOf(feeds), counts);
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
    }

    /** The demo's ingest settings: instance id "demo" unless the config names one. */
    static NewsradarConfig ingestConfig(NewsradarConfig config) {
        return config.with(PollerSettings.INSTANCE_ID, config.get(PollerSettings.INSTANCE_ID, "demo"));
    }

    private static int savedPort(Path dataDir) {
        try {
            return Integer.parseInt(Files.readString(dataDir.resolve(PORT_FILE), StandardCharsets.UTF_8)
                    .strip());
        } catch (IOException | NumberFormatException e) {
            return 0; // first run, or an unreadable file: any free port
        }
    }

    /** Counts what the demo reports: feeds that answered (a feed or a 304) and items published. */
    private record CountingEvents(PollEvents metrics, Set<String> answered, AtomicLong published)
            implements PollEvents {
        @Override
        public void committed(FeedRecord feed, PollOutcome outcome, int count) {
            metrics.committed(feed, outcome, count);
            published.addAndGet(count);
            if (outcome.status() == PollStatus.FETCHED || outcome.status() == PollStatus.NOT_MODIFIED) {
                answered.add(feed.id());
            }
        }
    }

    /** Whether every sample feed has been polled and its outcome committed in this run. */
    boolean allPolledOnce() {
        return counts.answered().size() >= feeds.size();
    }

    /** Feed items published (committed) in this run. */
    long published() {
        return counts.published().get();
    }

    int feedCount() {
        return feeds.size();
    }

    String feedServerUrl() {
        return "http://127.0.0.1:" + feedServer.port() + "/";
    }

    boolean isStopped() {
        return poller.isStopped();
    }

    /** Why the poller stopped by itself, if it did. */
    String failure() {
        return poller.failure().map(Newsradar::describe).orElse("see the log above");
    }

    @Override
    public void close() {
        try {
            poller.close(IngestServe.CLOSE_TIMEOUT);
        } finally {
            feedServer.close();
        }
    }
}
