package io.newsradar.http;

import static io.newsradar.http.HttpCalls.get;
import static io.newsradar.http.HttpCalls.request;
import static io.newsradar.http.HttpCalls.send;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsradar.schemas.config.NewsradarConfig;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class BearerAuthTest {
    private static final String TOKEN = "s3cret-push-token-0123456789";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    private EmbeddedHttpServer server;

    @BeforeEach
    void start() {
        logs.start();
        root().addAppender(logs);
        NewsradarConfig config = NewsradarConfig.load(null, Map.of("NEWSRADAR_HTTP_TOKEN", TOKEN))
                .with(HttpSettings.HOST, "127.0.0.1");
        server = new EmbeddedHttpServer(HttpSettings.from(config, 0), ProcessMeters.newRegistry());
        server.routes(r -> r.post("/v1/things", ctx -> ctx.status(202).result("taken")));
        server.readinessCheck("always", () -> true);
        server.start();
    }

    @AfterEach
    void stop() {
        server.close();
        root().detachAppender(logs);
    }

    @Test
    void healthAndReadyAreOpen() {
        assertThat(get(server, "/health").statusCode()).isEqualTo(200);
        assertThat(get(server, "/ready").statusCode()).isEqualTo(200);
    }

    @Test
    void metricsAndServiceRoutesNeedTheToken() throws Exception {
        HttpResponse<String> none = get(server, "/metrics");
        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(none.headers().firstValue("WWW-Authenticate")).hasValue("Bearer realm=\"newsradar\"");
        assertThat(JSON.readTree(none.body()).path("error").asText()).contains("Authorization: Bearer");

        HttpResponse<String> post = send(request(server, "/v1/things")
                .POST(HttpRequest.BodyPublishers.ofString("{}"))
                .build());
        assertThat(post.statusCode()).isEqualTo(401);

        HttpResponse<String> basic = send(request(server, "/metrics")
                .header("Authorization", "Basic " + TOKEN)
                .build());
        assertThat(basic.statusCode()).isEqualTo(401);
    }

    @Test
    void aWrongTokenIsRefusedAsInvalid() throws Exception {
        HttpResponse<String> r = send(request(server, "/metrics")
                .header("Authorization", "Bearer " + TOKEN + "x")
                .build());

        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(r.headers().firstValue("WWW-Authenticate"))
                .hasValue("Bearer realm=\"newsradar\", error=\"invalid_token\"");
        assertThat(r.body()).doesNotContain(TOKEN);
    }

    @Test
    void theRightTokenPassesWhateverTheSchemeCase() {
        HttpResponse<String> metrics = send(request(server, "/metrics")
                .header("Authorization", "Bearer " + TOKEN)
                .build());
        HttpResponse<String> post = send(request(server, "/v1/things")
                .header("Authorization", "bearer " + TOKEN)
                .POST(HttpRequest.BodyPublishers.ofString("{}"))
                .build());

        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(post.statusCode()).isEqualTo(202);
        assertThat(post.body()).isEqualTo("taken");
    }

    @Test
    void unknownPathsNeedTheTokenToo() {
        assertThat(get(server, "/v1/secret-route").statusCode()).isEqualTo(401);
        HttpResponse<String> authorised = send(request(server, "/v1/secret-route")
                .header("Authorization", "Bearer " + TOKEN)
                .build());
        assertThat(authorised.statusCode()).isEqualTo(404);
    }

    @Test
    void theTokenIsNeverLoggedNorPrinted() {
        send(request(server, "/metrics")
                .header("Authorization", "Bearer " + TOKEN)
                .build());
        send(request(server, "/metrics").header("Authorization", "Bearer wrong").build());
        send(request(server, "/nowhere")
                .header("Authorization", "Bearer " + TOKEN)
                .build());

        assertThat(logs.list)
                .allSatisfy(e -> assertThat(e.getFormattedMessage()).doesNotContain(TOKEN));
        assertThat(logs.list)
                .extracting(ILoggingEvent::getFormattedMessage)
                .anySatisfy(m -> assertThat(m).contains("bearer token required"));
        assertThat(HttpSettings.from(NewsradarConfig.defaults().with(HttpSettings.TOKEN, TOKEN), 0)
                        .toString())
                .doesNotContain(TOKEN);
    }

    private static Logger root() {
        return (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    }
}
