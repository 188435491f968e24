package io.newsradar.ingest.push;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsradar.avro.IngestChannel;
import io.newsradar.http.BearerToken;
import io.newsradar.http.EmbeddedHttpServer;
import io.newsradar.http.HttpSettings;
import io.newsradar.http.ProcessMeters;
import io.newsradar.ingest.ArticleNormalizer;
import io.newsradar.ingest.BrokerUnavailableException;
import io.newsradar.ingest.InvalidArticleException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The push API over real HTTP, with a publisher the test controls. */
class PushApiTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private static final String NDJSON = "application/x-ndjson";
    private static final int SMALL_LIMIT = 4096;

    private EmbeddedHttpServer server;
    private PushApi push;
    private FakePublisher publisher;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
        if (push != null) {
            push.close();
        }
    }

    @Test
    void oneJsonArticleIsAcceptedWithItsIdAsAPush() throws Exception {
        start(FakePublisher.acking(), PushSettings.defaults());

        HttpResponse<String> r = post("application/json", article("https://push.example.com/a", "Port reopens"));

        assertThat(r.statusCode()).isEqualTo(202);
        JsonNode body = json(r);
        assertThat(publisher.sent).hasSize(1);
        assertThat(body.path("accepted").toString())
                .isEqualTo("[{\"line\":1,\"id\":\"" + publisher.sent.get(0).getId() + "\"}]");
        assertThat(body.path("rejected").size()).isZero();
        assertThat(publisher.sent.get(0).getChannel()).isEqualTo(IngestChannel.PUSH);
        assertThat(publisher.sent.get(0).getUrl()).isEqualTo("https://push.example.com/a");
    }

    @Test
    void aBatchAcceptsTheValidLinesAndNamesEachRejectedOne() throws Exception {
        start(FakePublisher.acking(), PushSettings.defaults());
        String batch = article("https://push.example.com/1", "First") + "\n"
                + "{\"url\": \"https://push.example.com/2\", \"title\": 5}\n"
                + "\n" // blank: skipped, still counted
                + "{not json\r\n"
                + article("https://push.example.com/5", "Fifth") + "\n";

        HttpResponse<String> r = post(NDJSON, batch);

        assertThat(r.statusCode()).isEqualTo(202);
        JsonNode body = json(r);
        assertThat(body.path("accepted"))
                .extracting(n -> n.path("line").asInt())
                .containsExactly(1, 5);
        assertThat(body.path("accepted").get(1).path("id").asText())
                .isEqualTo(publisher.sent.get(1).getId());
        assertThat(body.path("rejected"))
                .extracting(n -> n.path("line").asInt())
                .containsExactly(2, 4);
        assertThat(body.path("rejected").get(0).path("reason").asText()).contains("'title'");
        assertThat(body.path("rejected").get(1).path("reason").asText()).contains("not valid JSON");
        String metrics = send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/metrics")))
                .body();
        assertThat(metrics)
                .contains("newsradar_push_articles_total{outcome=\"accepted\"} 2.0")
                .contains("newsradar_push_articles_total{outcome=\"rejected\"} 2.0")
                .contains("newsradar_push_requests_total{result=\"accepted\"} 1.0");
    }

    @Test
    void jsonLinesIsABatchTooAndAUtf8CharsetIsFine() {
        start(FakePublisher.acking(), PushSettings.defaults());
        String batch =
                article("https://push.example.com/j1", "One") + "\n" + article("https://push.example.com/j2", "Two");

        assertThat(post("application/jsonl", batch).statusCode()).isEqualTo(202);
        assertThat(post("application/x-ndjson; charset=UTF-8", batch).statusCode())
                .isEqualTo(202);
        assertThat(publisher.sent).hasSize(4);
    }

    @Test
    void anInvalidSingleArticleIs400NamingTheField() throws Exception {
        start(FakePublisher.acking(), PushSettings.defaults());

        HttpResponse<String> badField =
                post("application/json", "{\"url\": \"https://push.example.com/x\", \"publishedAt\": \"yesterday\"}");
        HttpResponse<String> array = post("application/json", "[" + article("https://push.example.com/y", "Y") + "]");
        HttpResponse<String> empty = post("application/json", "  ");

        assertThat(badField.statusCode()).isEqualTo(400);
        assertThat(json(badField).path("error").asText()).contains("'publishedAt'");
        assertThat(json(badField).path("rejected").get(0).path("line").asInt()).isEqualTo(1);
        assertThat(array.statusCode()).isEqualTo(400);
        assertThat(json(array).path("error").asText()).contains("array").contains(NDJSON);
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(publisher.sent).isEmpty();
    }

    @Test
    void aBatchWithoutAnyValidLineIs400WithEveryLinesReason() throws Exception {
        start(FakePublisher.acking(), PushSettings.defaults());
        byte[] notUtf8 = {'{', '"', 't', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};
        byte[] batch = concat(
                "{\"title\": \"no url\"}\n".getBytes(StandardCharsets.UTF_8),
                notUtf8,
                "\n[]\n".getBytes(StandardCharsets.UTF_8));

        HttpResponse<String> r = send(request(NDJSON).POST(HttpRequest.BodyPublishers.ofByteArray(batch)));
        HttpResponse<String> blank = post(NDJSON, "\n\n");

        assertThat(r.statusCode()).isEqualTo(400);
        JsonNode body = json(r);
        assertThat(body.path("error").asText()).contains("every line was rejected");
        assertThat(body.path("rejected"))
                .extracting(n -> n.path("line").asInt())
                .containsExactly(1, 2, 3);
        assertThat(body.path("rejected").get(0).path("reason").asText()).contains("no url");
        assertThat(body.path("rejected").get(1).path("reason").asText()).contains("UTF-8");
        assertThat(body.path("rejected").get(2).path("reason").asText()).contains("JSON object");
        assertThat(blank.statusCode()).isEqualTo(400);
        assertThat(json(blank).path("error").asText()).contains("no article");
        assertThat(publisher.sent).isEmpty();
    }

    @Test
    void aBodyOverTheLimitIs413WithOrWithoutContentLength() throws Exception {
        start(FakePublisher.acking(), new PushSettings(SMALL_LIMIT, Duration.ofSeconds(10), 5));
        byte[] big = bigBatch(SMALL_LIMIT + 1);

        HttpResponse<String> declared = send(request(NDJSON).POST(HttpRequest.BodyPublishers.ofByteArray(big)));
        HttpResponse<String> chunked = send(
                request(NDJSON).POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big))));

        assertThat(declared.statusCode()).isEqualTo(413);
        assertThat(json(declared).path("error").asText()).contains("Content-Length");
        assertThat(chunked.statusCode()).isEqualTo(413);
        assertThat(json(chunked).path("limitBytes").asInt()).isEqualTo(SMALL_LIMIT);
        assertThat(publisher.sent).isEmpty();
    }

    @Test
    void aWrongOrMissingContentTypeIs415() throws Exception {
        start(FakePublisher.acking(), PushSettings.defaults());
        String one = article("https://push.example.com/t", "T");

        HttpResponse<String> text = post("text/plain", one);
        HttpResponse<String> latin1 = post("application/json; charset=ISO-8859-1", one);
        HttpResponse<String> none = send(HttpRequest.newBuilder(uri()).POST(HttpRequest.BodyPublishers.ofString(one)));

        assertThat(text.statusCode()).isEqualTo(415);
        assertThat(json(text).path("acceptedContentTypes").toString()).contains("application/json", NDJSON);
        assertThat(latin1.statusCode()).isEqualTo(415);
        assertThat(json(latin1).path("error").asText()).contains("UTF-8");
        assertThat(none.statusCode()).isEqualTo(415);
        assertThat(publisher.sent).isEmpty();
    }

    @Test
    void withATokenConfiguredAPushWithoutItIs401() {
        publisher = FakePublisher.acking();
        server = new EmbeddedHttpServer(
                HttpSettings.loopbackAnyPort().withToken(BearerToken.of("push-token-42", "http.token")),
                ProcessMeters.newRegistry());
        push = PushApi.register(server, PushSettings.defaults(), new ArticleNormalizer(), publisher);
        server.start();
        String one = article("https://push.example.com/auth", "Auth");

        HttpResponse<String> without = post("application/json", one);
        HttpResponse<String> with = send(request("application/json")
                .header("Authorization", "Bearer push-token-42")
                .POST(HttpRequest.BodyPublishers.ofString(one)));

        assertThat(without.statusCode()).isEqualTo(401);
        assertThat(without.headers().firstValue("WWW-Authenticate")).isPresent();
        assertThat(with.statusCode()).isEqualTo(202);
        assertThat(publisher.sent).hasSize(1);
    }

    @Test
    void aBrokerThatDoesNotAcknowledgeInTimeGets503WithRetryAfter() throws Exception {
        start(FakePublisher.silent(), new PushSettings(SMALL_LIMIT, Duration.ofMillis(300), 7));

        HttpResponse<String> r = post("application/json", article("https://push.example.com/slow", "Slow"));

        assertThat(r.statusCode()).isEqualTo(503);
        assertThat(r.headers().firstValue("Retry-After")).hasValue("7");
        assertThat(json(r).path("error").asText()).contains("did not acknowledge 1 of 1");
        assertThat(json(r).path("retryAfterSeconds").asInt()).isEqualTo(7);
    }

    @Test
    void aSendThatBlocksStillGets503InTimeAndLaterRequestsPastTheirDeadlineSendNothing() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        start(FakePublisher.blockingFirst(release), new PushSettings(SMALL_LIMIT, Duration.ofMillis(300), 5));
        try {
            HttpResponse<String> blocked = post("application/json", article("https://push.example.com/b1", "Blocked"));
            HttpResponse<String> queued = post("application/json", article("https://push.example.com/b2", "Queued"));

            assertThat(blocked.statusCode()).isEqualTo(503);
            assertThat(queued.statusCode()).isEqualTo(503);
        } finally {
            release.countDown();
        }
        HttpResponse<String> after = post("application/json", article("https://push.example.com/b3", "After"));

        assertThat(after.statusCode()).isEqualTo(202);
        // one send thread, in order: "Queued" had its turn before "After" and sent nothing, its client gone
        assertThat(publisher.sent).extracting(a -> a.getTitle()).containsExactly("Blocked", "After");
    }

    @Test
    void aPushWhileTheServiceStopsGets503() throws Exception {
        start(FakePublisher.acking(), PushSettings.defaults());
        push.close(); // the send thread is gone, the server still answers

        HttpResponse<String> r = post("application/json", article("https://push.example.com/late", "Late"));

        assertThat(r.statusCode()).isEqualTo(503);
        assertThat(publisher.sent).isEmpty();
    }

    @Test
    void aFailedClusterGets503AtOnce() throws Exception {
        start(
                FakePublisher.failing(new BrokerUnavailableException("cannot publish: timeout", null)),
                PushSettings.defaults());

        HttpResponse<String> r = post(
                NDJSON,
                article("https://push.example.com/f1", "F1") + "\n" + article("https://push.example.com/f2", "F2"));

        assertThat(r.statusCode()).isEqualTo(503);
        assertThat(r.headers().firstValue("Retry-After")).hasValue("5");
        assertThat(json(r).path("error").asText()).contains("2 of 2");
    }

    @Test
    void anArticleTheBrokerRefusesIsARejectedLineNotA503() throws Exception {
        start(
                FakePublisher.failingTitles("Huge", new InvalidArticleException("record too large for the broker")),
                PushSettings.defaults());

        HttpResponse<String> r = post(
                NDJSON,
                article("https://push.example.com/ok", "Fine") + "\n" + article("https://push.example.com/h", "Huge"));

        assertThat(r.statusCode()).isEqualTo(202);
        assertThat(json(r).path("accepted"))
                .extracting(n -> n.path("line").asInt())
                .containsExactly(1);
        assertThat(json(r).path("rejected").get(0).path("reason").asText())
                .isEqualTo("record too large for the broker");
    }

    @Test
    void theAnswerWaitsForEveryAcknowledgement() throws Exception {
        start(FakePublisher.byHand(), PushSettings.defaults());
        String batch =
                article("https://push.example.com/w1", "W1") + "\n" + article("https://push.example.com/w2", "W2");

        CompletableFuture<HttpResponse<String>> response = CLIENT.sendAsync(
                request(NDJSON).POST(HttpRequest.BodyPublishers.ofString(batch)).build(),
                HttpResponse.BodyHandlers.ofString());
        await().atMost(Duration.ofSeconds(10)).until(() -> publisher.pending.size() == 2);
        publisher.pending.get(1).complete("ack");

        assertThat(response).isNotDone(); // the first article is not acknowledged yet
        publisher.pending.get(0).complete("ack");
        HttpResponse<String> r = response.get(10, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(r.statusCode()).isEqualTo(202);
        assertThat(json(r).path("accepted").size()).isEqualTo(2);
    }

    @Test
    void otherMethodsOnThePathAre405() {
        start(FakePublisher.acking(), PushSettings.defaults());

        HttpResponse<String> r = send(HttpRequest.newBuilder(uri()).GET());

        assertThat(r.statusCode()).isEqualTo(405);
    }

    private void start(FakePublisher fake, PushSettings settings) {
        publisher = fake;
        server = new EmbeddedHttpServer(HttpSettings.loopbackAnyPort(), ProcessMeters.newRegistry());
        push = PushApi.register(server, settings, new ArticleNormalizer(), publisher);
        server.start();
    }

    static String article(String url, String title) {
        return "{\"url\": \"" + url + "\", \"source\": \"Push Wire\", \"title\": \"" + title
                + "\", \"body\": \"Text of " + title + ".\", \"publishedAt\": \"2025-03-01T08:00:00Z\"}";
    }

    private static byte[] bigBatch(int atLeast) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; sb.length() < atLeast; i++) {
            sb.append(article("https://push.example.com/big" + i, "Big " + i)).append('\n');
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] concat(byte[]... parts) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    private URI uri() {
        return URI.create("http://127.0.0.1:" + server.port() + PushApi.PATH);
    }

    private HttpRequest.Builder request(String contentType) {
        return HttpRequest.newBuilder(uri()).timeout(Duration.ofSeconds(30)).header("Content-Type", contentType);
    }

    private HttpResponse<String> post(String contentType, String body) {
        return send(request(contentType).POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode json(HttpResponse<String> r) throws IOException {
        return JSON.readTree(r.body());
    }
}
