package io.newsradar.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsradar.avro.IngestChannel;
import io.newsradar.avro.NewsArticle;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class FeedReaderTest {
    private static final Instant NOW = Instant.parse("2025-03-10T12:00:00Z");
    private final FeedReader reader = new FeedReader(new ArticleNormalizer(Clock.fixed(NOW, ZoneOffset.UTC)));

    static Path fixture(String name) {
        try {
            return Path.of(FeedReaderTest.class.getResource("/feeds/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] fixtureBytes(String name) throws IOException {
        try (InputStream in = FeedReaderTest.class.getResourceAsStream("/feeds/" + name)) {
            return in.readAllBytes();
        }
    }

    @Test
    void shouldReadRss2Items() throws Exception {
        ArticleReadResult result = reader.read(fixture("rss2.xml").toString());

        assertThat(result.errors()).isEmpty();
        assertThat(result.articles()).hasSize(3);
        NewsArticle first = result.articles().get(0);
        assertThat(first.getTitle()).isEqualTo("Council approves new bus lanes");
        assertThat(first.getUrl()).isEqualTo("https://news.example.com/local/bus-lanes");
        assertThat(first.getGuid()).isEqualTo("tvc-1001");
        assertThat(first.getSource()).isEqualTo("Test Valley Courier");
        assertThat(first.getAuthor()).isEqualTo("Ada Fixture");
        assertThat(first.getLanguage()).isEqualTo("en-US");
        assertThat(first.getBody())
                .as("content:encoded wins over description and keeps paragraphs")
                .isEqualTo("The council voted 7 to 2 for the lanes.\n\nWork starts in May & ends in June.");
        assertThat(first.getPublishedAt()).isEqualTo(Instant.parse("2025-03-03T08:15:00Z"));
        assertThat(first.getChannel()).isEqualTo(IngestChannel.FEED);
        assertThat(first.getFeedUrl()).startsWith("file:").endsWith("/feeds/rss2.xml");

        NewsArticle second = result.articles().get(1);
        assertThat(second.getUrl())
                .as("relative link resolved against the channel link")
                .isEqualTo("https://news.example.com/local/library-hours");
        assertThat(second.getBody()).isEqualTo("The central library will open on Sundays.\n\nStaff were hired for it.");
        assertThat(second.getPublishedAt()).isEqualTo(Instant.parse("2025-03-04T09:00:00Z"));

        NewsArticle third = result.articles().get(2);
        assertThat(third.getUrl())
                .as("permalink guid used as link")
                .isEqualTo("https://news.example.com/markets/report-12");
        assertThat(third.getPublishedAt()).as("no date: fetch time").isEqualTo(NOW);
    }

    @Test
    void shouldReadAtom1Entries() throws Exception {
        ArticleReadResult result = reader.read(fixture("atom1.xml").toUri().toString());

        assertThat(result.errors()).isEmpty();
        assertThat(result.articles()).hasSize(2);
        NewsArticle first = result.articles().get(0);
        assertThat(first.getTitle()).isEqualTo("Probe reaches outer belt");
        assertThat(first.getUrl()).isEqualTo("https://science.example.org/space/probe-belt");
        assertThat(first.getGuid()).isEqualTo("urn:uuid:7d1f3c2e-0000-4000-8000-000000000002");
        assertThat(first.getSource()).isEqualTo("Fixture Science Wire");
        assertThat(first.getAuthor()).isEqualTo("Rui Fixture");
        assertThat(first.getBody()).isEqualTo("The probe sent its first images.\n\nScientists called them sharp.");
        assertThat(first.getPublishedAt()).isEqualTo(Instant.parse("2025-03-05T07:30:00Z"));

        NewsArticle second = result.articles().get(1);
        assertThat(second.getBody()).isEqualTo("The bank stores seeds from 400 local plants.");
        assertThat(second.getPublishedAt())
                .as("updated when there is no published")
                .isEqualTo(Instant.parse("2025-03-04T16:00:00Z"));
    }

    @Test
    void shouldReadFeedWithExternalEntityButNeverExpandIt() throws Exception {
        // A DOCTYPE is allowed now (RSS 0.91); the external entity resolves to nothing.
        ArticleReadResult result = reader.read(fixture("xxe.xml").toString());

        assertThat(result.articles()).singleElement().satisfies(a -> {
            assertThat(a.getTitle()).isEqualTo("Leak");
            assertThat(a.getBody()).doesNotContain("root:");
        });
    }

    @Test
    void shouldNeverExpandExternalEntityInBytesFromThePushPath() throws Exception {
        byte[] xml = fixtureBytes("xxe.xml");
        ArticleReadResult result = reader.parse(xml, "application/rss+xml", "https://evil.example.com/feed");
        assertThat(result.articles())
                .singleElement()
                .satisfies(a -> assertThat(a.getBody()).doesNotContain("root:"));
    }

    @Test
    // A guard so an expansion bug fails the build instead of hanging it; not a performance assertion.
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void shouldRefuseBillionLaughs() {
        assertThatThrownBy(() -> reader.read(fixture("billion-laughs.xml").toString()))
                .isInstanceOf(FeedReadException.class)
                .hasMessageContaining("billion-laughs.xml")
                .hasMessageContaining("refused: entity expansion over the parser's limits");
    }

    @Test
    void shouldParseFeedWithBareAmpersandsAndHtmlEntities() throws Exception {
        ArticleReadResult result = reader.read(fixture("sloppy.xml").toString());

        assertThat(result.errors()).isEmpty();
        NewsArticle a = result.articles().get(0);
        assertThat(a.getSource()).isEqualTo("Bits & Pieces Gazette");
        assertThat(a.getTitle()).isEqualTo("AT&T rival & partner cut prices again");
        assertThat(a.getUrl()).isEqualTo("https://gazette.example.com/story?id=7&ref=home");
        assertThat(a.getBody()).isEqualTo("Fees fell 5% & more &unknownthing; later.");
    }

    @Test
    void shouldReportBadItemsByIndexAndKeepTheRest() throws Exception {
        ArticleReadResult result = reader.read(fixture("bad-item.xml").toString());

        assertThat(result.articles()).extracting(NewsArticle::getTitle).containsExactly("Good item");
        assertThat(result.errors()).hasSize(2);
        assertThat(result.errors().get(0).input()).startsWith("feed file:").endsWith("bad-item.xml");
        assertThat(result.errors().get(0).location()).isEqualTo("item 1");
        assertThat(result.errors().get(0).reason()).isEqualTo("title and body are both empty");
        assertThat(result.errors().get(1).location()).isEqualTo("item 3");
        assertThat(result.errors().get(1).reason()).contains("ftp://broken.example.com/file");
        assertThat(result.read()).isEqualTo(3);
    }

    @Test
    void shouldRejectDocumentThatIsNotAFeed() {
        assertThatThrownBy(() -> reader.read(fixture("not-a-feed.html").toString()))
                .isInstanceOf(FeedReadException.class)
                .hasMessageContaining("not-a-feed.html")
                .hasMessageEndingWith("an HTML page, not a feed");
    }

    @Test
    void shouldRejectMalformedXmlWithReason() {
        byte[] xml = "<rss version=\"2.0\"><channel><title>x</title>".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> reader.parse(xml, null, "https://example.com/feed"))
                .isInstanceOf(FeedReadException.class)
                .hasMessageStartingWith("feed https://example.com/feed: invalid XML at line 1");
    }

    @Test
    void shouldRejectMissingFile() {
        assertThatThrownBy(() -> reader.read("/no/such/feed.xml"))
                .isInstanceOf(FeedReadException.class)
                .hasMessageContaining("not found")
                .hasMessageContaining("/no/such/feed.xml");
    }

    @Test
    void shouldRejectFileOverSizeLimit() throws IOException {
        FeedReader small = new FeedReader(
                new ArticleNormalizer(), FeedReader.Options.defaults().withMaxBytes(100));
        assertThat(Files.size(fixture("rss2.xml"))).isGreaterThan(100);
        assertThatThrownBy(() -> small.read(fixture("rss2.xml").toString()))
                .isInstanceOf(FeedReadException.class)
                .hasMessageContaining("larger than the limit of 100 bytes");
    }

    @Test
    void shouldDecodeCharsetFromProlog() throws Exception {
        String xml =
                "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><rss version=\"2.0\"><channel><title>Caf\u00e9</title>"
                        + "<link>https://example.com/</link><description>d</description><item><title>Cr\u00e8me</title>"
                        + "<link>https://example.com/c</link></item></channel></rss>";
        ArticleReadResult result =
                reader.parse(xml.getBytes(StandardCharsets.ISO_8859_1), null, "https://example.com/f");
        assertThat(result.articles()).singleElement().satisfies(a -> {
            assertThat(a.getTitle()).isEqualTo("Cr\u00e8me");
            assertThat(a.getSource()).isEqualTo("Caf\u00e9");
        });
    }

    @Test
    void shouldReadUndeclaredLatin1FeedAsWindows1252() throws Exception {
        String xml = "<rss version=\"2.0\"><channel><title>Not\u00edcias</title><link>https://example.com/</link>"
                + "<description>d</description><item><title>Simula\u00e7\u00f5es do 2\u00ba turno</title>"
                + "<link>https://example.com/s</link></item></channel></rss>";
        ArticleReadResult result =
                reader.parse(xml.getBytes(StandardCharsets.ISO_8859_1), null, "https://example.com/f");
        assertThat(result.articles())
                .singleElement()
                .satisfies(a -> assertThat(a.getTitle()).isEqualTo("Simula\u00e7\u00f5es do 2\u00ba turno"));
    }

    @Test
    void shouldExplainWellFormedXmlThatIsNoUsableFeed() {
        byte[] xml = "<?xml version=\"1.0\"?><rss version=\"2.0\"></rss>".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> reader.parse(xml, null, "https://example.com/feed"))
                .isInstanceOf(FeedReadException.class)
                .hasMessageStartingWith("feed https://example.com/feed: not a usable RSS or Atom document");
    }
}
