package io.newsradar.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Fetching over HTTP from a JDK HttpServer on a free loopback port. */
class FeedReaderHttpTest {
    private HttpServer server;
    private String base;
    private final AtomicReference<String> userAgent = new AtomicReference<>();
    private final CountDownLatch release = new CountDownLatch(1);

    @BeforeEach
    void start() throws IOException {
        byte[] rss = FeedReaderTest.fixtureBytes("rss2.xml");
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/feed.xml", ex -> {
            userAgent.set(ex.getRequestHeaders().getFirst("User-Agent"));
            ex.getResponseHeaders().add("Content-Type", "application/rss+xml; charset=utf-8");
            ex.sendResponseHeaders(200, rss.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(rss);
            }
        });
        server.createContext("/moved", ex -> {
            ex.getResponseHeaders().add("Location", base + "/feed.xml");
            ex.sendResponseHeaders(301, -1);
            ex.close();
        });
        server.createContext("/chunked.xml", ex -> {
            // length 0 = chunked: no Content-Length to check up front
            ex.sendResponseHeaders(200, 0);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(rss);
            }
        });
        server.createContext("/stalled.xml", ex -> {
            // Headers and a first chunk, then nothing until the test ends: a trickling server.
            ex.sendResponseHeaders(200, 0);
            OutputStream out = ex.getResponseBody();
            out.write("<rss version=\"2.0\"><channel>".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            out.flush();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            ex.close();
        });
        server.createContext("/missing", ex -> {
            ex.sendResponseHeaders(404, -1);
            ex.close();
        });
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterEach
    void stop() {
        release.countDown();
        server.stop(0);
    }

    @Test
    void shouldFetchFeedOverHttpWithUserAgent() throws Exception {
        ArticleReadResult result = new FeedReader(new ArticleNormalizer()).read(base + "/feed.xml");

        assertThat(result.articles()).hasSize(3);
        assertThat(result.articles()).allSatisfy(a -> assertThat(a.getFeedUrl()).isEqualTo(base + "/feed.xml"));
        assertThat(userAgent.get()).startsWith("newsradar-ingest/");
    }

    @Test
    void shouldFollowRedirects() throws Exception {
        ArticleReadResult result = new FeedReader(new ArticleNormalizer()).read(base + "/moved");
        assertThat(result.articles()).hasSize(3);
    }

    @Test
    void shouldReportHttpErrorStatus() {
        assertThatThrownBy(() -> new FeedReader(new ArticleNormalizer()).read(base + "/missing"))
                .isInstanceOf(FeedReadException.class)
                .hasMessage("feed " + base + "/missing: HTTP 404");
    }

    @Test
    void shouldRefuseBodyOverSizeLimitWithContentLength() {
        FeedReader small = new FeedReader(
                new ArticleNormalizer(), FeedReader.Options.defaults().withMaxBytes(200));
        assertThatThrownBy(() -> small.read(base + "/feed.xml"))
                .isInstanceOf(FeedReadException.class)
                .hasMessageContaining("larger than the limit of 200 bytes");
    }

    @Test
    void shouldRefuseChunkedBodyOverSizeLimit() {
        FeedReader small = new FeedReader(
                new ArticleNormalizer(), FeedReader.Options.defaults().withMaxBytes(200));
        assertThatThrownBy(() -> small.read(base + "/chunked.xml"))
                .isInstanceOf(FeedReadException.class)
                .hasMessageContaining("larger than the limit of 200 bytes");
    }

    @Test
    void shouldReportUnreachableHost() throws IOException {
        int freePort;
        try (var socket = new java.net.ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            freePort = socket.getLocalPort();
        }
        String url = "http://127.0.0.1:" + freePort + "/feed.xml";
        assertThatThrownBy(() -> new FeedReader(new ArticleNormalizer()).read(url))
                .isInstanceOf(FeedReadException.class)
                .hasMessageStartingWith("feed " + url + ":");
    }

    @Test
    void shouldGiveUpOnBodyThatNeverFinishes() {
        FeedReader.Options quick =
                new FeedReader.Options(Duration.ofSeconds(2), Duration.ofMillis(300), 1_000_000, "newsradar-test");
        assertThatThrownBy(() -> new FeedReader(new ArticleNormalizer(), quick).read(base + "/stalled.xml"))
                .isInstanceOf(FeedReadException.class)
                .hasMessageContaining("timed out");
    }
}
