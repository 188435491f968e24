package io.newsradar.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.newsradar.avro.Alert;
import io.newsradar.http.ProcessMeters;
import io.newsradar.ingest.ArticlePublisher;
import io.newsradar.ingest.IngestHttp;
import io.newsradar.ingest.push.PushApi;
import io.newsradar.localkafka.LocalKafkaBroker;
import io.newsradar.localkafka.TopicAdmin;
import io.newsradar.schemas.config.NewsradarConfig;
import io.newsradar.schemas.serde.AvroSerdes;
import io.newsradar.schemas.topics.Topics;
import io.newsradar.scoring.RevisionSettings;
import io.newsradar.scoring.ScoringApp;
import io.newsradar.scoring.http.ScoringHttp;
import io.newsradar.sink.AlertSink;
import io.newsradar.sink.JsonLinesFileDestination;
import io.newsradar.sink.SinkHttp;
import io.newsradar.sink.SinkMeters;
import io.newsradar.testsupport.TestKafka;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Must-show 1 of the operations issue: a known input through the three services, each with its
 * own HTTP server and registry as in three processes, and the exact figures read from their real
 * {@code /metrics} endpoints over HTTP, cross-checked against the committed topics.
 *
 * <p>Input: three sample articles pushed to the ingest push API (one, the Tidewatch programme,
 * alerts on {@code defense-ai} and on {@code defense-korea-japan}; the other two alert nowhere),
 * the Tidewatch article pushed again unchanged (an exact repeat), and one undecodable record written
 * straight to {@code news.raw.v1}. The run has no aborted transaction (one broker, nothing
 * fails), so the in-process counters are exact here (docs/metrics.md says when they are not).
 *
 * <p>A broker of its own: the scoring stream reads {@code news.raw.v1} from the start, which on
 * the shared test broker holds other tests' articles.
 */
