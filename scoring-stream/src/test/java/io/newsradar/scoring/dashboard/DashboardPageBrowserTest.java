package io.newsradar.scoring.dashboard;

import static io.newsradar.scoring.dashboard.FeedHealthTest.NOW;
import static io.newsradar.scoring.dashboard.FeedHealthTest.state;
import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.http.Context;
import io.newsradar.http.BearerToken;
import io.newsradar.http.EmbeddedHttpServer;
import io.newsradar.http.HttpSettings;
import io.newsradar.http.JsonResponses;
import io.newsradar.http.ProcessMeters;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The page's rendering in headless Chromium against canned JSON in the shapes of the scoring API
 * (docs/dashboard.md): every panel filled, article text shown as text, a failing endpoint shown
 * as failing (banner, marked panel, the time of the figures kept), and the one-time token link.
 */
@Tag("integration")
class DashboardPageBrowserTest {
    private static final String TOKEN = "browser-token-0123456789";
    static final String TITLE = "Navy <b>trials</b> AI targeting aid with Tidewatch";
    static final String RATIONALE = "defense and AI named together in the headline; two outlets";

    private final FakeSources.Feeds feeds = new FakeSources.Feeds();
    private final FakeSources.Dlq dlq = new FakeSources.Dlq();
    private final AtomicBoolean histogramDown = new AtomicBoolean();
    private EmbeddedHttpServer server;
    private Dashboard dashboard;
    private ChromeDriver driver;

    @BeforeEach
    void requireChrome() {
        HeadlessChrome.requireInstalled();
        feeds.states.add(state("wire-ok", NOW.plusSeconds(120), 0, ""));
        feeds.states.add(state("wire-stalled", NOW.minus(Duration.ofMinutes(30)), 0, ""));
        dlq.counts = List.of(new DlqCounter.DlqCount("news.dlq.v1", 2), new DlqCounter.DlqCount("delivery.dlq.v1", 0));
    }

    @AfterEach
    void stop() {
        if (driver != null) {
            driver.quit();
        }
        if (server != null) {
            server.close();
            dashboard.close();
        }
    }

    private String start(HttpSettings settings) {
        server = new EmbeddedHttpServer(settings, ProcessMeters.newRegistry());
        dashboard = Dashboard.register(
                server,
                feeds,
                dlq,
                new DashboardSettings(Duration.ofMinutes(10), Duration.ZERO),
                Clock.fixed(NOW, ZoneOffset.UTC),
                List.of());
        server.routes(r -> {
            r.get("/v1/alerts/recent", ctx -> json(ctx, ALERTS));
            r.get("/v1/tags/top", ctx -> json(ctx, TAGS));
            r.get("/v1/freshness", ctx -> json(ctx, FRESHNESS));
            r.get("/v1/scores/histogram", ctx -> {
                if (histogramDown.get()) {
                    ctx.status(503)
                            .contentType(JsonResponses.JSON)
                            .result("{\"error\":\"instance 10.0.0.7:8082 is not answering\"}");
                } else {
                    json(ctx, HISTOGRAM);
                }
            });
        });
        server.start();
        driver = HeadlessChrome.start();
        return "http://127.0.0.1:" + server.port();
    }

    @Test
    void rendersEveryPanelFromTheApis() {
        String base = start(HttpSettings.loopbackAnyPort());
        driver.get(base + "/dashboard");

        WebElement title = HeadlessChrome.waitFor(driver)
                .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#alerts .alert-title")));
        // markup in a headline is text, not HTML
        assertThat(title.getText()).isEqualTo(TITLE);
        assertThat(driver.findElements(By.cssSelector("#alerts b"))).isEmpty();
        assertThat(title.getAttribute("href")).isEqualTo("https://news.test/navy-ai");
        WebElement alert = driver.findElement(By.cssSelector("#alerts .alert"));
        assertThat(alert.getAttribute("data-status")).isEqualTo("UPDATED");
        assertThat(alert.findElement(By.cssSelector(".alert-rationale")).getText())
                .isEqualTo(RATIONALE);
        assertThat(alert.findElement(By.cssSelector(".alert-meta")).getText())
                .contains("route defense-ai", "score 7.25", "coverage 2 outlets");
        assertThat(driver.findElements(By.cssSelector("#alerts .alert"))).hasSize(2);
        assertThat(driver.findElement(By.cssSelector("#alerts .alert[data-status='RETRACTED'] .badge"))
                        .getText())
                .isEqualTo("RETRACTED");

        assertThat(cell("#tags tr[data-tag='defense-ai'] .tag-articles")).isEqualTo("3");
        assertThat(cell("#tags tr[data-tag='defense-ai'] .tag-mean")).isEqualTo("4.17");
        assertThat(driver.findElements(By.cssSelector("#histogram .bucket"))).hasSize(3);
        assertThat(cell("#freshness tr[data-lag='fetchedToScored'] .p50")).isEqualTo("1.2 s");
        assertThat(cell("#freshness tr[data-lag='publishedToScored'] .p95")).isEqualTo("2.0 h");
        assertThat(cell("#dlq li[data-topic='news.dlq.v1'] .dlq-records")).isEqualTo("2");
        assertThat(cell("#dlq li[data-topic='delivery.dlq.v1'] .dlq-records")).isEqualTo("0");
        assertThat(driver.findElement(By.cssSelector("#feeds tr[data-feed='wire-stalled']"))
                        .getAttribute("data-state"))
                .isEqualTo("stale");
        assertThat(driver.findElement(By.id("error-banner")).isDisplayed()).isFalse();
        assertThat(driver.findElement(By.id("last-updated")).getText()).endsWith("UTC");
        HeadlessChrome.screenshot(driver, Path.of("target", "dashboard-canned-screenshot.png"));
    }

