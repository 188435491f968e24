package io.newsradar.scoring.query;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.newsradar.http.BearerToken;
import io.newsradar.http.EmbeddedHttpServer;
import io.newsradar.http.HttpSettings;
import io.newsradar.http.ProcessMeters;
import io.newsradar.schemas.config.NewsradarConfig;
import io.newsradar.scoring.query.LocalQueries.RecentAlert;
import io.newsradar.scoring.query.LocalQueries.TagMinute;
import io.newsradar.scoring.query.LocalQueries.TagMinutes;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.apache.kafka.streams.state.HostInfo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Two instances' HTTP servers on loopback, each with its own local part (no broker): what one is
 * asked covers both, keyed queries are forwarded to the owner with the caller's token, and a peer
 * that does not answer is named.
 */
class ScoringApiTest {
    private static final long T0 = 1_764_482_400_000L; // 2025-11-30T06:00:00Z
    private static final String TOKEN = "s3cret-query-token";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final FakeLocal localA = new FakeLocal();
    private final FakeLocal localB = new FakeLocal();
    private EmbeddedHttpServer serverA;
    private EmbeddedHttpServer serverB;
    private ScoringApi apiA;
    private ScoringApi apiB;
    private HostInfo a;
    private HostInfo b;
    private FakeCluster clusterA;

    @AfterEach
    void stop() {
        if (serverA != null) {
            serverA.close();
        }
        if (serverB != null) {
            serverB.close();
        }
    }

    /** Starts both servers and attaches each to a cluster of A, B and {@code others}. */
    private void start(HttpSettings settings, HostInfo... others) {
        QuerySettings query = new QuerySettings(java.util.Optional.empty(), Duration.ofSeconds(3));
        serverA = new EmbeddedHttpServer(settings, ProcessMeters.newRegistry());
        serverB = new EmbeddedHttpServer(settings, ProcessMeters.newRegistry());
        apiA = ScoringApi.register(serverA, query);
        apiB = ScoringApi.register(serverB, query);
        serverA.start();
        serverB.start();
        a = new HostInfo("127.0.0.1", serverA.port());
        b = new HostInfo("127.0.0.1", serverB.port());
        List<HostInfo> all = new java.util.ArrayList<>(List.of(a, b));
        all.addAll(List.of(others));
        clusterA = new FakeCluster(a, all);
        FakeCluster clusterB = new FakeCluster(b, all);
        clusterA.owners.put("story-b", b);
        clusterA.owners.put("unknown-b", b);
        apiA.attach(localA, clusterA);
        apiB.attach(localB, clusterB);
    }

    @Test
    void aStoryHeldByBIsForwardedThereFromA() throws Exception {
        localB.stories.put("story-b", story("story-b"));
        start(HttpSettings.loopbackAnyPort());

        Reply r = get(serverA, "/v1/stories/story-b", null);
        assertThat(r.status).isEqualTo(200);
        assertThat(r.body.get("id").asText()).isEqualTo("story-b");
        assertThat(r.body.get("coverage").asInt()).isEqualTo(2);

        Reply missing = get(serverA, "/v1/stories/unknown-b", null);
        assertThat(missing.status).isEqualTo(404);
        assertThat(missing.body.get("error").asText()).contains("unknown-b");
    }

    @Test
    void aStoryWhoseOwnerDoesNotAnswerIs503NamingIt() throws Exception {
        HostInfo dead = new HostInfo("127.0.0.1", freePort());
        start(HttpSettings.loopbackAnyPort(), dead);
        clusterA.owners.put("story-dead", dead);

        Reply r = get(serverA, "/v1/stories/story-dead", null);
        assertThat(r.status).isEqualTo(503);
        assertThat(r.body.get("partial").asBoolean()).isTrue();
        assertThat(texts(r.body.get("missing"))).containsExactly("127.0.0.1:" + dead.port());
        assertThat(r.body.get("error").asText()).contains("127.0.0.1:" + dead.port());
    }

    @Test
    void recentAlertsMergeBothInstancesNewestFirst() throws Exception {
        localA.alerts.add(alert(T0 + 1000, "s1:defense-ai:1"));
        localA.alerts.add(alert(T0 + 3000, "s3:defense-ai:1"));
        localB.alerts.add(alert(T0 + 2000, "s2:defense-ai:1"));
        localB.alerts.add(alert(T0 + 4000, "s4:defense-ai:1"));
        start(HttpSettings.loopbackAnyPort());

        Reply r = get(serverA, "/v1/alerts/recent?limit=3", null);
        assertThat(r.status).isEqualTo(200);
        assertThat(r.body.get("partial").asBoolean()).isFalse();
        assertThat(r.body.get("alerts").findValuesAsText("alertId"))
                .containsExactly("s4:defense-ai:1", "s3:defense-ai:1", "s2:defense-ai:1");
        assertThat(r.body.get("alerts").get(0).get("rationale").asText()).isEqualTo("why s4:defense-ai:1");
    }

