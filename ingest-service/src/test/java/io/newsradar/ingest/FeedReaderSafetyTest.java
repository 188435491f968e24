package io.newsradar.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.newsradar.avro.NewsArticle;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * DOCTYPEs are allowed (old RSS 0.91 feeds), so these check that nothing external is ever read
 * and that internal entity expansion is bounded; plus the documents that are no feed at all.
 */
class FeedReaderSafetyTest {
    private static final String SECRET = "TOP-SECRET-LOCAL-FILE-CONTENT-7f3a";

    private final FeedReader reader = new FeedReader(new ArticleNormalizer());
    private HttpServer server;
    private final List<String> requests = new CopyOnWriteArrayList<>();

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", ex -> {
            requests.add(ex.getRequestURI().toString());
            byte[] body = SECRET.getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(200, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    private String httpBase() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @Test
    void shouldReadNoFileAndCallNoServerForExternalEntitiesAndDtds(@TempDir Path dir) throws Exception {
        Path secret = Files.writeString(dir.resolve("secret.txt"), SECRET);
        String xml = new String(
                        FeedReaderTest.fixtureBytes("awkward/xxe-external.xml.template"), StandardCharsets.UTF_8)
                .replace("@FILE@", secret.toUri().toString())
                .replace("@HTTP@", httpBase());

        ArticleReadResult result =
                reader.parse(xml.getBytes(StandardCharsets.UTF_8), "application/rss+xml", "https://evil.example.com/f");

        NewsArticle a = result.articles().get(0);
        assertThat(a.getTitle()).isEqualTo("Leak");
        assertThat(a.getBody()).doesNotContain(SECRET).startsWith("file:");
        assertThat(result.articles().toString()).doesNotContain(SECRET);
        assertThat(requests).as("requests the parser made to the local server").isEmpty();
    }

    @Test
    void shouldReadRss091FeedDeclaringTheNetscapeDtdWithoutFetchingIt() throws Exception {
        String xml = new String(FeedReaderTest.fixtureBytes("awkward/rss091-netscape.xml"), StandardCharsets.ISO_8859_1)
                .replace("http://my.netscape.com/publish/formats/rss-0.91.dtd", httpBase() + "/rss-0.91.dtd");

        ParsedFeed feed =
                reader.parseFeed(xml.getBytes(StandardCharsets.ISO_8859_1), null, "https://g.example.com/f", null);

        assertThat(feed.format()).startsWith("rss_0.91");
        assertThat(feed.title()).isEqualTo("Old Town Gazette");
        assertThat(feed.items()).hasSize(2);
        assertThat(feed.items().get(0).title()).isEqualTo("Caf\u00e9 reopens on Main Street");
        assertThat(feed.items().get(0).bodyHtmlOrText()).isEqualTo("The caf\u00e9 closed in 1998 & reopens today.");
        assertThat(requests).as("the DTD must not be fetched").isEmpty();
    }

    @Test
    // A guard so an expansion bug fails the build instead of hanging it; not a performance assertion.
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void shouldRefuseQuadraticBlowupWithAReason() {
        // One 50,000-character entity referenced 20,000 times: 1e9 characters if expanded.
        String big = "a".repeat(50_000);
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY big \"")
                .append(big)
                .append("\">]><rss version=\"2.0\"><channel><title>t</title><link>https://q.example.com/</link>")
                .append("<description>d</description><item><title>q</title><description>");
        xml.append("&big;".repeat(20_000));
        xml.append("</description></item></channel></rss>");

        assertThatThrownBy(() ->
                        reader.parse(xml.toString().getBytes(StandardCharsets.UTF_8), null, "https://q.example.com/f"))
                .isInstanceOf(FeedReadException.class)
                .hasMessageContaining("refused: entity expansion over the parser's limits");
    }

