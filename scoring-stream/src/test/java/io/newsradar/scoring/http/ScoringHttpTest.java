package io.newsradar.scoring.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsradar.http.ProcessMeters;
import io.newsradar.schemas.config.NewsradarConfig;
import io.newsradar.scoring.ScoringApp;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.OptionalInt;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The scoring service's server without a broker: the port before the stream, the meters, readiness. */
class ScoringHttpTest {
    @TempDir
    Path stateDir;

    @Test
    void thePortIsKnownAndHeldBeforeTheStreamIsBuiltAndTheServerServesItsMetrics() throws Exception {
        NewsradarConfig config = NewsradarConfig.defaults()
                // nothing listens here; building the app does no I/O and the stream is never started
                .with(NewsradarConfig.BOOTSTRAP_SERVERS, "127.0.0.1:9")
                .with(NewsradarConfig.STATE_DIR, stateDir.toString())
                .with("http.host", "127.0.0.1");
        try (ScoringHttp http = ScoringHttp.create(config, OptionalInt.of(0), ProcessMeters.newRegistry())) {
            int port = http.port();
            assertThat(port).isPositive();
            assertThat(portIsFree(port))
                    .as("held for the server until it starts")
                    .isFalse();
            try (ScoringApp app = new ScoringApp(config)) {
                http.register(app).start();
                assertThat(http.server().port()).isEqualTo(port);

                HttpResponse<String> metrics = get(port, "/metrics");
                assertThat(metrics.statusCode()).isEqualTo(200);
                assertThat(metrics.body())
                        .contains("newsradar_scoring_scored_total 0.0")
                        .contains("newsradar_scoring_dead_lettered_total 0.0")
                        .contains("kafka_stream_client_state");
                HttpResponse<String> ready = get(port, "/ready");
                assertThat(ready.statusCode())
                        .as("a stream not started is not ready")
                        .isEqualTo(503);
                assertThat(ready.body()).contains(ScoringHttp.READINESS_CHECK);
            }
        }
    }

    @Test
    void readyWhileRunningOrRebalancingOnly() {
        for (KafkaStreams.State state : KafkaStreams.State.values()) {
            boolean expected = state == KafkaStreams.State.RUNNING || state == KafkaStreams.State.REBALANCING;
            assertThat(ScoringHttp.isReady(state)).as(state.name()).isEqualTo(expected);
        }
    }

    @Test
    void aConfiguredPortIsTakenAsIs() {
        NewsradarConfig config = NewsradarConfig.defaults().with("http.port", "18082");
        try (ScoringHttp http = ScoringHttp.create(config, OptionalInt.empty(), ProcessMeters.newRegistry())) {
            assertThat(http.port()).isEqualTo(18082);
        }
        try (ScoringHttp http =
                ScoringHttp.create(NewsradarConfig.defaults(), OptionalInt.empty(), ProcessMeters.newRegistry())) {
            assertThat(http.port()).isEqualTo(ScoringHttp.DEFAULT_PORT);
        }
    }

    private static boolean portIsFree(int port) {
        try (ServerSocket probe = new ServerSocket(port, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            return true;
        } catch (java.io.IOException e) {
            return false;
        }
    }

    private static HttpResponse<String> get(int port, String path) throws Exception {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                                .timeout(Duration.ofSeconds(10))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
    }
}
