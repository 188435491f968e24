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
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class BearerAuthTest {
    private static final String TOKEN = "s3cret-push-token-0123456789";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PAGE = "/board";

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
        server.routes(r -> r.get("/v1/data", ctx -> ctx.result("data")));
        server.routes(r -> r.get(PAGE, ctx -> ctx.html("<p>the page</p>")));
        server.browserPage(PAGE);
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
        get(server, PAGE + "?token=" + TOKEN);
        get(server, PAGE + "?token=" + TOKEN + "x");
        get(server, "/v1/data?token=" + TOKEN);
        login(TOKEN, PAGE);
        login(TOKEN + "x", PAGE);

        assertThat(logs.list)
                .allSatisfy(e -> assertThat(e.getFormattedMessage()).doesNotContain(TOKEN));
        assertThat(logs.list)
                .extracting(ILoggingEvent::getFormattedMessage)
                .anySatisfy(m -> assertThat(m).contains("bearer token required"));
        assertThat(HttpSettings.from(NewsradarConfig.defaults().with(HttpSettings.TOKEN, TOKEN), 0)
                        .toString())
                .doesNotContain(TOKEN);
    }

    @Test
    void aBrowserPageWithoutCredentialsShowsTheLoginFormWhileApisAnswerJson() throws Exception {
        HttpResponse<String> page = get(server, PAGE + "?view=tags");

        assertThat(page.statusCode()).isEqualTo(401);
        assertThat(page.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        assertThat(page.body()).contains("<form method=\"post\" action=\"/login\"");
        assertThat(page.body()).contains("name=\"next\" value=\"/board?view=tags\"");
        assertThat(page.body()).doesNotContain("the page");

        HttpResponse<String> api = get(server, "/v1/data");
        assertThat(api.statusCode()).isEqualTo(401);
        assertThat(api.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        assertThat(JSON.readTree(api.body()).path("error").asText()).contains("/login");
    }

    @Test
    void aQueryTokenIsExchangedForASessionCookieAndRedirectedAway() {
        HttpResponse<String> r = get(server, PAGE + "?view=tags&token=" + TOKEN + "&x=1");

        assertThat(r.statusCode()).isEqualTo(303);
        assertThat(r.headers().firstValue("Location")).hasValue(PAGE + "?view=tags&x=1");
        assertThat(r.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(r.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
        String setCookie = r.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(setCookie)
                .startsWith(SessionCookie.NAME + "=")
                .contains("; HttpOnly", "; SameSite=Strict", "; Path=/")
                .doesNotContain(TOKEN);
        assertThat(r.body()).doesNotContain(TOKEN).doesNotContain("the page");

        String cookie = cookieOf(r);
        HttpResponse<String> page =
                send(request(server, PAGE).header("Cookie", cookie).build());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).isEqualTo("<p>the page</p>");
        // the page's own polls carry the cookie, not a header
        HttpResponse<String> api =
                send(request(server, "/v1/data").header("Cookie", cookie).build());
        assertThat(api.statusCode()).isEqualTo(200);
        assertThat(api.body()).isEqualTo("data");
    }

    @Test
    void aWrongQueryTokenGetsTheLoginFormAndNoCookie() {
        HttpResponse<String> r = get(server, PAGE + "?token=" + TOKEN + "x");

        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(r.headers().firstValue("Set-Cookie")).isEmpty();
        assertThat(r.body()).contains("login-form").doesNotContain(TOKEN);
        assertThat(r.body()).contains("value=\"" + PAGE + "\"");
    }

    @Test
    void aQueryTokenOpensNothingButBrowserPages() {
        HttpResponse<String> r = get(server, "/v1/data?token=" + TOKEN);

        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(r.headers().firstValue("Set-Cookie")).isEmpty();
        assertThat(r.body()).doesNotContain(TOKEN);
    }

    @Test
    void theLoginFormOpensASessionAndRedirectsToAPathOfThisServerOnly() {
        assertThat(get(server, "/login").statusCode()).isEqualTo(200);

        HttpResponse<String> ok = login(TOKEN, PAGE + "?view=tags");
        assertThat(ok.statusCode()).isEqualTo(303);
        assertThat(ok.headers().firstValue("Location")).hasValue(PAGE + "?view=tags");
        assertThat(send(request(server, PAGE).header("Cookie", cookieOf(ok)).build())
                        .statusCode())
                .isEqualTo(200);

        assertThat(login(TOKEN, "//evil.example/").headers().firstValue("Location"))
                .hasValue("/");
        assertThat(login(TOKEN, "https://evil.example/").headers().firstValue("Location"))
                .hasValue("/");
        assertThat(login(TOKEN, "/\\evil.example").headers().firstValue("Location"))
                .hasValue("/");

        HttpResponse<String> wrong = login(TOKEN + "x", PAGE);
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(wrong.headers().firstValue("Set-Cookie")).isEmpty();
        assertThat(wrong.body()).contains("login-form").doesNotContain(TOKEN);
    }

    @Test
    void aForgedOrLoggedOutSessionIsRefused() {
        HttpResponse<String> forged = send(request(server, "/v1/data")
                .header("Cookie", SessionCookie.NAME + "=" + TOKEN)
                .build());
        assertThat(forged.statusCode()).isEqualTo(401);
        HttpResponse<String> forgedPage = send(request(server, PAGE)
                .header("Cookie", SessionCookie.NAME + "=made-up")
                .build());
        assertThat(forgedPage.statusCode()).isEqualTo(401);
        assertThat(forgedPage.body()).contains("session has ended");

        String cookie = cookieOf(login(TOKEN, PAGE));
        HttpResponse<String> out = send(request(server, "/logout")
                .header("Cookie", cookie)
                .POST(HttpRequest.BodyPublishers.noBody())
                .build());
        assertThat(out.statusCode()).isEqualTo(200);
        assertThat(out.headers().firstValue("Set-Cookie"))
                .hasValueSatisfying(c -> assertThat(c).contains("Max-Age=0"));
        assertThat(send(request(server, "/v1/data").header("Cookie", cookie).build())
                        .statusCode())
                .isEqualTo(401);
    }

    @Test
    void withoutATokenThereIsNoLoginRoute() {
        try (EmbeddedHttpServer open =
                new EmbeddedHttpServer(HttpSettings.loopbackAnyPort(), ProcessMeters.newRegistry())) {
            open.routes(r -> r.get(PAGE, ctx -> ctx.result("the page")));
            open.browserPage(PAGE);
            open.start();
            assertThat(get(open, PAGE + "?token=anything").statusCode()).isEqualTo(200);
            assertThat(get(open, "/login").statusCode()).isEqualTo(404);
        }
    }

    private HttpResponse<String> login(String token, String next) {
        String form = "token=" + URLEncoder.encode(token, StandardCharsets.UTF_8) + "&next="
                + URLEncoder.encode(next, StandardCharsets.UTF_8);
        return send(request(server, "/login")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build());
    }

    /** {@code name=value} of the response's Set-Cookie, as a browser sends it back. */
    private static String cookieOf(HttpResponse<String> r) {
        String setCookie = r.headers().firstValue("Set-Cookie").orElseThrow();
        return setCookie.substring(0, setCookie.indexOf(';'));
    }

    private static Logger root() {
        return (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    }
}
