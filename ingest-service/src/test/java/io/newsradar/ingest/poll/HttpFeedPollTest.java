package io.newsradar.ingest.poll;

import static io.newsradar.ingest.poll.TestFeeds.NOW;
import static io.newsradar.ingest.poll.TestFeeds.feed;
import static io.newsradar.ingest.poll.TestFeeds.item;
import static io.newsradar.ingest.poll.TestFeeds.rss;
import static org.assertj.core.api.Assertions.assertThat;

import io.newsradar.ingest.FeedReader;
import io.newsradar.schemas.feeds.FeedRecord;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Fetching: conditional GET, headers, gzip, redirects, and documents that are not feeds. */
class HttpFeedPollTest {
    private final FeedServer server = new FeedServer();
    private final TestFeeds.Poller poller = TestFeeds.poller();
    private final CountDownLatch release = new CountDownLatch(1);

    @AfterEach
    void stop() {
        release.countDown();
        server.close();
    }

    private void serveWithEtag(String path, String etag, byte[] body) {
        server.on(path, ex -> {
            if (etag.equals(ex.getRequestHeaders().getFirst("If-None-Match"))) {
                FeedServer.status(ex, 304, "ETag", etag);
            } else {
                ex.getResponseHeaders().add("ETag", etag);
                FeedServer.send(ex, 200, "application/rss+xml; charset=utf-8", body);
            }
        });
    }

    @Test
    void shouldGetNotModifiedOnTheSecondPollOfAFeedWithAnEtag() throws Exception {
        serveWithEtag("/feed.xml", "\"v1\"", rss(item("a", Duration.ofHours(1)), item("b", Duration.ofHours(2))));
        FeedRecord feed = feed(server.url("/feed.xml"));

        PollOutcome first = poller.poll().poll(feed, Optional.empty(), NOW);
        PollOutcome second = poller.poll().poll(feed, Optional.of(first.state()), NOW.plus(TestFeeds.INTERVAL));

        assertThat(first.status()).isEqualTo(PollStatus.FETCHED);
        assertThat(first.articles()).hasSize(2);
        assertThat(first.state().etag()).isEqualTo("\"v1\"");
        assertThat(second.status()).isEqualTo(PollStatus.NOT_MODIFIED);
        assertThat(second.articles()).isEmpty();
        assertThat(server.lastRequest().header("If-None-Match")).isEqualTo("\"v1\"");
        assertThat(second.state().etag()).isEqualTo("\"v1\"");
        assertThat(second.state().seenItemIds()).isEqualTo(first.state().seenItemIds());
        assertThat(second.state().lastStatus()).isEqualTo(304);
        assertThat(second.state().lastSuccessAt()).isEqualTo(NOW.plus(TestFeeds.INTERVAL));
        assertThat(second.state().nextPollAt()).isEqualTo(NOW.plus(TestFeeds.INTERVAL.multipliedBy(2)));
        assertThat(second.state().polls()).isEqualTo(2);
        assertThat(poller.count(FeedMetrics.FETCHES)).isEqualTo(2);
        assertThat(poller.count(FeedMetrics.NOT_MODIFIED)).isEqualTo(1);
        assertThat(poller.registry()
                        .find(FeedMetrics.LAST_SUCCESS)
                        .tag(FeedMetrics.FEED_TAG, "feed-1")
                        .gauge()
                        .value())
                .isEqualTo(NOW.plus(TestFeeds.INTERVAL).getEpochSecond());
    }

    @Test
    void shouldSendLastModifiedBackAsIfModifiedSince() throws Exception {
        String lastModified = "Sun, 29 Nov 2026 20:00:00 GMT";
        byte[] body = rss(item("a", Duration.ofHours(1)));
        server.on("/feed.xml", ex -> {
            if (lastModified.equals(ex.getRequestHeaders().getFirst("If-Modified-Since"))) {
                FeedServer.status(ex, 304);
            } else {
                ex.getResponseHeaders().add("Last-Modified", lastModified);
                FeedServer.send(ex, 200, "application/rss+xml", body);
            }
        });
        FeedRecord feed = feed(server.url("/feed.xml"));

        PollOutcome first = poller.poll().poll(feed, Optional.empty(), NOW);
        PollOutcome second = poller.poll().poll(feed, Optional.of(first.state()), NOW.plus(TestFeeds.INTERVAL));

        assertThat(first.state().lastModified()).isEqualTo(lastModified);
        assertThat(first.state().etag()).isEmpty();
        assertThat(server.requests().get(0).header("If-Modified-Since")).isNull();
        assertThat(second.status()).isEqualTo(PollStatus.NOT_MODIFIED);
        assertThat(second.state().lastModified()).isEqualTo(lastModified);
    }