    @Test
    void aFailingEndpointShowsABannerAndMarksItsPanelKeepingTheFiguresTime() {
        String base = start(HttpSettings.loopbackAnyPort());
        driver.get(base + "/");
        HeadlessChrome.waitFor(driver)
                .until(d -> d.findElements(By.cssSelector("#histogram .bucket")).size() == 3);

        histogramDown.set(true);
        WebElement banner = HeadlessChrome.waitFor(driver)
                .until(ExpectedConditions.visibilityOfElementLocated(By.id("error-banner")));

        assertThat(banner.getText()).contains("/v1/scores/histogram", "HTTP 503", "not answering");
        WebElement panel = driver.findElement(By.id("histogram-panel"));
        assertThat(panel.getAttribute("class")).contains("failed");
        assertThat(panel.findElement(By.cssSelector(".panel-error")).getText())
                .contains("Refresh failed", "showing figures from");
        // the other panels keep refreshing
        assertThat(driver.findElement(By.id("alerts-panel")).getAttribute("class"))
                .doesNotContain("failed");

        histogramDown.set(false);
        HeadlessChrome.waitFor(driver).until(ExpectedConditions.invisibilityOfElementLocated(By.id("error-banner")));
        assertThat(panel.getAttribute("class")).doesNotContain("failed");
    }

    @Test
    void withATokenTheOneTimeLinkLogsInAndLeavesTheAddressBar() {
        String base = start(HttpSettings.loopbackAnyPort().withToken(BearerToken.of(TOKEN, "test")));

        driver.get(base + "/dashboard");
        assertThat(driver.findElements(By.id("login-form"))).hasSize(1);

        driver.get(base + "/dashboard?token=" + TOKEN);
        HeadlessChrome.waitFor(driver)
                .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#alerts .alert-title")));
        assertThat(driver.getCurrentUrl()).isEqualTo(base + "/dashboard").doesNotContain(TOKEN);
        // HttpOnly: no script on the page sees the session
        assertThat(driver.executeScript("return document.cookie")).isEqualTo("");
        assertThat(cell("#dlq li[data-topic='news.dlq.v1'] .dlq-records")).isEqualTo("2");
    }

    @Test
    void withATokenTheLoginFormLogsIn() {
        String base = start(HttpSettings.loopbackAnyPort().withToken(BearerToken.of(TOKEN, "test")));

        driver.get(base + "/");
        driver.findElement(By.id("token")).sendKeys(TOKEN);
        driver.findElement(By.cssSelector("#login-form button")).click();

        HeadlessChrome.waitFor(driver)
                .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#alerts .alert-title")));
        assertThat(driver.getCurrentUrl()).isEqualTo(base + "/");
    }

    private String cell(String css) {
        return driver.findElement(By.cssSelector(css)).getText();
    }

    private static void json(Context ctx, String body) {
        ctx.status(200).contentType(JsonResponses.JSON).result(body);
    }

    static final String ALERTS = """
            {"alerts":[
             {"alertId":"a1:defense-ai:2","storyId":"s1","revision":2,"lifecycle":"UPDATED","status":"UPDATED",
              "sequence":2,"route":"defense-ai","priority":"high","articleId":"a1",
              "title":"Navy <b>trials</b> AI targeting aid with Tidewatch","url":"https://news.test/navy-ai",
              "source":"news.test","publishedAt":"2025-03-04T05:06:07Z","score":7.25,"coverage":2,
              "outlets":["news.test","wire.test"],"change":"coverage 1 -> 2","tags":[],"contributions":[],
              "rationale":"defense and AI named together in the headline; two outlets",
              "keyPoints":["The navy trials an AI targeting aid."],"rulesVersion":"r1"},
             {"alertId":"a0:defense-ai:1","storyId":"s0","revision":1,"lifecycle":"UPDATED","status":"RETRACTED",
              "sequence":1,"route":"defense-ai","priority":"high","articleId":"a0","title":"Withdrawn story",
              "url":"javascript:alert(1)","source":"wire.test","publishedAt":"2025-03-04T04:00:00Z","score":5.0,
              "coverage":1,"outlets":[],"change":"","tags":[],"contributions":[],"rationale":"retracted by the outlet",
              "keyPoints":[],"rulesVersion":"r1"}]}
            """;
    static final String TAGS = """
            {"from":"2025-03-04T05:00:00Z","until":"2025-03-04T06:00:00Z",
             "tags":[{"tag":"defense-ai","articles":3,"meanScore":4.1667},{"tag":"korea","articles":1,"meanScore":2.0}]}
            """;
    static final String HISTOGRAM = """
            {"buckets":[{"from":0,"to":1,"articles":4},{"from":1,"to":2,"articles":1},{"from":2,"to":3,"articles":0}]}
            """;
    static final String FRESHNESS = """
            {"fetchedToScored":{"count":5,"p50Ms":1200,"p95Ms":3400},
             "publishedToScored":{"count":5,"p50Ms":3600000,"p95Ms":7200000}}
            """;
}
