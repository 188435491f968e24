package io.newsradar.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.newsradar.ingest.push.PushApi;
import io.newsradar.schemas.config.NewsradarConfig;
import io.newsradar.schemas.topics.Topics;
import io.newsradar.scoring.ScoringApp;
import io.newsradar.scoring.http.ScoringHttp;
import io.newsradar.sink.AlertSink;
import io.newsradar.sink.JsonLinesFileDestination;
import io.newsradar.sink.SinkHttp;
import io.newsradar.testsupport.TestKafka;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo's one server: push API, scoring and sink meters and their readiness checks in one
 * registry, the Kafka metrics of the stream's clients and of the sink's clients side by side.
 */
@Tag("integration")
class DemoServerIntegrationTest {
    private static final Duration WAIT = Duration.ofSeconds(90);

    @TempDir
    Path dir;

    @Test
    void oneServerServesThePushApiAndTheMetricsOfAllThreeServices() throws Exception {
        TestKafka.ensureTopics(Topics.all());
        NewsradarConfig config = NewsradarConfig.defaults()
                .with(NewsradarConfig.BOOTSTRAP_SERVERS, TestKafka.bootstrapServers())
                .with(NewsradarConfig.APPLICATION_ID, TestKafka.uniqueId("demo-server"))
                .with(NewsradarConfig.STATE_DIR, dir.resolve("streams").toString())
                .with(NewsradarConfig.SINK_GROUP, TestKafka.uniqueId("demo-server-sink"))
                .with("http.host", "127.0.0.1");
        try (DemoServer server = DemoServer.create(config, 0);
                ScoringApp scoring = new ScoringApp(config);
                AlertSink sink = new AlertSink(
                        config,
                        List.of(new JsonLinesFileDestination(dir.resolve("alerts.jsonl"))),
                        alert -> true,
                        server.sinkMeters())) {
            int port = server.port();
            assertThat(port).as("known before the server starts").isPositive();
            server.register(scoring, sink);
            server.start();
            assertThat(server.http().port()).isEqualTo(port);
            HttpResponse<String> notReady = get(port, "/ready");
            assertThat(notReady.statusCode()).isEqualTo(503);
            assertThat(notReady.body()).contains(ScoringHttp.READINESS_CHECK, SinkHttp.READINESS_CHECK);

            scoring.start();
            Thread loop = new Thread(sink, "demo-server-it-sink");
            loop.setDaemon(true);
            loop.start();
            await().atMost(WAIT).until(() -> scoring.state() == KafkaStreams.State.RUNNING && sink.isRunning());
            assertThat(get(port, "/ready").statusCode()).isEqualTo(200);

            // the binders refresh every few seconds: wait until both have bound their consumers
            Scrape metrics = await().atMost(WAIT)
                    .until(
                            () -> Scrape.of(port),
                            s -> s.named("kafka_consumer_fetch_manager_records_lag_max").stream()
                                            .anyMatch(m ->
                                                    m.labels().get("client_id").endsWith("StreamThread-1-consumer"))
                                    && s.named("kafka_consumer_coordinator_assigned_partitions").stream()
                                            .anyMatch(m ->
                                                    !m.labels().get("client_id").contains("StreamThread")));
            assertThat(metrics.names())
                    .contains(
                            "newsradar_scoring_scored_total",
                            "newsradar_scoring_dead_lettered_total",
                            "newsradar_sink_deliveries_total",
                            "newsradar_sink_dead_lettered_total",
                            "kafka_stream_client_state",
                            "jvm_memory_used_bytes");
            HttpResponse<String> push = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + PushApi.PATH))
                                    .timeout(WAIT)
                                    .header("Content-Type", "application/x-ndjson")
                                    .POST(HttpRequest.BodyPublishers.ofString("{\"title\": \"no url\"}\n"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertThat(push.statusCode())
                    .as("the push API answers on the same port")
                    .isNotEqualTo(404);
            assertThat(Scrape.of(port).value("newsradar_push_articles_total", "outcome", "rejected"))
                    .hasValue(1.0);
        }
    }

    private static HttpResponse<String> get(int port, String path) throws Exception {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                                .timeout(WAIT)
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
    }
}
