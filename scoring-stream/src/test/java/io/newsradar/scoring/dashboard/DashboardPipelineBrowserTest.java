package io.newsradar.scoring.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.newsradar.avro.NewsArticle;
import io.newsradar.http.EmbeddedHttpServer;
import io.newsradar.http.HttpSettings;
import io.newsradar.http.ProcessMeters;
import io.newsradar.localkafka.LocalKafkaBroker;
import io.newsradar.localkafka.TopicAdmin;
import io.newsradar.schemas.config.NewsradarConfig;
import io.newsradar.schemas.feeds.FeedState;
import io.newsradar.schemas.json.AlertJson;
import io.newsradar.schemas.serde.AvroSerdes;
import io.newsradar.schemas.topics.Topics;
import io.newsradar.scoring.SampleArticles;
import io.newsradar.scoring.ScoringApp;
import io.newsradar.scoring.query.QuerySettings;
import io.newsradar.scoring.query.ScoringApi;
import io.newsradar.sink.AlertSink;
import io.newsradar.sink.JsonLinesFileDestination;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The dashboard in headless Chromium against a running pipeline: an in-process broker, the scoring
 * stream with its query API and the dashboard on one HTTP server with a token, and the alert sink.
 * A sample defense-AI article is published and must show up on the page as an alert with its
 * rationale (the same the sink delivered); a raw record the stream cannot decode and an alert
 * record the sink cannot decode must show in the dead-letter counts; a feed state on
 * feeds.state.v1 in the feed table. The browser logs in with the one-time {@code ?token=} link.
 * Leaves {@code target/dashboard-screenshot.png}.
 */
@Tag("integration")
class DashboardPipelineBrowserTest {
    static final Path SCREENSHOT = Path.of("target", "dashboard-screenshot.png");
    private static final String TOKEN = "pipeline-token-0123456789";
    /** A tag of the default taxonomy the sample article carries (its alert's route needs it). */
    private static final String DEFENSE_TAG = "defense";

    @TempDir
    Path dir;

    private LocalKafkaBroker broker;
    private EmbeddedHttpServer server;
    private Dashboard dashboard;
    private ScoringApp app;
    private AlertSink sink;
    private Thread sinkLoop;
    private ChromeDriver driver;

    @BeforeEach
    void requireChrome() {
        HeadlessChrome.requireInstalled();
    }

