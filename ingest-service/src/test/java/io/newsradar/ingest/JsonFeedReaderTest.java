package io.newsradar.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsradar.avro.NewsArticle;
import io.newsradar.schemas.article.ArticleMarks;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonFeedReaderTest {
    private final FeedReader reader = new FeedReader(new ArticleNormalizer());

    @Test
    void shouldReadJsonFeed11AtParserLevel() throws Exception {
        byte[] json = FeedReaderTest.fixtureBytes("awkward/jsonfeed-1.1.json");

        ParsedFeed feed = reader.parseFeed(json, "application/feed+json", "https://ledger.example.com/feed.json", null);

        assertThat(feed.format()).isEqualTo("json_1.1");
        assertThat(feed.title()).isEqualTo("Harbour Ledger");
        assertThat(feed.link()).isEqualTo("https://ledger.example.com/");
        assertThat(feed.language()).isEqualTo("en-GB");
        assertThat(feed.items()).hasSize(3);

        RawArticle first = feed.items().get(0);
        assertThat(first.url()).as("relative url resolved").isEqualTo("https://ledger.example.com/2025/ferry");
        assertThat(first.guid()).isEqualTo("https://ledger.example.com/2025/ferry");
        assertThat(first.source()).isEqualTo("Harbour Ledger");
        assertThat(first.bodyHtmlOrText()).startsWith("<p>The <b>winter</b>");
        assertThat(first.bodyKind()).as("content differs from summary").isEqualTo(ArticleMarks.FULL_TEXT);
        assertThat(first.author()).isEqualTo("Ada Fixture, Bo Sample");
        assertThat(first.categories()).containsExactly("transport", "harbour");
        assertThat(first.publishedAt()).isEqualTo(Instant.parse("2025-03-03T07:15:00Z"));
        assertThat(first.language()).isEqualTo("en-GB");

        RawArticle second = feed.items().get(1);
        assertThat(second.url())
                .as("external_url when there is no url")
                .isEqualTo("https://elsewhere.example.org/report");
        assertThat(second.guid()).as("a numeric 1.0-style id").isEqualTo("42");
        assertThat(second.bodyKind()).as("summary only").isEqualTo(ArticleMarks.SUMMARY);
        assertThat(second.publishedAt())
                .as("date_modified when no date_published")
                .isEqualTo(Instant.parse("2025-03-04T09:00:00Z"));
        assertThat(second.language()).as("item language wins").isEqualTo("cy");

        assertThat(feed.items().get(2).bodyKind())
                .as("content identical to summary")
                .isEqualTo(ArticleMarks.SUMMARY);
    }

    @Test
    void shouldReadJsonFeed10WithItsSingleAuthorAndNormaliseIt() throws Exception {
        byte[] json = FeedReaderTest.fixtureBytes("awkward/jsonfeed-1.0.json");

        ArticleReadResult result = reader.parse(json, "application/json", "https://notes.example.com/feed.json");

        assertThat(result.errors()).isEmpty();
        NewsArticle a = result.articles().get(0);
        assertThat(a.getTitle()).isEqualTo("Bridge repaired");
        assertThat(a.getAuthor()).isEqualTo("Cy Example");
        assertThat(a.getSource()).isEqualTo("Valley Notes");
        assertThat(a.getPublishedAt()).isEqualTo(Instant.parse("2025-02-01T10:00:00Z"));
    }

    @Test
    void shouldSniffJsonWithoutAContentTypeAndAfterABom() throws Exception {
        byte[] json = ("\uFEFF  "
                        + new String(FeedReaderTest.fixtureBytes("awkward/jsonfeed-1.0.json"), StandardCharsets.UTF_8))
                .getBytes(StandardCharsets.UTF_8);

        assertThat(reader.parseFeed(json, null, "file:///tmp/f.json", null).format())
                .isEqualTo("json_1.0");
    }

    @Test
    void shouldRejectJsonThatIsNoFeedWithAReason() {
        for (var c : List.of(
                List.of("{\"name\":\"x\"}", "not a JSON Feed (no jsonfeed.org version and no items array)"),
                List.of("[1,2]", "not a JSON Feed (the document is not a JSON object)"),
                List.of("{\"version\":\"1.1\",\"items\":{}}", "not a JSON Feed (\"items\" is not an array)"),
                List.of("{\"version\": ", "invalid JSON at line 1"))) {
            assertThatThrownBy(() ->
                            reader.parse(c.get(0).getBytes(StandardCharsets.UTF_8), null, "https://j.example.com/f"))
                    .isInstanceOf(FeedReadException.class)
                    .hasMessageContaining("feed https://j.example.com/f: " + c.get(1));
        }
    }
}