    @Test
    void shouldStillExpandASmallInternalEntity() throws Exception {
        String xml = "<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY org \"Harbour Council\">]>"
                + "<rss version=\"2.0\"><channel><title>&org; news</title><link>https://h.example.com/</link>"
                + "<description>d</description><item><title>&org; meets</title>"
                + "<link>https://h.example.com/1</link></item></channel></rss>";

        ParsedFeed feed = reader.parseFeed(xml.getBytes(StandardCharsets.UTF_8), null, "https://h.example.com/f", null);

        assertThat(feed.title()).isEqualTo("Harbour Council news");
        assertThat(feed.items().get(0).title()).isEqualTo("Harbour Council meets");
    }

    @Test
    void shouldRejectEmptyAndWhitespaceOnlyDocuments() {
        for (String name : List.of("empty.xml", "whitespace-only.xml")) {
            assertThatThrownBy(() -> reader.read(
                            FeedReaderTest.fixture("awkward/" + name).toString()))
                    .isInstanceOf(FeedReadException.class)
                    .hasMessageEndingWith(name + ": empty document");
        }
    }

    @Test
    void shouldRejectGarbageBytes() {
        assertThatThrownBy(() -> reader.read(
                        FeedReaderTest.fixture("awkward/garbage.bin").toString()))
                .isInstanceOf(FeedReadException.class)
                .hasMessageContaining("not a feed (neither XML nor JSON");
    }

    @Test
    void shouldRejectGzipBytesWithAReason() throws IOException {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (java.util.zip.GZIPOutputStream gz = new java.util.zip.GZIPOutputStream(bytes)) {
            gz.write(FeedReaderTest.fixtureBytes("rss2.xml"));
        }
        assertThatThrownBy(() -> reader.parse(bytes.toByteArray(), null, "https://z.example.com/f"))
                .isInstanceOf(FeedReadException.class)
                .hasMessage("feed https://z.example.com/f: gzip-compressed data, not a feed document");
    }

    @Test
    void shouldRejectAnHtmlPageWithDoctype() {
        assertThatThrownBy(() -> reader.read(
                        FeedReaderTest.fixture("awkward/html-page.html").toString()))
                .isInstanceOf(FeedReadException.class)
                .hasMessageEndingWith("html-page.html: an HTML page, not a feed");
    }

    @Test
    void shouldRejectOversizeBytesFromThePushPathBeforeParsing() {
        FeedReader small = new FeedReader(
                new ArticleNormalizer(), FeedReader.Options.defaults().withMaxBytes(64));
        byte[] doc = ("{\"version\":\"https://jsonfeed.org/version/1.1\",\"items\":[" + "{},".repeat(30) + "{}]}")
                .getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> small.parse(doc, "application/feed+json", "https://big.example.com/f"))
                .isInstanceOf(FeedReadException.class)
                .hasMessage("feed https://big.example.com/f: larger than the limit of 64 bytes");
    }

    @Test
    void shouldRejectJsonNestedPastJacksonsDepthLimitAsInvalidJson() {
        byte[] doc = ("{\"items\":" + "[".repeat(5_000) + "]".repeat(5_000) + "}").getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> reader.parse(doc, "application/feed+json", "https://deep.example.com/f"))
                .isInstanceOf(FeedReadException.class)
                .hasMessageContaining("invalid JSON");
    }

    @Test
    void shouldRejectElementsNestedPastTheDepthLimit() {
        String xml = "<rss version=\"2.0\"><channel><title>t</title><item><description>"
                + "<x>".repeat(XmlFeedParser.MAX_ELEMENT_DEPTH + 10)
                + "</x>".repeat(XmlFeedParser.MAX_ELEMENT_DEPTH + 10)
                + "</description></item></channel></rss>";

        assertThatThrownBy(() -> reader.parse(xml.getBytes(StandardCharsets.UTF_8), null, "https://d.example.com/f"))
                .isInstanceOf(FeedReadException.class)
                .hasMessageContaining("nested deeper than");
    }
}