    @AfterEach
    void stop() throws InterruptedException {
        if (driver != null) {
            driver.quit();
        }
        if (sink != null) {
            sink.close(Duration.ofSeconds(30));
            sinkLoop.join(Duration.ofSeconds(30).toMillis());
        }
        if (app != null) {
            app.close();
        }
        if (server != null) {
            server.close();
        }
        if (dashboard != null) {
            dashboard.close();
        }
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void showsTheSampleAlertWithItsRationaleTagsFeedsAndDeadLetters() throws Exception {
        broker = LocalKafkaBroker.startTemporary();
        TopicAdmin.ensureTopics(broker.clientProps(), Topics.all(), 1, (short) 1);
        NewsradarConfig config = NewsradarConfig.defaults()
                .with(NewsradarConfig.BOOTSTRAP_SERVERS, broker.bootstrapServers())
                .with(NewsradarConfig.APPLICATION_ID, "dashboard-browser-it")
                .with(NewsradarConfig.STATE_DIR, dir.resolve("streams").toString())
                .with(NewsradarConfig.SINK_GROUP, "dashboard-browser-it-sink")
                .with(HttpSettings.HOST, "127.0.0.1")
                .with(HttpSettings.TOKEN, TOKEN)
                // the page polls every 2 s: counts no older than a second, so the wait below is short
                .with(DashboardSettings.DLQ_CACHE, "1");

        // the routes first, then the port, then the stream that advertises it (ScoringApi's order)
        server = new EmbeddedHttpServer(HttpSettings.from(config, 0), ProcessMeters.newRegistry());
        ScoringApi api = ScoringApi.register(server, QuerySettings.from(config));
        dashboard = Dashboard.register(server, config);
        server.start();
        app = new ScoringApp(QuerySettings.advertising(config, "127.0.0.1", server.port()));
        api.attach(app);
        app.start();
        Path delivered = dir.resolve("alerts.jsonl");
        sink = new AlertSink(config, List.of(new JsonLinesFileDestination(delivered)));
        sinkLoop = new Thread(sink, "dashboard-it-sink");
        sinkLoop.start();
        await().atMost(HeadlessChrome.WAIT).until(() -> app.state() == KafkaStreams.State.RUNNING);

        NewsArticle article = SampleArticles.sample("tidewatch-joint-ai-programme");
        Instant now = Instant.now();
        FeedState stalled = new FeedState(
                "wire-stalled",
                "https://feeds.test/wire",
                "",
                "",
                now.minus(Duration.ofHours(2)),
                now.minus(Duration.ofHours(2)),
                now.minus(Duration.ofHours(1)),
                2,
                "HTTP 503",
                503,
                9,
                31,
                List.of());
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(producerProps())) {
            // stamped with its publish time, as the ingest service stamps raw records: event time
            producer.send(new ProducerRecord<>(
                    Topics.NEWS_RAW.name(),
                    null,
                    article.getPublishedAt().toEpochMilli(),
                    article.getId().getBytes(StandardCharsets.UTF_8),
                    AvroSerdes.newsArticle().encode(article)));
            producer.send(record(Topics.NEWS_RAW.name(), "undecodable", "not avro".getBytes(StandardCharsets.UTF_8)));
            producer.send(record(
                    Topics.alerts(Topics.DEFENSE_AI_ROUTE).name(),
                    "undecodable-alert",
                    "not an alert".getBytes(StandardCharsets.UTF_8)));
            producer.send(record(
                    Topics.FEEDS_STATE.name(),
                    stalled.feedId(),
                    stalled.toJson().getBytes(StandardCharsets.UTF_8)));
            producer.flush();
        }
        // the sample alerts on both default routes; the page must show the defense-ai one
        AlertJson.AlertView alert = await().atMost(HeadlessChrome.WAIT)
                .until(() -> deliveredOn(delivered, Topics.DEFENSE_AI_ROUTE), a -> a != null);
        assertThat(alert.title()).isEqualTo(article.getTitle());
        assertThat(alert.tags()).extracting(AlertJson.TagJson::id).contains(DEFENSE_TAG);

        driver = HeadlessChrome.start();
        String base = "http://127.0.0.1:" + server.port();
        driver.get(base + "/?token=" + TOKEN);

        By shownAlert = By.cssSelector("#alerts .alert[data-alert-id='" + alert.alertId() + "']");
        WebElement shown =
                HeadlessChrome.waitFor(driver).until(ExpectedConditions.visibilityOfElementLocated(shownAlert));
        assertThat(driver.getCurrentUrl()).isEqualTo(base + "/");
        assertThat(shown.findElement(By.cssSelector(".alert-title")).getText()).isEqualTo(alert.title());
        assertThat(shown.findElement(By.cssSelector(".alert-rationale")).getText())
                .isEqualTo(alert.rationale())
                .isNotBlank();
        assertThat(shown.findElement(By.cssSelector(".alert-meta")).getText())
                .contains("route " + Topics.DEFENSE_AI_ROUTE);
        assertThat(shown.getAttribute("data-status")).isEqualTo("NEW");

        HeadlessChrome.waitFor(driver)
                .until(d -> positive(d.findElements(By.cssSelector("#dlq li[data-topic='news.dlq.v1'] .dlq-records"))));
        HeadlessChrome.waitFor(driver)
                .until(d ->
                        positive(d.findElements(By.cssSelector("#dlq li[data-topic='delivery.dlq.v1'] .dlq-records"))));
        WebElement feed = HeadlessChrome.waitFor(driver)
                .until(ExpectedConditions.visibilityOfElementLocated(
                        By.cssSelector("#feeds tr[data-feed='wire-stalled']")));
        assertThat(feed.getAttribute("data-state")).isEqualTo("failing");
        assertThat(feed.getText()).contains("failing, stale", "HTTP 503");
        HeadlessChrome.waitFor(driver)
                .until(d ->
                        !d.findElements(By.cssSelector("#histogram .bucket")).isEmpty());

        WebElement tagCount = HeadlessChrome.waitFor(driver)
                .until(ExpectedConditions.visibilityOfElementLocated(
                        By.cssSelector("#tags tr[data-tag='" + DEFENSE_TAG + "'] .tag-articles")));
        assertThat(tagCount.getText()).isEqualTo("1");
        HeadlessChrome.waitFor(driver).until(ExpectedConditions.invisibilityOfElementLocated(By.id("error-banner")));

        HeadlessChrome.screenshot(driver, SCREENSHOT);
        assertThat(SCREENSHOT).exists();
        assertThat(HeadlessChrome.isPng(SCREENSHOT)).isTrue();
    }

    private static boolean positive(List<WebElement> cells) {
        if (cells.isEmpty()) {
            return false;
        }
        try {
            return Long.parseLong(cells.get(0).getText().strip()) > 0;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static ProducerRecord<byte[], byte[]> record(String topic, String key, byte[] value) {
        return new ProducerRecord<>(topic, key.getBytes(StandardCharsets.UTF_8), value);
    }

    private Map<String, Object> producerProps() {
        Map<String, Object> p = new HashMap<>(broker.clientProps());
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        return p;
    }

    /** The alert on {@code route} the sink wrote to {@code file}, or null while there is none. */
    private static AlertJson.AlertView deliveredOn(Path file, String route) throws Exception {
        if (!Files.exists(file)) {
            return null;
        }
        return Files.readAllLines(file, StandardCharsets.UTF_8).stream()
                .filter(line -> !line.isBlank())
                .map(AlertJson::fromJson)
                .filter(a -> a.route().equals(route))
                .findFirst()
                .orElse(null);
    }
}