    @Test
    void aPeerThatDoesNotAnswerMakesThePartialAnswerNameIt() throws Exception {
        localA.alerts.add(alert(T0, "s1:defense-ai:1"));
        localB.alerts.add(alert(T0 + 1, "s2:defense-ai:1"));
        HostInfo dead = new HostInfo("127.0.0.1", freePort());
        start(HttpSettings.loopbackAnyPort(), dead);

        Reply r = get(serverA, "/v1/alerts/recent", null);
        assertThat(r.status).isEqualTo(200);
        assertThat(r.body.get("partial").asBoolean()).isTrue();
        assertThat(texts(r.body.get("missing"))).containsExactly("127.0.0.1:" + dead.port());
        assertThat(r.body.get("alerts").findValuesAsText("alertId"))
                .containsExactly("s2:defense-ai:1", "s1:defense-ai:1");
    }

    @Test
    void aPeerAnsweringAnErrorIsMissingToo() throws Exception {
        localA.scores.record(3);
        localB.unavailable = true; // B's stores are moving
        start(HttpSettings.loopbackAnyPort());

        Reply r = get(serverA, "/v1/scores/histogram", null);
        assertThat(r.body.get("partial").asBoolean()).isTrue();
        assertThat(texts(r.body.get("missing"))).containsExactly("127.0.0.1:" + b.port());
        assertThat(r.body.get("buckets").get(3).get("articles").asLong()).isEqualTo(1);
    }

    @Test
    void freshnessQuantilesAreThoseOfTheMergedHistogram() throws Exception {
        for (int i = 0; i < 99; i++) {
            localA.fetched.record(10);
            localA.published.record(1000);
        }
        localB.fetched.record(10_000);
        localB.published.record(1000);
        start(HttpSettings.loopbackAnyPort());

        Reply r = get(serverA, "/v1/freshness", null);
        JsonNode f = r.body.get("fetchedToScored");
        assertThat(f.get("count").asLong()).isEqualTo(100);
        // an average of the two instances' medians would be about 5000
        assertThat(f.get("p50Ms").asLong()).isEqualTo(10);
        assertThat(f.get("maxMs").asLong()).isBetween(10_000L, 10_010L);
        assertThat(r.body.get("publishedToScored").get("count").asLong()).isEqualTo(100);
        assertThat(r.body.get("publishedToScored").get("p95Ms").asLong()).isEqualTo(1000);
    }

    @Test
    void topTagsSumBothInstancesWindows() throws Exception {
        localA.tags = new TagMinutes(
                OptionalLong.of(T0 + 120_000),
                List.of(new TagMinute("defense-ai", T0, 2, 12.0), new TagMinute("chips", T0 + 60_000, 1, 3.0)));
        localB.tags = new TagMinutes(
                OptionalLong.of(T0 + 180_000), List.of(new TagMinute("defense-ai", T0 + 120_000, 1, 3.0)));
        start(HttpSettings.loopbackAnyPort());

        Reply r = get(serverA, "/v1/tags/top?minutes=60&limit=10", null);
        assertThat(r.body.get("until").asText()).isEqualTo("2025-11-30T06:03:00Z");
        assertThat(r.body.get("from").asText()).isEqualTo("2025-11-30T05:03:00Z");
        assertThat(r.body.get("tags").findValuesAsText("tag")).containsExactly("defense-ai", "chips");
        assertThat(r.body.get("tags").get(0).get("articles").asLong()).isEqualTo(3);
        assertThat(r.body.get("tags").get(0).get("meanScore").asDouble()).isEqualTo(5.0);
    }

    @Test
    void theCallersTokenIsPassedOnToThePeer() throws Exception {
        localB.stories.put("story-b", story("story-b"));
        localB.alerts.add(alert(T0, "s2:defense-ai:1"));
        start(HttpSettings.loopbackAnyPort().withToken(BearerToken.of(TOKEN, "http.token")));

        assertThat(get(serverA, "/v1/alerts/recent", null).status).isEqualTo(401);
        // B asks for the token too: an answer with B's alert shows A passed it on
        Reply alerts = get(serverA, "/v1/alerts/recent", TOKEN);
        assertThat(alerts.body.get("partial").asBoolean()).isFalse();
        assertThat(alerts.body.get("alerts").findValuesAsText("alertId")).containsExactly("s2:defense-ai:1");
        assertThat(get(serverA, "/v1/stories/story-b", TOKEN).status).isEqualTo(200);
        assertThat(get(serverB, "/v1/internal/alerts/recent", null).status).isEqualTo(401);
    }

