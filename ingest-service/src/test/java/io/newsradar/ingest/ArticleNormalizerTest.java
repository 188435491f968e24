package io.newsradar.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsradar.avro.IngestChannel;
import io.newsradar.avro.NewsArticle;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class ArticleNormalizerTest {
    private static final Instant NOW = Instant.parse("2025-03-10T12:00:00Z");
    private final ArticleNormalizer normalizer = new ArticleNormalizer(Clock.fixed(NOW, ZoneOffset.UTC));

    private static RawArticle raw(
            String url, String guid, String source, String title, String body, Instant published) {
        return new RawArticle(url, guid, source, title, body, null, null, published, null, IngestChannel.FILE);
    }

    @Test
    void shouldTurnHtmlBodyIntoTextKeepingParagraphs() {
        NewsArticle a = normalizer.normalize(raw(
                "https://www.example.com/a?utm_source=x",
                null,
                null,
                "  Harbour   &amp; port news ",
                "<p>The port reopened on Monday.</p><p>Ships queued &quot;for hours&quot;.</p>",
                Instant.parse("2025-03-09T08:00:00Z")));

        assertThat(a.getTitle()).isEqualTo("Harbour & port news");
        assertThat(a.getBody()).isEqualTo("The port reopened on Monday.\n\nShips queued \"for hours\".");
        assertThat(a.getUrl()).isEqualTo("https://www.example.com/a");
        assertThat(a.getId()).isEqualTo(ArticleIds.idForUrl("https://www.example.com/a"));
        assertThat(a.getContentHash()).isEqualTo(ArticleIds.contentHash(a.getTitle(), a.getBody()));
        assertThat(a.getPublishedAt()).isEqualTo(Instant.parse("2025-03-09T08:00:00Z"));
        assertThat(a.getFetchedAt()).isEqualTo(NOW);
        assertThat(a.getChannel()).isEqualTo(IngestChannel.FILE);
    }

    @Test
    void shouldDefaultSourceToUrlHostWithoutWww() {
        NewsArticle a = normalizer.normalize(raw("https://www.example.com/a", null, " ", "T", "B", null));
        assertThat(a.getSource()).isEqualTo("example.com");
        NewsArticle b = normalizer.normalize(raw("https://news.example.org/a", null, null, "T", "B", null));
        assertThat(b.getSource()).isEqualTo("news.example.org");
    }

    @Test
    void shouldKeepGivenSource() {
        NewsArticle a =
                normalizer.normalize(raw("https://example.com/a", null, " Harbor City Ledger ", "T", "B", null));
        assertThat(a.getSource()).isEqualTo("Harbor City Ledger");
    }

    @Test
    void shouldUseFetchTimeWhenPublishTimeIsMissing() {
        NewsArticle a = normalizer.normalize(raw("https://example.com/a", null, null, "T", "B", null));
        assertThat(a.getPublishedAt()).isEqualTo(NOW);
    }

    @Test
    void shouldCapPublishTimeInTheFutureAtFetchTime() {
        NewsArticle a = normalizer.normalize(raw("https://example.com/a", null, null, "T", "B", NOW.plusSeconds(7200)));
        assertThat(a.getPublishedAt()).isEqualTo(NOW);
    }

    @Test
    void shouldIdentifyArticleWithoutUrlBySourceAndGuid() {
        NewsArticle a = normalizer.normalize(raw(null, "item-7", "Harbor City Ledger", "T", "B", null));
        assertThat(a.getUrl()).isNull();
        assertThat(a.getGuid()).isEqualTo("item-7");
        assertThat(a.getId()).isEqualTo(ArticleIds.idForGuid("Harbor City Ledger", "item-7"));
    }

    @Test
    void shouldRejectArticleWithNeitherTitleNorBody() {
        assertThatThrownBy(() -> normalizer.normalize(raw("https://example.com/a", null, null, " ", "<p> </p>", null)))
                .isInstanceOf(InvalidArticleException.class)
                .hasMessage("title and body are both empty");
    }

    @Test
    void shouldRejectArticleWithNoUrlAndNoGuid() {
        assertThatThrownBy(() -> normalizer.normalize(raw(null, null, "Harbor City Ledger", "T", "B", null)))
                .isInstanceOf(InvalidArticleException.class)
                .hasMessageContaining("no url")
                .hasMessageContaining("guid");
        assertThatThrownBy(() -> normalizer.normalize(raw(" ", "g-1", null, "T", "B", null)))
                .isInstanceOf(InvalidArticleException.class)
                .hasMessageContaining("no url");
    }

    @Test
    void shouldRejectNonHttpUrlWithReason() {
        assertThatThrownBy(() -> normalizer.normalize(raw("mailto:desk@example.com", null, null, "T", "B", null)))
                .isInstanceOf(InvalidArticleException.class)
                .hasMessageContaining("mailto:desk@example.com");
    }

    @Test
    void shouldKeepATitleOnlyArticleWithAnEmptyBody() {
        NewsArticle a = normalizer.normalize(raw("https://example.com/a", null, null, "Only a title", null, null));

        assertThat(a.getTitle()).isEqualTo("Only a title");
        assertThat(a.getBody()).isEmpty();
    }

    @Test
    void shouldDeriveTheTitleOfABodyOnlyArticleFromItsFirstSentence() {
        NewsArticle a = normalizer.normalize(raw(
                "https://example.com/b",
                null,
                null,
                " ",
                "<p>The port reopened on Monday. Ships queued for hours.</p><p>More later.</p>",
                null));

        assertThat(a.getTitle()).isEqualTo("The port reopened on Monday.");
        assertThat(a.getBody()).isEqualTo("The port reopened on Monday. Ships queued for hours.\n\nMore later.");
        assertThat(a.getContentHash()).isEqualTo(ArticleIds.contentHash(a.getTitle(), a.getBody()));
    }

    @Test
    void shouldNormaliseLanguageTagAndBlankOptionalFields() {
        RawArticle r = new RawArticle("https://example.com/a", " ", null, "T", "B", "  ", "en_us", null, "", null);
        NewsArticle a = normalizer.normalize(r);
        assertThat(a.getLanguage()).isEqualTo("en-US");
        assertThat(a.getGuid()).isNull();
        assertThat(a.getAuthor()).isNull();
        assertThat(a.getFeedUrl()).isNull();
        assertThat(a.getChannel()).isEqualTo(IngestChannel.UNKNOWN);
    }

    @Test
    void shouldDropUnparseableLanguageInsteadOfRejecting() {
        RawArticle r = new RawArticle(
                "https://example.com/a", null, null, "T", "B", null, "not a language!", null, null, IngestChannel.PUSH);
        assertThat(normalizer.normalize(r).getLanguage()).isNull();
    }

    @Test
    void shouldGiveSameIdAndHashToSameArticleFetchedTwiceWithDifferentTracking() {
        NewsArticle first = normalizer.normalize(
                raw("https://example.com/a?utm_source=rss", null, null, "T", "<p>Body  text.</p>", null));
        NewsArticle second =
                normalizer.normalize(raw("https://EXAMPLE.com/a#top", null, null, "T", "Body text.", null));
        assertThat(second.getId()).isEqualTo(first.getId());
        assertThat(second.getContentHash()).isEqualTo(first.getContentHash());
    }
}
