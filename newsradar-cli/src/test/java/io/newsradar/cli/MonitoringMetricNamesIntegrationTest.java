package io.newsradar.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.newsradar.http.EmbeddedHttpServer;
import io.newsradar.http.ProcessMeters;
import io.newsradar.ingest.ArticlePublisher;
import io.newsradar.ingest.IngestHttp;
import io.newsradar.ingest.poll.FeedMetrics;
import io.newsradar.ingest.poll.HttpFeedPoll;
import io.newsradar.ingest.push.PushApi;
import io.newsradar.localkafka.LocalKafkaBroker;
import io.newsradar.localkafka.TopicAdmin;
import io.newsradar.schemas.config.NewsradarConfig;
import io.newsradar.schemas.topics.Topics;
import io.newsradar.scoring.ScoringApp;
import io.newsradar.scoring.http.ScoringHttp;
import io.newsradar.sink.AlertSink;
import io.newsradar.sink.JsonLinesFileDestination;
import io.newsradar.sink.SinkHttp;
import io.newsradar.sink.SinkMeters;
import io.newsradar.testsupport.TestKafka;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every metric name the Prometheus alert rules and the Grafana dashboard read is exported by a
 * service: the services run in-process with their own HTTP servers, see a little traffic, and
 * their {@code /metrics} are scraped over HTTP. Renaming a metric in the code, or a typo in a
 * rule or a panel, fails this test.
 *
 * <p>Ingest: IngestHttp with the push API, the feed poller's FeedMetrics on the same registry.
 * Scoring: ScoringApp behind ScoringHttp. Sink: AlertSink behind SinkHttp. A pushed sample article
 * alerts, so the label sets that appear with a first alert are there too.
 */
@Tag("integration")
class MonitoringMetricNamesIntegrationTest {
    private static final Path SAMPLE_ARTICLES = ComposeStack.ROOT.resolve("config/samples/articles.jsonl");
    private static final Path SAMPLE_FEED =
            ComposeStack.ROOT.resolve("config/samples/feeds/harbor-city-ledger.rss.xml");
    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    Path tmp;

