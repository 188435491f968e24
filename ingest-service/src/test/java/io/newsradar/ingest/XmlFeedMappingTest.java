package io.newsradar.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsradar.schemas.article.ArticleMarks;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The XML to RawArticle mapping at parser level: what ROME's model alone would lose or get wrong. */
class XmlFeedMappingTest {
    private final FeedReader reader = new FeedReader(new ArticleNormalizer());

    private ParsedFeed parse(String xml) throws FeedReadException {
        return reader.parseFeed(xml.getBytes(StandardCharsets.UTF_8), null, "https://feeds.example.com/f", null);
    }

    @Test
    void shouldMarkRssContentEncodedAsFullTextAndDescriptionAsSummaryAndKeepCategories() throws Exception {
        // content:encoded used without declaring its prefix, as hand-made feeds do
        ParsedFeed feed = parse("<rss version=\"2.0\"><channel><title>T</title><link>https://n.example.com/</link>"
                + "<description>d</description>"
                + "<item><title>Full</title><link>https://n.example.com/1</link><description>teaser</description>"
                + "<content:encoded><![CDATA[<p>The whole story.</p>]]></content:encoded>"
                + "<category>Defense</category><category> AI </category><category>Defense</category><category> </category></item>"
                + "<item><title>Teaser</title><link>https://n.example.com/2</link><description>only this</description></item>"
                + "<item><title>Bare</title><link>https://n.example.com/3</link></item>"
                + "</channel></rss>");

        assertThat(feed.items().get(0).bodyKind()).isEqualTo(ArticleMarks.FULL_TEXT);
        assertThat(feed.items().get(0).bodyHtmlOrText()).isEqualTo("<p>The whole story.</p>");
        assertThat(feed.items().get(0).categories()).containsExactly("Defense", "AI");
        assertThat(feed.items().get(1).bodyKind()).isEqualTo(ArticleMarks.SUMMARY);
        assertThat(feed.items().get(2).bodyKind()).isNull();
    }

    @Test
    void shouldMarkAtomContentAsFullTextAndSummaryAsSummaryAndPreferTheAlternateFeedLink() throws Exception {
        ParsedFeed feed = parse("<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>A</title>"
                + "<link rel=\"self\" href=\"https://a.example.com/feed.atom\"/>"
                + "<link rel=\"alternate\" href=\"https://a.example.com/\"/><id>urn:a</id><updated>2025-03-01T00:00:00Z</updated>"
                + "<entry><title>One</title><link href=\"https://a.example.com/1\"/><id>urn:1</id>"
                + "<updated>2025-03-01T00:00:00Z</updated><summary>s</summary><content type=\"html\">&lt;p&gt;c&lt;/p&gt;</content>"
                + "<category term=\"space\"/></entry>"
                + "<entry><title>Two</title><link href=\"https://a.example.com/2\"/><id>urn:2</id>"
                + "<updated>2025-03-01T00:00:00Z</updated><summary>s only</summary></entry></feed>");

        assertThat(feed.format()).isEqualTo("atom_1.0");
        assertThat(feed.link()).isEqualTo("https://a.example.com/");
        assertThat(feed.items().get(0).bodyKind()).isEqualTo(ArticleMarks.FULL_TEXT);
        assertThat(feed.items().get(0).categories()).containsExactly("space");
        assertThat(feed.items().get(1).bodyKind()).isEqualTo(ArticleMarks.SUMMARY);
    }

    @Test
    void shouldReadDatesRomeCannotWithTheLenientParser() throws Exception {
        ParsedFeed feed = parse("<rss version=\"2.0\"><channel><title>T</title><link>https://n.example.com/</link>"
                + "<description>d</description>"
                + "<item><title>a</title><link>https://n.example.com/1</link><pubDate>2025-03-03 08:15:00 +0900</pubDate></item>"
                + "<item><title>b</title><link>https://n.example.com/2</link><pubDate>March 3rd, 2025 8:15 PM EST</pubDate></item>"
                + "<item><title>c</title><link>https://n.example.com/3</link><pubDate>sometime soon</pubDate></item>"
                + "</channel></rss>");

        assertThat(feed.items().get(0).publishedAt()).isEqualTo(Instant.parse("2025-03-02T23:15:00Z"));
        assertThat(feed.items().get(1).publishedAt()).isEqualTo(Instant.parse("2025-03-04T01:15:00Z"));
        assertThat(feed.items().get(2).publishedAt())
                .as("unreadable: left for the normaliser to record")
                .isNull();
    }

    @Test
    void shouldStoreRssDatesWithOddZonesAndNoSecondsAsUtcInstants() throws Exception {
        String[][] cases = {
            {"Mon, 03 Mar 2025 08:15 EST", "2025-03-03T13:15:00Z"},
            {"Mon, 03 Mar 2025 08:15:00 +0900", "2025-03-02T23:15:00Z"},
            {"03 Mar 2025 08:15:00 PDT", "2025-03-03T15:15:00Z"},
            {"Mon, 3 Mar 25 08:15:00 GMT", "2025-03-03T08:15:00Z"},
            {"2025-03-03T08:15:00+09:00", "2025-03-02T23:15:00Z"},
        };
        StringBuilder xml = new StringBuilder("<rss version=\"2.0\"><channel><title>T</title>"
                + "<link>https://n.example.com/</link><description>d</description>");
        for (int i = 0; i < cases.length; i++) {
            xml.append("<item><title>t")
                    .append(i)
                    .append("</title><link>https://n.example.com/")
                    .append(i)
                    .append("</link><pubDate>")
                    .append(cases[i][0])
                    .append("</pubDate></item>");
        }
        ParsedFeed feed = parse(xml.append("</channel></rss>").toString());

        for (int i = 0; i < cases.length; i++) {
            assertThat(feed.items().get(i).publishedAt()).as(cases[i][0]).isEqualTo(Instant.parse(cases[i][1]));
        }
    }

    @Test
    void shouldKeepNakedTitleMarkupFallBackToDcTitleAndResolveLinksAgainstXmlBase() throws Exception {
        ParsedFeed feed = parse("<rss version=\"2.0\" xml:base=\"https://b.example.com/feeds/\""
                + " xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><channel><dc:title>DC Feed</dc:title>"
                + "<description>d</description>"
                + "<item><title><b>Bold</b> move</title><link>post/1</link></item></channel></rss>");

        assertThat(feed.title()).isEqualTo("DC Feed");
        assertThat(feed.items().get(0).title()).isEqualTo("<b>Bold</b> move");
        assertThat(feed.items().get(0).url()).isEqualTo("https://b.example.com/feeds/post/1");
    }

    @Test
    void shouldResolveRelativeLinksOfAFeedReadFromAFileAgainstItsSelfLink() throws Exception {
        String xml = "<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>S</title>"
                + "<link rel=\"self\" href=\"http://s.example.net/blog/index.atom\"/><link href=\"/blog/\"/>"
                + "<id>urn:s</id><updated>2012-07-25T12:39:39-07:00</updated>"
                + "<entry><id>urn:1</id><title>One</title><link href=\"/blog/2012/one\"/>"
                + "<updated>2012-07-16T00:00:00Z</updated></entry></feed>";

        ParsedFeed feed = reader.parseFeed(xml.getBytes(StandardCharsets.UTF_8), null, "file:///tmp/s.atom", null);

        assertThat(feed.link()).isEqualTo("http://s.example.net/blog/");
        assertThat(feed.items().get(0).url()).isEqualTo("http://s.example.net/blog/2012/one");
    }
}