    @Test
    void shouldSendADescriptiveUserAgentAndAskForFeedTypesAndGzip() throws Exception {
        server.on("/feed.xml", ex -> FeedServer.send(ex, 200, "application/rss+xml", rss()));

        poller.poll().poll(feed(server.url("/feed.xml")), Optional.empty(), NOW);

        FeedServer.Request r = server.lastRequest();
        assertThat(r.header("User-Agent"))
                .isEqualTo(FeedReader.Options.defaults().userAgent())
                .startsWith("newsradar")
                .contains("http");
        assertThat(r.header("Accept")).contains("application/rss+xml", "application/atom+xml", "application/feed+json");
        assertThat(r.header("Accept-Encoding")).isEqualTo("gzip");
    }

    @Test
    void shouldSendTheConfiguredUserAgent() throws Exception {
        server.on("/feed.xml", ex -> FeedServer.send(ex, 200, "application/rss+xml", rss()));
        PollSettings settings = PollSettings.from(io.newsradar.schemas.config.NewsradarConfig.defaults()
                .with(PollSettings.USER_AGENT, "newsradar-ingest/0.1 (+mailto:ops@example.org)"));

        TestFeeds.poller(settings, new Random(1)).poll().poll(feed(server.url("/feed.xml")), Optional.empty(), NOW);

        assertThat(server.lastRequest().header("User-Agent"))
                .isEqualTo("newsradar-ingest/0.1 (+mailto:ops@example.org)");
    }

    @Test
    void shouldReadAGzippedFeed() throws Exception {
        byte[] gz = gzip(rss(item("a", Duration.ofHours(1)), item("b", Duration.ofHours(1))));
        server.on("/feed.xml", ex -> {
            ex.getResponseHeaders().add("Content-Encoding", "gzip");
            FeedServer.send(ex, 200, "application/rss+xml", gz);
        });

        PollOutcome outcome = poller.poll().poll(feed(server.url("/feed.xml")), Optional.empty(), NOW);

        assertThat(outcome.status()).isEqualTo(PollStatus.FETCHED);
        assertThat(outcome.articles())
                .extracting(a -> a.getUrl().toString())
                .containsExactly("https://news.example.org/a", "https://news.example.org/b");
    }

    @Test
    void shouldRefuseAGzipBombOnceItsDecompressedSizePassesTheLimit() throws Exception {
        byte[] bomb = gzip(new byte[2_000_000]);
        server.on("/bomb.xml", ex -> {
            ex.getResponseHeaders().add("Content-Encoding", "gzip");
            FeedServer.send(ex, 200, "application/rss+xml", bomb);
        });
        PollSettings d = PollSettings.defaults();
        PollSettings small = new PollSettings(
                d.fetch().withMaxBytes(100_000),
                d.downloadTimeout(),
                d.maxRedirects(),
                d.maxAge(),
                d.maxBackoff(),
                d.maxRetryAfter());
        TestFeeds.Poller smallPoller = TestFeeds.poller(small, new Random(1));
        assertThat(bomb.length).as("compressed, it is under the limit").isLessThan(100_000);

        PollOutcome outcome = smallPoller.poll().poll(feed(server.url("/bomb.xml")), Optional.empty(), NOW);

        assertThat(outcome.status()).isEqualTo(PollStatus.FAILED);
        assertThat(outcome.state().lastError()).contains("larger than the limit of 100000 bytes once decompressed");
        assertThat(smallPoller.count(FeedMetrics.ERRORS, FeedMetrics.REASON_TAG, "too_large"))
                .isEqualTo(1);
    }

    @Test
    void shouldMoveTheFeedOnA301AndFetchTheNewUrlNextTime() throws Exception {
        server.on("/old.xml", ex -> FeedServer.status(ex, 301, "Location", server.url("/new.xml")));
        server.on("/new.xml", ex -> FeedServer.send(ex, 200, "application/rss+xml", rss(item("a", Duration.ZERO))));
        FeedRecord feed = feed(server.url("/old.xml"));

        PollOutcome first = poller.poll().poll(feed, Optional.empty(), NOW);
        PollOutcome second = poller.poll().poll(feed, Optional.of(first.state()), NOW.plus(TestFeeds.INTERVAL));

        assertThat(first.status()).isEqualTo(PollStatus.FETCHED);
        assertThat(first.state().url()).isEqualTo(server.url("/new.xml"));
        assertThat(first.state().feedId()).isEqualTo("feed-1");
        assertThat(first.articles()).allSatisfy(a -> assertThat(a.getFeedUrl()).isEqualTo(server.url("/new.xml")));
        assertThat(second.status()).isEqualTo(PollStatus.FETCHED);
        assertThat(server.requests())
                .extracting(FeedServer.Request::path)
                .containsExactly("/old.xml", "/new.xml", "/new.xml");
    }

