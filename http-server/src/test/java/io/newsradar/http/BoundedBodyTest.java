package io.newsradar.http;

import static io.newsradar.http.HttpCalls.request;
import static io.newsradar.http.HttpCalls.send;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BoundedBodyTest {
    private static final int LIMIT = 1000;

    private EmbeddedHttpServer server;

    @BeforeEach
    void start() {
        server = new EmbeddedHttpServer(HttpSettings.loopbackAnyPort(), ProcessMeters.newRegistry());
        server.routes(r ->
                r.post("/v1/size", ctx -> ctx.result(Integer.toString(BoundedBody.read(ctx, LIMIT).length))));
        server.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void aBodyWithinTheLimitIsReadWhole() {
        HttpResponse<String> r = post(HttpRequest.BodyPublishers.ofByteArray(new byte[LIMIT]));

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).isEqualTo(Integer.toString(LIMIT));
    }

    @Test
    void aDeclaredLengthOverTheLimitIsRefused() {
        HttpResponse<String> r = post(HttpRequest.BodyPublishers.ofByteArray(new byte[LIMIT + 1]));

        assertThat(r.statusCode()).isEqualTo(413);
        assertThat(r.body())
                .contains("\"error\"")
                .contains("Content-Length is 1001")
                .contains("\"limitBytes\":1000");
    }

    @Test
    void aChunkedBodyIsCutAtTheLimit() {
        // an input stream of unknown length makes the client send chunked, without Content-Length
        HttpResponse<String> r =
                post(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(new byte[LIMIT * 3])));

        assertThat(r.statusCode()).isEqualTo(413);
        assertThat(r.body()).contains("the body is longer");
    }

    @Test
    void aChunkedBodyWithinTheLimitIsRead() {
        HttpResponse<String> r =
                post(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(new byte[300])));

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).isEqualTo("300");
    }

    private HttpResponse<String> post(HttpRequest.BodyPublisher body) {
        return send(request(server, "/v1/size").POST(body).build());
    }
}