@Tag("integration")
class MetricsEndpointsIntegrationTest {
    private static final Path SAMPLES = Path.of("..", "config", "samples", "articles.jsonl");
    private static final String ALERTING = "tidewatch-joint-ai-programme";
    private static final Duration WAIT = Duration.ofSeconds(120);
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    private final List<AutoCloseable> resources = new java.util.ArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        // in reverse: services before the broker
        for (int i = resources.size() - 1; i >= 0; i--) {
            resources.get(i).close();
        }
    }

    @Test
    void metricsEndpointsShowTheExactFiguresOfAKnownInput() throws Exception {
        LocalKafkaBroker broker = LocalKafkaBroker.startTemporary();
        resources.add(broker);
        TopicAdmin.ensureTopics(broker.clientProps(), Topics.all(), 1, (short) 1);
        Path alertsFile = tmp.resolve("alerts.jsonl");
        NewsradarConfig config = NewsradarConfig.defaults()
                .with(NewsradarConfig.BOOTSTRAP_SERVERS, broker.bootstrapServers())
                .with(NewsradarConfig.APPLICATION_ID, TestKafka.uniqueId("metrics-it"))
                .with(NewsradarConfig.STATE_DIR, tmp.resolve("streams").toString())
                .with(NewsradarConfig.SINK_GROUP, TestKafka.uniqueId("metrics-sink"))
                // the samples' dates are months apart and retention runs on event time: with the 30-day
                // default the first article's entry would expire before its repeat comes (as in the demo)
                .with(RevisionSettings.RETENTION, "P3650D");
        PipelineProgress progress = new PipelineProgress(config.kafkaClientProps());
        resources.add(progress);
        List<String> alertTopics = List.of(
                Topics.alerts(Topics.DEFENSE_AI_ROUTE).name(),
                Topics.alerts(Topics.DEFENSE_KOREA_JAPAN_ROUTE).name());
        List<String> outputTopics = concat(
                List.of(
                        Topics.NEWS_SCORED.name(),
                        Topics.NEWS_DLQ.name(),
                        Topics.METRICS_TAGS.name(),
                        Topics.METRICS_ROUTES.name()),
                alertTopics);
        // the topics were just created: their partitions may take a moment to be served
        RunOutputs outputs = await().atMost(WAIT)
                .ignoreExceptions()
                .until(() -> RunOutputs.begin(progress, outputTopics), java.util.Objects::nonNull);

        // scoring: the port first, then the app, then its meters and the server (ScoringHttp's order)
        ScoringHttp scoringHttp = ScoringHttp.create(config, OptionalInt.of(0), ProcessMeters.newRegistry());
        resources.add(scoringHttp);
        ScoringApp scoring = new ScoringApp(config);
        resources.add(() -> scoring.close(Duration.ofSeconds(30)));
        scoringHttp.register(scoring).start();
        scoring.start();

        // the sink: its meters, then the sink, then its server
        PrometheusMeterRegistry sinkRegistry = ProcessMeters.newRegistry();
        SinkMeters sinkMeters = new SinkMeters(sinkRegistry);
        resources.add(sinkMeters);
        JsonLinesFileDestination file = new JsonLinesFileDestination(alertsFile);
        AlertSink sink = new AlertSink(config, List.of(file), alert -> true, sinkMeters);
        resources.add(sink);
        SinkHttp sinkHttp = SinkHttp.start(config, OptionalInt.of(0), sinkRegistry, sinkMeters, sink);
        resources.add(sinkHttp);
        Thread loop = new Thread(sink, "metrics-it-sink");
        loop.setDaemon(true);
        loop.start();

        // ingest: the push API on its own server
        ArticlePublisher publisher = ArticlePublisher.forService(config, IngestServe.PUSH_FAIL_FAST);
        resources.add(() -> publisher.close(Duration.ofSeconds(5)));
        IngestHttp ingestHttp = IngestHttp.start(config, OptionalInt.of(0), ProcessMeters.newRegistry(), publisher);
        resources.add(ingestHttp);

        await().atMost(WAIT).until(() -> scoring.state() == KafkaStreams.State.RUNNING && sink.isRunning());
        assertThat(status(scoringHttp.port(), "/ready")).isEqualTo(200);
        assertThat(status(sinkHttp.port(), "/ready")).isEqualTo(200);

        // in event-time order (the storm warning in February, the programme in March, the grocer in
        // May), the repeat last: no article is late for a per-minute window
        String alerting = sampleLine(ALERTING);
        String batch = String.join(
                        "\n",
                        sampleLine("coastal-storm-warning"),
                        alerting,
                        sampleLine("grocer-quarterly-results"),
                        alerting)
                + "\n";
        HttpResponse<String> pushed = post(ingestHttp.port(), PushApi.PATH, batch);
        assertThat(pushed.statusCode()).as(pushed.body()).isEqualTo(202);
        writeUndecodable(config);

        awaitScoringCaughtUp(progress, config);
        RunOutputs.Output output = await().atMost(WAIT)
                .until(outputs::ifStable, Optional::isPresent)
                .orElseThrow();
        Map<String, Long> alertsPerRoute = output.records().stream()
                .filter(r -> alertTopics.contains(r.topic()))
                .map(r -> AvroSerdes.alert().decode(r.value()))
                .collect(Collectors.groupingBy(Alert::getRoute, Collectors.counting()));
        // the committed topics first: what the counters must equal
        assertThat(output.count(List.of(Topics.NEWS_SCORED.name()))).isEqualTo(3);
        assertThat(output.count(List.of(Topics.NEWS_DLQ.name()))).isEqualTo(1);
        assertThat(alertsPerRoute)
                .containsExactlyInAnyOrderEntriesOf(
                        Map.of(Topics.DEFENSE_AI_ROUTE, 1L, Topics.DEFENSE_KOREA_JAPAN_ROUTE, 1L));
        String sinkGroup = config.get(NewsradarConfig.SINK_GROUP);
        await().atMost(WAIT).until(() -> progress.caughtUp(sinkGroup, output.nextOffsets(alertTopics)));

        Scrape ingest = Scrape.of(ingestHttp.port()).saveAs("ingest");
        assertThat(ingest.value("newsradar_push_articles_total", "outcome", "accepted"))
                .as("four articles accepted (the repeat too: ingest does not dedupe)")
                .hasValue(4.0);
        assertThat(ingest.value("newsradar_push_articles_total", "outcome", "rejected"))
                .hasValue(0.0);

        // the Kafka binders add a new task's or partition's metrics on their next refresh (every
        // few seconds): scrape once they are there; the counters are final already
        Scrape scored = await().atMost(WAIT)
                .until(
                        () -> Scrape.of(scoringHttp.port()),
                        s -> s.names()
                                .containsAll(List.of(
                                        "kafka_stream_client_state",
                                        "kafka_stream_task_dropped_records_total",
                                        "kafka_consumer_fetch_manager_records_lag_max")))
                .saveAs("scoring");
        assertThat(scored.value("newsradar_scoring_scored_total")).hasValue(3.0);
        assertThat(scored.value("newsradar_scoring_repeats_total")).hasValue(1.0);
        assertThat(scored.value("newsradar_scoring_revisions_total")).hasValue(0.0);
        assertThat(scored.value("newsradar_scoring_dead_lettered_total")).hasValue(1.0);
        assertThat(scored.value("newsradar_scoring_stories_started_total")).hasValue(3.0);
        assertThat(scored.value(
                        "newsradar_scoring_alerts_total",
                        "route",
                        Topics.DEFENSE_AI_ROUTE,
                        "priority",
                        "high",
                        "status",
                        "NEW"))
                .hasValue(1.0);
        assertThat(scored.value(
                        "newsradar_scoring_alerts_total",
                        "route",
                        Topics.DEFENSE_KOREA_JAPAN_ROUTE,
                        "priority",
                        "normal",
                        "status",
                        "NEW"))
                .hasValue(1.0);
        assertThat(scored.sum("newsradar_scoring_alerts_total"))
                .as("alerts counted = alerts committed on the alert topics")
                .isEqualTo(alertsPerRoute.values().stream()
                        .mapToLong(Long::longValue)
                        .sum());
        assertThat(scored.names())
                .as("the Kafka Streams binder's metrics")
                .contains(
                        "kafka_stream_client_state",
                        "kafka_stream_task_dropped_records_total",
                        "kafka_consumer_fetch_manager_records_lag_max");

        Scrape delivered = await().atMost(WAIT)
                .until(
                        () -> Scrape.of(sinkHttp.port()),
                        s -> s.names()
                                .containsAll(List.of(
                                        "kafka_consumer_fetch_manager_records_consumed_total",
                                        "kafka_producer_record_send_total")))
                .saveAs("sink");
        assertThat(delivered.value("newsradar_sink_alerts_received_total", "route", Topics.DEFENSE_AI_ROUTE))
                .hasValue(1.0);
        assertThat(delivered.value("newsradar_sink_alerts_received_total", "route", Topics.DEFENSE_KOREA_JAPAN_ROUTE))
                .hasValue(1.0);
        assertThat(delivered.value(
                        "newsradar_sink_deliveries_total", "destination", file.name(), "outcome", "delivered"))
                .hasValue(2.0);
        assertThat(delivered.value("newsradar_sink_deliveries_total", "destination", file.name(), "outcome", "failed"))
                .hasValue(0.0);
        assertThat(delivered.value("newsradar_sink_retries_total", "destination", file.name()))
                .hasValue(0.0);
        assertThat(delivered.sum("newsradar_sink_dead_lettered_total")).isZero();
        assertThat(delivered.names())
                .as("the Kafka client binders' metrics")
                .contains("kafka_consumer_fetch_manager_records_consumed_total", "kafka_producer_record_send_total");

        assertThat(scored.value("newsradar_scoring_metrics_late_total", "aggregate", "tags"))
                .as("in event-time order: nothing late for its window")
                .hasValue(0.0);
        assertThat(scored.value("newsradar_scoring_metrics_late_total", "aggregate", "routes"))
                .hasValue(0.0);
        assertWindowedAggregates(output, alertsPerRoute);
    }

    /**
     * The windowed aggregates of the run on {@code metrics.tags.v1} against the committed scored
     * articles: per tag, the latest record of each (tag, window start) summed over the windows must
     * give as many articles, and the same score sum, as the scored records carrying the tag (the
     * input is pushed in event-time order, so no record is late for its window).
     *
     * <p>The same for {@code metrics.routes.v1}: the latest record of each (route, window start)
     * summed gives the alerts committed per route.
     */
    private static void assertWindowedAggregates(RunOutputs.Output output, Map<String, Long> expectedAlertsPerRoute)
            throws Exception {
        List<ConsumerRecord<byte[], byte[]>> tags = output.records().stream()
                .filter(r -> r.topic().equals(Topics.METRICS_TAGS.name()))
                .toList();
        assertThat(tags).as("records on metrics.tags.v1").isNotEmpty();
        Map<String, Long> expectedArticles = new TreeMap<>();
        Map<String, Double> expectedScores = new TreeMap<>();
        output.records().stream()
                .filter(r -> r.topic().equals(Topics.NEWS_SCORED.name()))
                .map(r -> AvroSerdes.scoredArticle().decode(r.value()))
                .forEach(scored -> scored.getTags().forEach(tag -> {
                    expectedArticles.merge(tag.getId(), 1L, Long::sum);
                    expectedScores.merge(tag.getId(), scored.getScore(), Double::sum);
                }));
        // readers keep the last record per (tag, window start)
        Map<String, JsonNode> latest = new LinkedHashMap<>();
        for (ConsumerRecord<byte[], byte[]> r : tags) {
            JsonNode json = JSON.readTree(r.value());
            assertThat(json.path("format").asInt()).isEqualTo(1);
            assertThat(json.path("tag").asText()).isEqualTo(new String(r.key(), StandardCharsets.UTF_8));
            latest.put(
                    json.path("tag").asText() + "@" + json.path("windowStart").asText(), json);
        }
        Map<String, Long> articles = new TreeMap<>();
        Map<String, Double> scores = new TreeMap<>();
        latest.values().forEach(json -> {
            articles.merge(json.path("tag").asText(), json.path("articles").asLong(), Long::sum);
            scores.merge(json.path("tag").asText(), json.path("scoreSum").asDouble(), Double::sum);
        });
        assertThat(articles).isEqualTo(expectedArticles);
        assertThat(scores.keySet()).isEqualTo(expectedScores.keySet());
        expectedScores.forEach((tag, sum) -> assertThat(scores.get(tag)).as(tag).isCloseTo(sum, within(1e-9)));

        Map<String, JsonNode> latestRoutes = new LinkedHashMap<>();
        for (ConsumerRecord<byte[], byte[]> r : output.records()) {
            if (r.topic().equals(Topics.METRICS_ROUTES.name())) {
                JsonNode json = JSON.readTree(r.value());
                assertThat(json.path("route").asText()).isEqualTo(new String(r.key(), StandardCharsets.UTF_8));
                latestRoutes.put(
                        json.path("route").asText() + "@"
                                + json.path("windowStart").asText(),
                        json);
            }
        }
        Map<String, Long> alertsPerRoute = new TreeMap<>();
        latestRoutes
                .values()
                .forEach(json -> alertsPerRoute.merge(
                        json.path("route").asText(), json.path("alerts").asLong(), Long::sum));
        assertThat(alertsPerRoute).isEqualTo(expectedAlertsPerRoute);
    }

    private static String sampleLine(String urlPart) throws Exception {
        return Files.readAllLines(SAMPLES, StandardCharsets.UTF_8).stream()
                .filter(l -> l.contains(urlPart))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no sample with " + urlPart));
    }

    private static void writeUndecodable(NewsradarConfig config) throws Exception {
        Map<String, Object> props = new HashMap<>(config.kafkaClientProps());
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<byte[], byte[]> producer =
                new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(
                            Topics.NEWS_RAW.name(),
                            "garbage".getBytes(StandardCharsets.UTF_8),
                            "\u0000\u0001 not an Avro single-object record".getBytes(StandardCharsets.UTF_8)))
                    .get();
        }
    }

    private static void awaitScoringCaughtUp(PipelineProgress progress, NewsradarConfig config) throws Exception {
        Map<TopicPartition, Long> rawEnds = progress.endOffsets(List.of(Topics.NEWS_RAW.name()));
        String appId = config.get(NewsradarConfig.APPLICATION_ID);
        await().atMost(WAIT).ignoreExceptions().until(() -> progress.streamsCaughtUp(appId, rawEnds));
    }

    private static HttpResponse<String> post(int port, String path, String body) throws Exception {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                                .timeout(WAIT)
                                .header("Content-Type", "application/x-ndjson")
                                .POST(HttpRequest.BodyPublishers.ofString(body))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
    }

    private static int status(int port, String path) throws Exception {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                                .timeout(WAIT)
                                .build(),
                        HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new java.util.ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