    @Test
    void shouldMoveTheFeedOnA308() throws Exception {
        server.on("/old.xml", ex -> FeedServer.status(ex, 308, "Location", "/new.xml"));
        server.on("/new.xml", ex -> FeedServer.send(ex, 200, "application/rss+xml", rss()));

        PollOutcome outcome = poller.poll().poll(feed(server.url("/old.xml")), Optional.empty(), NOW);

        assertThat(outcome.status()).isEqualTo(PollStatus.FETCHED);
        assertThat(outcome.state().url()).isEqualTo(server.url("/new.xml"));
    }

    @Test
    void shouldKeepTheUrlOnATemporaryRedirect() throws Exception {
        for (int status : new int[] {302, 303, 307}) {
            server.on("/t" + status, ex -> FeedServer.status(ex, status, "Location", server.url("/feed.xml")));
        }
        server.on("/feed.xml", ex -> FeedServer.send(ex, 200, "application/rss+xml", rss()));

        for (int status : new int[] {302, 303, 307}) {
            PollOutcome outcome = poller.poll().poll(feed(server.url("/t" + status)), Optional.empty(), NOW);
            assertThat(outcome.status()).as("HTTP %d", status).isEqualTo(PollStatus.FETCHED);
            assertThat(outcome.state().url()).as("HTTP %d", status).isEqualTo(server.url("/t" + status));
        }
    }

    @Test
    void shouldMoveOnlyAsFarAsThePermanentRedirectsBeforeATemporaryOne() throws Exception {
        server.on("/a", ex -> FeedServer.status(ex, 301, "Location", "/b"));
        server.on("/b", ex -> FeedServer.status(ex, 302, "Location", "/c"));
        server.on("/c", ex -> FeedServer.status(ex, 301, "Location", "/feed.xml"));
        server.on("/feed.xml", ex -> FeedServer.send(ex, 200, "application/rss+xml", rss()));

        PollOutcome outcome = poller.poll().poll(feed(server.url("/a")), Optional.empty(), NOW);

        assertThat(outcome.status()).isEqualTo(PollStatus.FETCHED);
        assertThat(outcome.state().url()).isEqualTo(server.url("/b"));
    }

    @Test
    void shouldNotMoveTheFeedWhenThePollAfterAPermanentRedirectFails() throws Exception {
        server.on("/old.xml", ex -> FeedServer.status(ex, 301, "Location", "/gone.xml"));
        server.on("/gone.xml", ex -> FeedServer.status(ex, 404));

        PollOutcome outcome = poller.poll().poll(feed(server.url("/old.xml")), Optional.empty(), NOW);

        assertThat(outcome.status()).isEqualTo(PollStatus.FAILED);
        assertThat(outcome.state().url()).isEqualTo(server.url("/old.xml"));
        assertThat(outcome.state().lastError()).isEqualTo("HTTP 404 after redirects");
        assertThat(outcome.state().lastStatus()).isEqualTo(404);
        assertThat(poller.count(FeedMetrics.ERRORS, FeedMetrics.REASON_TAG, "http_4xx"))
                .isEqualTo(1);
    }

    @Test
    void shouldFailOnARedirectLoop() throws Exception {
        server.on("/ping", ex -> FeedServer.status(ex, 302, "Location", "/pong"));
        server.on("/pong", ex -> FeedServer.status(ex, 301, "Location", "/ping"));

        PollOutcome outcome = poller.poll().poll(feed(server.url("/ping")), Optional.empty(), NOW);

        assertThat(outcome.status()).isEqualTo(PollStatus.FAILED);
        assertThat(outcome.state().lastError()).startsWith("redirect loop");
        assertThat(outcome.state().consecutiveErrors()).isEqualTo(1);
        assertThat(server.requests()).hasSize(2);
        assertThat(poller.count(FeedMetrics.ERRORS, FeedMetrics.REASON_TAG, "redirect"))
                .isEqualTo(1);
    }

    @Test
    void shouldFailAfterTooManyRedirects() throws Exception {
        server.on("/hop/", ex -> {
            int n = Integer.parseInt(ex.getRequestURI().getPath().substring(5));
            FeedServer.status(ex, 302, "Location", "/hop/" + (n + 1));
        });

        PollOutcome outcome = poller.poll().poll(feed(server.url("/hop/0")), Optional.empty(), NOW);

        assertThat(outcome.status()).isEqualTo(PollStatus.FAILED);
        assertThat(outcome.state().lastError()).isEqualTo("more than 5 redirects (limit reached)");
        assertThat(server.requests()).hasSize(6);
    }

