package io.newsradar.http;

import static io.newsradar.http.HttpCalls.get;
import static io.newsradar.http.HttpCalls.request;
import static io.newsradar.http.HttpCalls.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Counter;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class EmbeddedHttpServerTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private EmbeddedHttpServer server =
            new EmbeddedHttpServer(HttpSettings.loopbackAnyPort(), ProcessMeters.newRegistry());

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void healthAnswersWhileTheProcessRuns() throws Exception {
        server.start();

        HttpResponse<String> r = get(server, "/health");

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(json(r).path("status").asText()).isEqualTo("up");
    }

    @Test
    void readyOnlyWhenEveryCheckPassesAndNamesTheFailingOnes() throws Exception {
        AtomicBoolean kafka = new AtomicBoolean(false);
        server.readinessCheck("kafka", kafka::get);
        server.readinessCheck("rules", () -> true);
        server.readinessCheck("broken", () -> {
            throw new IllegalStateException("boom");
        });
        server.start();

        HttpResponse<String> notReady = get(server, "/ready");
        assertThat(notReady.statusCode()).isEqualTo(503);
        assertThat(json(notReady).path("error").asText()).isEqualTo("not ready");
        assertThat(json(notReady).path("failed").toString()).isEqualTo("[\"broken\",\"kafka\"]");

        kafka.set(true);
        server.readinessCheck("broken", () -> true); // replaced by name
        HttpResponse<String> ready = get(server, "/ready");
        assertThat(ready.statusCode()).isEqualTo(200);
        assertThat(json(ready).path("checks").toString()).isEqualTo("[\"broken\",\"kafka\",\"rules\"]");
    }

    @Test
    void metricsServesTheSharedRegistryInPrometheusTextFormat() throws Exception {
        Counter.builder("newsradar.test.things").register(server.meters()).increment(3);
        server.start();

        HttpResponse<String> r = get(server, "/metrics");

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type"))
                .hasValueSatisfying(ct -> assertThat(ct).startsWith("text/plain; version=0.0.4"));
        assertThat(r.body()).contains("newsradar_test_things_total 3.0").contains("jvm_memory_used_bytes");
    }

    @Test
    void servesTheRoutesServicesAddedBeforeTheStart() throws Exception {
        server.routes(r -> r.get("/v1/echo", ctx -> ctx.result("echo " + ctx.queryParam("q"))));
        server.start();

        HttpResponse<String> r = get(server, "/v1/echo?q=hi");

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).isEqualTo("echo hi");
        assertThatThrownBy(() -> server.routes(x -> {}))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("already been started");
    }

    @Test
    void everyErrorHasTheJsonErrorShape() throws Exception {
        server.routes(r -> r.post("/v1/fail", ctx -> {
                    throw HttpError.of(503, "broker busy")
                            .withField("retryAfterSeconds", 5)
                            .withHeader("Retry-After", "5");
                })
                .get("/v1/bug", ctx -> {
                    throw new IllegalStateException("internal detail password=hunter2");
                }));
        server.start();

        HttpResponse<String> thrown = send(request(server, "/v1/fail")
                .POST(HttpRequest.BodyPublishers.noBody())
                .build());
        assertThat(thrown.statusCode()).isEqualTo(503);
        assertThat(thrown.headers().firstValue("Retry-After")).hasValue("5");
        assertThat(thrown.headers().firstValue("Content-Type"))
                .hasValueSatisfying(ct -> assertThat(ct).startsWith("application/json"));
        assertThat(json(thrown).path("error").asText()).isEqualTo("broker busy");
        assertThat(json(thrown).path("retryAfterSeconds").asInt()).isEqualTo(5);

        HttpResponse<String> bug = get(server, "/v1/bug");
        assertThat(bug.statusCode()).isEqualTo(500);
        assertThat(json(bug).path("error").asText()).isEqualTo("internal error");
        assertThat(bug.body()).doesNotContain("hunter2").doesNotContain("detail");

        HttpResponse<String> missing = get(server, "/nowhere");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(json(missing).path("error").asText()).isNotBlank();

        HttpResponse<String> wrongMethod = get(server, "/v1/fail");
        assertThat(wrongMethod.statusCode()).isEqualTo(405);
        assertThat(json(wrongMethod).path("error").asText()).isNotBlank();
    }

    @Test
    void portZeroBindsAFreePortAndCloseFreesIt() throws Exception {
        server.start();
        int port = server.port();
        assertThat(port).isPositive();
        assertThat(get(server, "/health").statusCode()).isEqualTo(200);

        server.close();

        try (ServerSocket again = new ServerSocket(port, 50, InetAddress.getByName("127.0.0.1"))) {
            assertThat(again.getLocalPort()).isEqualTo(port);
        }
        assertThatThrownBy(() -> HttpCalls.CLIENT.send(
                        java.net.http.HttpRequest.newBuilder(
                                        java.net.URI.create("http://127.0.0.1:" + port + "/health"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(ConnectException.class);
        server.close(); // idempotent
        assertThatThrownBy(server::start).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aTakenPortFailsTheStart() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"))) {
            EmbeddedHttpServer second = new EmbeddedHttpServer(
                    HttpSettings.loopbackAnyPort().withPort(taken.getLocalPort()), ProcessMeters.newRegistry());
            try {
                assertThatThrownBy(second::start).hasMessageContaining(Integer.toString(taken.getLocalPort()));
            } finally {
                second.close();
            }
        }
    }

    private static JsonNode json(HttpResponse<String> r) throws IOException {
        return JSON.readTree(r.body());
    }

    @Test
    void closesWhatItWasGivenOnceAfterItStopped() {
        java.util.List<String> closed = new java.util.ArrayList<>();
        server.closeWith(() -> closed.add("first"));
        server.closeWith(() -> {
            closed.add("second");
            throw new IOException("already gone");
        });
        server.start();

        server.close();
        server.close();

        assertThat(closed).containsExactly("second", "first");
        assertThatThrownBy(() -> server.closeWith(() -> {})).isInstanceOf(IllegalStateException.class);
    }
}