    private final List<AutoCloseable> resources = new ArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        // in reverse: services before the broker
        for (int i = resources.size() - 1; i >= 0; i--) {
            resources.get(i).close();
        }
    }

    @Test
    void everyMetricTheRulesAndTheDashboardReadIsExportedByAService() throws Exception {
        LocalKafkaBroker broker = LocalKafkaBroker.startTemporary();
        resources.add(broker);
        TopicAdmin.ensureTopics(broker.clientProps(), Topics.all(), 1, (short) 1);
        NewsradarConfig config =
                NewsradarConfig.defaults().with(NewsradarConfig.BOOTSTRAP_SERVERS, broker.bootstrapServers());

        Map<String, Integer> ports = startScoringAndSink(config);
        Map<String, Set<String>> exported = new LinkedHashMap<>();
        exported.put("ingest", MonitoringQueries.scrapedNames(ingestAfterTraffic(config)));
        Map<String, Set<String>> used = MonitoringQueries.metricNamesUsed();

        // the alert reaches the sink, the binders find the consumers' partitions: then all is there
        await().atMost(Duration.ofSeconds(120)).untilAsserted(() -> {
            for (Map.Entry<String, Integer> service : ports.entrySet()) {
                String body = scrape(service.getValue());
                exported.put(service.getKey(), MonitoringQueries.scrapedNames(body));
            }
            Set<String> all = new TreeSet<>(MonitoringQueries.PROMETHEUS_OWN);
            exported.values().forEach(all::addAll);
            Map<String, Set<String>> missing = new TreeMap<>(used);
            missing.keySet().removeAll(all);
            assertThat(missing)
                    .as("metrics read by rules or panels that no service exports")
                    .isEmpty();
        });
        // the check has something to check: names of each kind, and every rule names a metric
        assertThat(used)
                .containsKeys(
                        "newsradar_feed_last_success_timestamp_seconds",
                        "newsradar_push_articles_total",
                        "newsradar_scoring_alerts_total",
                        "newsradar_sink_deliveries_total",
                        "kafka_consumer_fetch_manager_records_lag",
                        "jvm_memory_used_bytes",
                        "up");
        assertThat(MonitoringQueries.ruleExpressions())
                .allSatisfy((rule, expr) ->
                        assertThat(PromQlNames.of(expr)).as(rule).isNotEmpty());
        // and the ingest names the rules and panels read come from the real scrape
        assertThat(exported.get("ingest"))
                .contains(
                        "newsradar_feed_items_published_total",
                        "newsradar_feed_items_rejected_total",
                        "newsradar_feed_errors_total",
                        "newsradar_push_articles_total");
    }

    /**
     * The scoring stream and the alert sink, each with its own server and registry as in its own
     * process: their /metrics ports by service name.
     */
    private Map<String, Integer> startScoringAndSink(NewsradarConfig base) throws IOException {
        NewsradarConfig config = base.with(NewsradarConfig.APPLICATION_ID, TestKafka.uniqueId("monitoring-it"))
                .with(NewsradarConfig.STATE_DIR, tmp.resolve("streams").toString())
                .with(NewsradarConfig.SINK_GROUP, TestKafka.uniqueId("monitoring-sink"));
        ScoringHttp scoringHttp = ScoringHttp.create(config, OptionalInt.of(0), ProcessMeters.newRegistry());
        resources.add(scoringHttp);
        ScoringApp scoring = new ScoringApp(scoringHttp.advertised(config));
        resources.add(() -> scoring.close(Duration.ofSeconds(30)));
        scoringHttp.register(scoring).start();
        scoring.start();
        PrometheusMeterRegistry sinkRegistry = ProcessMeters.newRegistry();
        SinkMeters sinkMeters = new SinkMeters(sinkRegistry);
        resources.add(sinkMeters);
        AlertSink sink = new AlertSink(
                config, List.of(new JsonLinesFileDestination(tmp.resolve("alerts.jsonl"))), alert -> true, sinkMeters);
        resources.add(sink);
        SinkHttp sinkHttp = SinkHttp.start(config, OptionalInt.of(0), sinkRegistry, sinkMeters, sink);
        resources.add(sinkHttp);
        Thread loop = new Thread(sink, "monitoring-it-sink");
        loop.setDaemon(true);
        loop.start();
        return Map.of("scoring", scoringHttp.port(), "sink", sinkHttp.port());
    }

    private static String scrape(int port) throws IOException, InterruptedException {
        HttpResponse<String> r = send(HttpRequest.newBuilder(uri(port, EmbeddedHttpServer.METRICS_PATH))
                .GET());
        assertThat(r.statusCode()).isEqualTo(200);
        return r.body();
    }

    /** The ingest service after a push (one good line, one bad) and polls of a good, a partly bad and a missing feed. */
    private String ingestAfterTraffic(NewsradarConfig config) throws Exception {
        PrometheusMeterRegistry meters = ProcessMeters.newRegistry();
        FeedMetrics feedMetrics = new FeedMetrics(meters);
        ArticlePublisher publisher = ArticlePublisher.forService(config, IngestServe.PUSH_FAIL_FAST);
        resources.add(() -> publisher.close(Duration.ofSeconds(5)));
        IngestHttp http = IngestHttp.start(config, OptionalInt.of(0), meters, publisher);
        resources.add(http);

        // the sample that alerts on two routes
        String good = Files.readAllLines(SAMPLE_ARTICLES).stream()
                .filter(l -> l.contains("tidewatch-joint-ai-programme"))
                .findFirst()
                .orElseThrow();
        HttpResponse<String> pushed = send(HttpRequest.newBuilder(uri(http.port(), PushApi.PATH))
                .header("Content-Type", "application/x-ndjson")
                .POST(HttpRequest.BodyPublishers.ofString(good + "\n{\"title\": \"no url, no guid\"}\n")));
        assertThat(pushed.statusCode()).as(pushed.body()).isEqualTo(202);

        // the poller's work, on the registry the service serves (the runtime counts published items after commit)
        HttpFeedPoll poll = HttpFeedPoll.from(config, feedMetrics);
        Instant now = Instant.now();
        poll.poll(
                PrometheusRulesMetricsTest.feed(
                        "good", SAMPLE_FEED.toAbsolutePath().normalize()),
                Optional.empty(),
                now);
        poll.poll(PrometheusRulesMetricsTest.feed("partly-bad", partlyBadFeed()), Optional.empty(), now);
        poll.poll(PrometheusRulesMetricsTest.feed("missing", tmp.resolve("gone.xml")), Optional.empty(), now);
        feedMetrics.published("good", 2);

        HttpResponse<String> scrape = send(HttpRequest.newBuilder(uri(http.port(), EmbeddedHttpServer.METRICS_PATH))
                .GET());
        assertThat(scrape.statusCode()).isEqualTo(200);
        return scrape.body();
    }

    /** An RSS feed with one good item and one that names no link: the poller rejects the second. */
    private Path partlyBadFeed() throws IOException {
        Path file = tmp.resolve("partly-bad.rss.xml");
        Files.writeString(file, """
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0"><channel><title>Partly bad</title><link>https://bad.example.com/</link>
                <description>one good item, one without a link</description>
                <item><title>Good item</title><link>https://bad.example.com/good</link>
                <pubDate>Tue, 11 Mar 2025 06:30:00 GMT</pubDate><description>fine</description></item>
                <item><title>No link</title><description>nothing to identify it by</description></item>
                </channel></rss>
                """);
        return file;
    }

    private static URI uri(int port, String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(request.timeout(WAIT).build(), HttpResponse.BodyHandlers.ofString());
    }
}