    @Test
    void shouldFailWithAReasonOnAnHtmlPageInsteadOfAFeed() throws Exception {
        byte[] html = "<!DOCTYPE html><html><head><title>Welcome</title></head><body><p>Hello</p></body></html>"
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        server.on("/feed", ex -> FeedServer.send(ex, 200, "text/html; charset=utf-8", html));

        PollOutcome outcome = poller.poll().poll(feed(server.url("/feed")), Optional.empty(), NOW);

        assertThat(outcome.status()).isEqualTo(PollStatus.FAILED);
        assertThat(outcome.articles()).isEmpty();
        assertThat(outcome.state().lastError()).isNotBlank().doesNotStartWith("feed http");
        assertThat(outcome.state().lastStatus()).isEqualTo(200);
        assertThat(outcome.state().etag()).isEmpty();
        assertThat(poller.count(FeedMetrics.ERRORS, FeedMetrics.REASON_TAG, "not_a_feed"))
                .isEqualTo(1);
    }

    @Test
    void shouldFailOnAnUnreachableServerWithoutThrowing() throws Exception {
        int port;
        try (var socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }

        PollOutcome outcome = poller.poll().poll(feed("http://127.0.0.1:" + port + "/feed.xml"), Optional.empty(), NOW);

        assertThat(outcome.status()).isEqualTo(PollStatus.FAILED);
        assertThat(outcome.state().lastError()).startsWith("cannot connect");
        assertThat(outcome.state().lastStatus()).isZero();
        assertThat(poller.count(FeedMetrics.ERRORS, FeedMetrics.REASON_TAG, "connect"))
                .isEqualTo(1);
    }

    @Test
    void shouldGiveUpOnADownloadThatNeverFinishes() throws Exception {
        server.on("/stalled.xml", ex -> {
            ex.sendResponseHeaders(200, 0);
            OutputStream out = ex.getResponseBody();
            out.write("<rss version=\"2.0\"><channel>".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            out.flush();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        PollSettings d = PollSettings.defaults();
        PollSettings quick = new PollSettings(
                d.fetch(), Duration.ofMillis(300), d.maxRedirects(), d.maxAge(), d.maxBackoff(), d.maxRetryAfter());
        TestFeeds.Poller quickPoller = TestFeeds.poller(quick, new Random(1));

        PollOutcome outcome = quickPoller.poll().poll(feed(server.url("/stalled.xml")), Optional.empty(), NOW);

        assertThat(outcome.status()).isEqualTo(PollStatus.FAILED);
        assertThat(outcome.state().lastError()).startsWith("timed out");
        assertThat(quickPoller.count(FeedMetrics.ERRORS, FeedMetrics.REASON_TAG, "timeout"))
                .isEqualTo(1);
    }

    @Test
    void shouldLetAnInterruptOfThePollingThreadThrough() throws Exception {
        CountDownLatch requested = new CountDownLatch(1);
        server.on("/stalled.xml", ex -> {
            requested.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        java.util.concurrent.atomic.AtomicReference<Throwable> thrown =
                new java.util.concurrent.atomic.AtomicReference<>();
        Thread pollThread = new Thread(() -> {
            try {
                poller.poll().poll(feed(server.url("/stalled.xml")), Optional.empty(), NOW);
            } catch (Throwable t) {
                thrown.set(t);
            }
        });
        pollThread.start();

        assertThat(requested.await(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        pollThread.interrupt();
        pollThread.join(10_000);

        assertThat(pollThread.isAlive()).isFalse();
        assertThat(thrown.get()).isInstanceOf(InterruptedException.class);
    }

    @Test
    void shouldNeverStoreOrLogCredentialsOfAFeedUrl() throws Exception {
        server.on("/feed.xml", ex -> FeedServer.status(ex, 500));
        server.on("/moved.xml", ex -> FeedServer.status(ex, 301, "Location", "/feed.xml?token=abc123"));
        String url = server.url("/moved.xml").replace("://", "://reader:hunter2@") + "?api_key=abc123";
        ch.qos.logback.classic.Logger logger =
                (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(HttpFeedPoll.class);
        var appender = new ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent>();
        appender.start();
        logger.addAppender(appender);
        PollOutcome outcome;
        try {
            outcome = poller.poll().poll(feed(url), Optional.empty(), NOW);
        } finally {
            logger.detachAppender(appender);
        }

        assertThat(outcome.status()).isEqualTo(PollStatus.FAILED);
        assertThat(outcome.state().lastError()).doesNotContain("hunter2", "abc123");
        assertThat(appender.list)
                .isNotEmpty()
                .allSatisfy(e -> assertThat(e.getFormattedMessage()).doesNotContain("hunter2", "abc123", "reader"));
        assertThat(LogSafe.text(url)).doesNotContain("reader", "hunter2", "abc123");
    }

    private static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write(data);
        }
        return bytes.toByteArray();
    }
}