    @Test
    void aBrowserSessionsRequestReachesThePeerWithTheConfiguredToken() throws Exception {
        localB.alerts.add(alert(T0, "s2:defense-ai:1"));
        start(HttpSettings.loopbackAnyPort().withToken(BearerToken.of(TOKEN, "http.token")));
        String cookie = loginCookie(serverA);

        // without the configured token A has nothing to show B for a cookie-only caller
        Reply before = getWithCookie(serverA, "/v1/alerts/recent", cookie);
        assertThat(before.body.get("partial").asBoolean()).isTrue();

        apiA.authenticatingPeersWith(NewsradarConfig.defaults().with("http.token", TOKEN));
        Reply after = getWithCookie(serverA, "/v1/alerts/recent", cookie);
        assertThat(after.status).isEqualTo(200);
        assertThat(after.body.get("partial").asBoolean()).isFalse();
        assertThat(after.body.get("alerts").findValuesAsText("alertId")).containsExactly("s2:defense-ai:1");
    }

    /** Logs in at {@code POST /login} with the token and returns the session cookie ({@code name=value}). */
    private static String loginCookie(EmbeddedHttpServer server) throws Exception {
        HttpRequest req = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/login"))
                .timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("token=" + TOKEN + "&next=%2F"))
                .build();
        HttpResponse<String> resp = CLIENT.send(req, HttpResponse.BodyHandlers.ofString());
        String setCookie = resp.headers()
                .firstValue("Set-Cookie")
                .orElseThrow(() -> new AssertionError("no session cookie after login: HTTP " + resp.statusCode()));
        return setCookie.substring(0, setCookie.indexOf(';'));
    }

    private static Reply getWithCookie(EmbeddedHttpServer server, String path, String cookie) throws Exception {
        HttpRequest req = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .timeout(Duration.ofSeconds(20))
                .header("Cookie", cookie)
                .build();
        HttpResponse<String> resp = CLIENT.send(req, HttpResponse.BodyHandlers.ofString());
        return new Reply(resp.statusCode(), JSON.readTree(resp.body()));
    }

    @Test
    void beforeTheStreamIsAttachedEveryEndpointAnswers503() throws Exception {
        serverA = new EmbeddedHttpServer(HttpSettings.loopbackAnyPort(), ProcessMeters.newRegistry());
        ScoringApi.register(serverA, new QuerySettings(java.util.Optional.empty(), Duration.ofSeconds(1)));
        serverA.start();
        for (String path : List.of(
                "/v1/tags/top", "/v1/alerts/recent", "/v1/stories/x", "/v1/freshness", "/v1/scores/histogram")) {
            Reply r = get(serverA, path, null);
            assertThat(r.status).as(path).isEqualTo(503);
            assertThat(r.body.get("error").asText()).as(path).contains("not built yet");
        }
    }

    @Test
    void outOfRangeParametersAre400() throws Exception {
        start(HttpSettings.loopbackAnyPort());
        for (String path :
                List.of("/v1/alerts/recent?limit=0", "/v1/alerts/recent?limit=x", "/v1/tags/top?minutes=100000")) {
            Reply r = get(serverA, path, null);
            assertThat(r.status).as(path).isEqualTo(400);
        }
    }

    @Test
    void aLocalPartThatCannotBeReadIs503WhenNoInstanceAnswers() throws Exception {
        localA.unavailable = true;
        localB.unavailable = true;
        start(HttpSettings.loopbackAnyPort());
        Reply r = get(serverA, "/v1/freshness", null);
        assertThat(r.status).isEqualTo(503);
        assertThat(r.body.get("error").asText()).contains("no instance answered");
    }

    private static StoryView story(String id) {
        return new StoryView(
                id, id, 2, List.of("Ledger", "Wire"), false, "NEW", "2025-11-30T06:00:00Z", Map.of(), null);
    }

    private static RecentAlert alert(long t, String id) {
        return new RecentAlert(
                t, id, JsonNodeFactory.instance.objectNode().put("alertId", id).put("rationale", "why " + id));
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new java.util.ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    record Reply(int status, JsonNode body) {}

    static Reply get(EmbeddedHttpServer server, String path, String token) throws Exception {
        HttpRequest.Builder req = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .timeout(Duration.ofSeconds(20));
        if (token != null) {
            req.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> resp = CLIENT.send(req.build(), HttpResponse.BodyHandlers.ofString());
        return new Reply(resp.statusCode(), JSON.readTree(resp.body()));
    }
}
