package io.newsradar.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
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
            out.write("<rss version=\"2.0\"><channel>".getBytes(StandardCharsets.UTF_8));
            out.flush();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            ex.close();
        });
        // RFC 7303: without an HTTP charset the BOM and the XML declaration decide
        serve("/utf8-text-xml.xml", "text/xml", feed("<?xml version=\"1.0\"?>", StandardCharsets.UTF_8));
        serve("/utf8-no-prolog.xml", "text/xml", feed("", StandardCharsets.UTF_8));
        serve(
                "/latin1-declared.xml",
                "text/xml",
                feed("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>", StandardCharsets.ISO_8859_1));
        serve(
                "/http-charset-wins.xml",
                "text/xml; charset=ISO-8859-1",
                feed("<?xml version=\"1.0\" encoding=\"UTF-8\"?>", StandardCharsets.ISO_8859_1));
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] utf8 = feed("<?xml version=\"1.0\"?>", StandardCharsets.UTF_8);
        byte[] withBom = new byte[bom.length + utf8.length];
        System.arraycopy(bom, 0, withBom, 0, bom.length);
        System.arraycopy(utf8, 0, withBom, bom.length, utf8.length);
        serve("/bom-wins.xml", "text/xml; charset=ISO-8859-1", withBom);
        // relative links after a redirect resolve against where the feed was found
        serve("/new/relative.xml", "application/rss+xml", relativeLinksFeed("").getBytes(StandardCharsets.UTF_8));
        serve(
                "/new/relative-site.xml",
                "application/rss+xml",
                relativeLinksFeed("<link>site/</link>").getBytes(StandardCharsets.UTF_8));
        server.createContext("/old/", ex -> {
            ex.getResponseHeaders()
                    .add(
                            "Location",
                            base + "/new/" + ex.getRequestURI().getPath().substring(5));
            ex.sendResponseHeaders(301, -1);
            ex.close();
        });
        serve("/feed.json", "application/feed+json", FeedReaderTest.fixtureBytes("awkward/jsonfeed-1.1.json"));
        server.createContext("/missing", ex -> {
            ex.sendResponseHeaders(404, -1);
            ex.close();
        });
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void serve(String path, String contentType, byte[] body) {
        server.createContext(path, ex -> {
            ex.getResponseHeaders().add("Content-Type", contentType);
            ex.sendResponseHeaders(200, body.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        });
    }

    private static final String TITLE = "Budget de la d\u00e9fense : l\u2019arm\u00e9e \u00e0 l\u2019\u00e9preuve";

    /** A one-item feed whose title has non-ASCII letters, in the given encoding. */
    private static byte[] feed(String prolog, java.nio.charset.Charset charset) {
        // the curly apostrophe has no ISO-8859-1 form: write it as a character reference there
        String title = charset.equals(StandardCharsets.ISO_8859_1) ? TITLE.replace("\u2019", "&#8217;") : TITLE;
        return (prolog + "<rss version=\"2.0\"><channel><title>Le Courrier</title>"
                        + "<link>https://courrier.example.fr/</link><item><title>" + title + "</title>"
                        + "<link>https://courrier.example.fr/a/1</link><description>D\u00e9fense.</description>"
                        + "</item></channel></rss>")
                .getBytes(charset);
    }

    private static String relativeLinksFeed(String channelLink) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel><title>Moved</title>"
                + channelLink + "<item><title>One</title><link>story-1</link></item>"
                + "<item><title>Two</title><link>/root-story</link></item></channel></rss>";
    }

    @AfterEach
    void stop() {
        release.countDown();
        server.stop(0);
    }

    @Test
    void shouldFetchJsonFeedOverHttpThroughTheSameEntryPoint() throws Exception {
        ArticleReadResult result = new FeedReader(new ArticleNormalizer()).read(base + "/feed.json");

        assertThat(result.errors()).isEmpty();
        assertThat(result.articles())
                .extracting(a -> a.getTitle())
                .containsExactly("Ferry timetable changes", "Report on dredging", "Teaser copied into content");
        assertThat(result.articles().get(0).getUrl()).isEqualTo("https://ledger.example.com/2025/ferry");
        assertThat(result.articles().get(0).getFeedUrl()).isEqualTo(base + "/feed.json");
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

    @Test
    void shouldReadUtf8FeedServedAsTextXmlWithoutCharsetAsUtf8() throws Exception {
        FeedReader reader = new FeedReader(new ArticleNormalizer());
        for (String path : new String[] {"/utf8-text-xml.xml", "/utf8-no-prolog.xml"}) {
            ArticleReadResult result = reader.read(base + path);
            assertThat(result.articles()).as(path).singleElement().satisfies(a -> {
                assertThat(a.getTitle()).isEqualTo(TITLE);
                assertThat(a.getBody()).isEqualTo("D\u00e9fense.");
                assertThat(a.getContentHash()).isEqualTo(ArticleIds.contentHash(TITLE, "D\u00e9fense."));
            });
        }
    }

    @Test
    void shouldFollowTheXmlDeclarationOfAFeedServedAsTextXmlWithoutCharset() throws Exception {
        ArticleReadResult result = new FeedReader(new ArticleNormalizer()).read(base + "/latin1-declared.xml");
        assertThat(result.articles())
                .singleElement()
                .satisfies(a -> assertThat(a.getTitle()).isEqualTo(TITLE));
    }

    @Test
    void shouldLetTheHttpCharsetWinOverTheXmlDeclaration() throws Exception {
        ArticleReadResult result = new FeedReader(new ArticleNormalizer()).read(base + "/http-charset-wins.xml");
        assertThat(result.articles())
                .singleElement()
                .satisfies(a -> assertThat(a.getTitle()).isEqualTo(TITLE));
    }

    @Test
    void shouldLetAByteOrderMarkWinOverTheHttpCharset() throws Exception {
        ArticleReadResult result = new FeedReader(new ArticleNormalizer()).read(base + "/bom-wins.xml");
        assertThat(result.articles())
                .singleElement()
                .satisfies(a -> assertThat(a.getTitle()).isEqualTo(TITLE));
    }

    @Test
    void shouldResolveRelativeLinksAgainstTheUrlAfterRedirects() throws Exception {
        ArticleReadResult result = new FeedReader(new ArticleNormalizer()).read(base + "/old/relative.xml");

        assertThat(result.articles())
                .extracting(a -> a.getUrl())
                .containsExactly(base + "/new/story-1", base + "/root-story");
        // the feed keeps the name it was asked for: that is how its owner configured it
        assertThat(result.articles()).allSatisfy(a -> assertThat(a.getFeedUrl()).isEqualTo(base + "/old/relative.xml"));
    }

    @Test
    void shouldResolveARelativeSiteLinkAgainstTheUrlAfterRedirectsToo() throws Exception {
        ArticleReadResult result = new FeedReader(new ArticleNormalizer()).read(base + "/old/relative-site.xml");

        assertThat(result.articles())
                .extracting(a -> a.getUrl())
                .containsExactly(base + "/new/site/story-1", base + "/root-story");
    }
}
