package io.newsradar.scoring.dashboard;

import static io.newsradar.scoring.dashboard.FeedHealthTest.NOW;
import static io.newsradar.scoring.dashboard.FeedHealthTest.state;
import static io.newsradar.scoring.dashboard.HttpCalls.get;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsradar.http.BearerToken;
import io.newsradar.http.EmbeddedHttpServer;
import io.newsradar.http.HttpSettings;
import io.newsradar.http.ProcessMeters;
import io.newsradar.schemas.config.NewsradarConfig;
import io.newsradar.scoring.ScoringApp;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DashboardTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DashboardSettings SETTINGS =
            new DashboardSettings(Duration.ofMinutes(10), Duration.ofSeconds(5));

    private final FakeSources.Feeds feeds = new FakeSources.Feeds();
    private final FakeSources.Dlq dlq = new FakeSources.Dlq();
    private EmbeddedHttpServer server;
    private Dashboard dashboard;

    private void start(HttpSettings settings) {
        server = new EmbeddedHttpServer(settings, ProcessMeters.newRegistry());
        dashboard = Dashboard.register(server, feeds, dlq, SETTINGS, Clock.fixed(NOW, ZoneOffset.UTC), List.of());
        server.start();
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
            dashboard.close();
        }
    }

    @Test
    void servesThePageAtTheRootAndAtDashboardWithItsOwnFilesOnly() {
        start(HttpSettings.loopbackAnyPort());

        for (String path : List.of("/", "/dashboard")) {
            HttpResponse<String> page = get(server, path);
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
            assertThat(page.headers().firstValue("Content-Security-Policy"))
                    .hasValueSatisfying(csp -> assertThat(csp).startsWith("default-src 'self'"));
            assertThat(page.body()).contains("/dashboard/dashboard.js", "/dashboard/dashboard.css");
        }
        assertThat(get(server, "/dashboard/dashboard.js").headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("text/javascript"));
        assertThat(get(server, "/dashboard/dashboard.css").statusCode()).isEqualTo(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"index.html", "dashboard.js", "dashboard.css"})
    void theFilesLoadNothingFromAnotherOrigin(String file) throws IOException {
        String text = resource(file);

        // no absolute or protocol-relative URL, no imported style sheet or web font
        assertThat(text).doesNotContain("://").doesNotContain("@import").doesNotContain("@font-face");
        assertThat(text).doesNotContainPattern("(src|href)=\"//");
        // article text is never parsed as HTML
        assertThat(text).doesNotContain("innerHTML").doesNotContain("insertAdjacentHTML");
    }

    @Test
    void feedHealthListsEveryFeedWithItsState() throws Exception {
        feeds.states.add(state("wire-ok", NOW.plusSeconds(120), 0, ""));
        feeds.states.add(state("wire-down", NOW.plusSeconds(120), 3, "HTTP 503"));
        feeds.states.add(state("wire-stalled", NOW.minus(Duration.ofMinutes(30)), 0, ""));
        start(HttpSettings.loopbackAnyPort());

        HttpResponse<String> r = get(server, Dashboard.FEEDS_HEALTH_PATH);

        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode body = JSON.readTree(r.body());
        assertThat(body.path("loaded").asBoolean()).isTrue();
        assertThat(body.path("staleAfterSeconds").asLong()).isEqualTo(600);
        assertThat(body.path("stale").asInt()).isEqualTo(1);
        assertThat(body.path("failing").asInt()).isEqualTo(1);
        assertThat(body.path("feeds")).hasSize(3);
        JsonNode stalled = body.path("feeds").get(1);
        assertThat(stalled.path("feedId").asText()).isEqualTo("wire-stalled");
        assertThat(stalled.path("stale").asBoolean()).isTrue();
        assertThat(stalled.path("overdueSeconds").asLong()).isEqualTo(1800);
        JsonNode down = body.path("feeds").get(0);
        assertThat(down.path("feedId").asText()).isEqualTo("wire-down");
        assertThat(down.path("failing").asBoolean()).isTrue();
        assertThat(down.path("lastError").asText()).isEqualTo("HTTP 503");
        // a feed URL may carry a credential: never shown
        assertThat(r.body()).doesNotContain("feeds.test").doesNotContain("hush");
    }

    @Test
    void feedHealthFailsLoudlyWhenTheStatesCannotBeRead() throws Exception {
        feeds.failure = "cannot read feeds.state.v1: broker away";
        start(HttpSettings.loopbackAnyPort());

        HttpResponse<String> r = get(server, Dashboard.FEEDS_HEALTH_PATH);

        assertThat(r.statusCode()).isEqualTo(503);
        assertThat(JSON.readTree(r.body()).path("error").asText()).contains("broker away");
    }

    @Test
    void dlqCountsPerTopicAndA503WhenTheClusterCannotBeAsked() throws Exception {
        dlq.counts = List.of(new DlqCounter.DlqCount("news.dlq.v1", 3), new DlqCounter.DlqCount("delivery.dlq.v1", -1));
        start(HttpSettings.loopbackAnyPort());

        JsonNode body = JSON.readTree(get(server, Dashboard.DLQ_COUNTS_PATH).body());
        assertThat(body.path("topics").get(0).path("topic").asText()).isEqualTo("news.dlq.v1");
        assertThat(body.path("topics").get(0).path("records").asLong()).isEqualTo(3);
        assertThat(body.path("topics").get(0).path("exists").asBoolean()).isTrue();
        assertThat(body.path("topics").get(1).path("exists").asBoolean()).isFalse();
        assertThat(body.path("topics").get(1).path("records").asLong()).isZero();

        dlq.failure = new IllegalStateException("the cluster did not answer within 10 s");
        HttpResponse<String> failed = get(server, Dashboard.DLQ_COUNTS_PATH);
        assertThat(failed.statusCode()).isEqualTo(503);
        assertThat(JSON.readTree(failed.body()).path("error").asText()).contains("did not answer");
    }

    @Test
    void withATokenThePageAsksBrowsersToLogInAndTheApisAnswerJson() throws Exception {
        start(HttpSettings.loopbackAnyPort().withToken(BearerToken.of("dash-token-0123456789", "test")));

        HttpResponse<String> page = get(server, "/");
        assertThat(page.statusCode()).isEqualTo(401);
        assertThat(page.body()).contains("login-form");

        HttpResponse<String> api = get(server, Dashboard.FEEDS_HEALTH_PATH);
        assertThat(api.statusCode()).isEqualTo(401);
        assertThat(JSON.readTree(api.body()).path("error").asText()).isNotBlank();

        HttpResponse<String> link = get(server, "/dashboard?token=dash-token-0123456789");
        assertThat(link.statusCode()).isEqualTo(303);
        assertThat(link.headers().firstValue("Location")).hasValue("/dashboard");
    }

    @Test
    void wiresOntoAScoringAppsServerInOneLineAndClosesWithIt(@TempDir Path dir) {
        NewsradarConfig config = NewsradarConfig.defaults()
                // nothing listens there: the readers start, and the page is served all the same
                .with(NewsradarConfig.BOOTSTRAP_SERVERS, "127.0.0.1:1")
                .with(NewsradarConfig.STATE_DIR, dir.resolve("state").toString());
        try (ScoringApp app = new ScoringApp(config)) {
            server = new EmbeddedHttpServer(HttpSettings.loopbackAnyPort(), ProcessMeters.newRegistry());
            dashboard = Dashboard.register(server, app);
            server.start();

            assertThat(get(server, "/").statusCode()).isEqualTo(200);
            Thread reader = Thread.getAllStackTraces().keySet().stream()
                    .filter(t -> t.getName().equals("newsradar-dashboard-feed-states"))
                    .findFirst()
                    .orElseThrow();
            server.close();
            assertThat(reader.isAlive()).isFalse();
        }
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = Dashboard.class.getResourceAsStream("/io/newsradar/scoring/dashboard/" + name)) {
            assertThat(in).as(name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
