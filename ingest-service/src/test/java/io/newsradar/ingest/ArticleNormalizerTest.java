package io.newsradar.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsradar.avro.IngestChannel;
import io.newsradar.avro.NewsArticle;
import io.newsradar.schemas.limits.ArticleLimits;
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
    void shouldDefaultSourceToAHostWithAnUnderscore() {
        NewsArticle a = normalizer.normalize(raw("https://my_blog.example.com/a", null, null, "T", "B", null));
        assertThat(a.getSource()).isEqualTo("my_blog.example.com");
        assertThat(a.getUrl()).isEqualTo("https://my_blog.example.com/a");
    }

    @Test
    void shouldGiveEachRouteOfAHashbangSiteItsOwnArticleId() {
        NewsArticle one = normalizer.normalize(raw("https://spa.example.com/#!/story/1", null, null, "T", "B", null));
        NewsArticle two = normalizer.normalize(raw("https://spa.example.com/#!/story/2", null, null, "T", "B", null));
        assertThat(one.getUrl()).isEqualTo("https://spa.example.com/#!/story/1");
        assertThat(one.getId()).isNotEqualTo(two.getId());
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

    // Size limits: the same ones the scoring stream validates (ArticleLimits).

    @Test
    void shouldCutAnOverlongBodyAtAWordBoundaryUnderTheLimitAndSaySo() {
        String body = "Word\u00e9 ".repeat(ArticleLimits.MAX_BODY_BYTES / 4); // ~1.75x the limit
        NormalizedArticle n =
                normalizer.normalizeWithNotes(raw("https://example.com/long", null, null, "T", body, null));

        NewsArticle a = n.article();
        assertThat(ArticleLimits.utf8Length(a.getBody())).isLessThanOrEqualTo(ArticleLimits.MAX_BODY_BYTES);
        assertThat(ArticleLimits.violation(a)).isEmpty();
        assertThat(body).startsWith(a.getBody());
        assertThat(a.getBody()).endsWith("Word\u00e9");
        assertThat(a.getContentHash()).isEqualTo(ArticleIds.contentHash(a.getTitle(), a.getBody()));
        assertThat(n.notes())
                .singleElement()
                .asString()
                .contains("body")
                .contains("truncated")
                .contains(Integer.toString(ArticleLimits.MAX_BODY_BYTES));
    }

    @Test
    void shouldCutABodyWithoutSpacesBetweenCharactersNeverInsideOne() {
        // CJK text has no spaces; an emoji is two chars: the cut must not split the pair
        String body = "\u65b0\u805e\ud83d\udcf0".repeat(ArticleLimits.MAX_BODY_BYTES / 8);
        NewsArticle a = normalizer.normalize(raw("https://example.com/cjk", null, null, "T", body, null));

        assertThat(ArticleLimits.utf8Length(a.getBody())).isLessThanOrEqualTo(ArticleLimits.MAX_BODY_BYTES);
        assertThat(body).startsWith(a.getBody());
        assertThat(Character.isHighSurrogate(a.getBody().charAt(a.getBody().length() - 1)))
                .isFalse();
    }

    @Test
    void shouldLeaveABodyUnderTheLimitWhole() {
        NormalizedArticle n =
                normalizer.normalizeWithNotes(raw("https://example.com/a", null, null, "T", "Short.", null));
        assertThat(n.article().getBody()).isEqualTo("Short.");
        assertThat(n.notes()).isEmpty();
    }

    @Test
    void shouldRejectAnOverlongTitleNamingTheFieldAndTheLimit() {
        String title = "x".repeat(9 * 1024);
        assertThatThrownBy(() -> normalizer.normalize(raw("https://example.com/a", null, null, title, "B", null)))
                .isInstanceOf(InvalidArticleException.class)
                .hasMessageContaining("title is 9216 bytes")
                .hasMessageContaining(Integer.toString(ArticleLimits.MAX_FIELD_BYTES));
    }

    @Test
    void shouldRejectAnOverlongUrlSourceOrGuid() {
        String longPath = "https://example.com/" + "p".repeat(ArticleLimits.MAX_FIELD_BYTES);
        assertThatThrownBy(() -> normalizer.normalize(raw(longPath, null, null, "T", "B", null)))
                .hasMessageContaining("url is");
        String longSource = "S".repeat(ArticleLimits.MAX_FIELD_BYTES + 1);
        assertThatThrownBy(() -> normalizer.normalize(raw("https://example.com/a", null, longSource, "T", "B", null)))
                .hasMessageContaining("source is");
        String longGuid = "g".repeat(ArticleLimits.MAX_FIELD_BYTES + 1);
        assertThatThrownBy(() -> normalizer.normalize(raw("https://example.com/a", longGuid, null, "T", "B", null)))
                .hasMessageContaining("guid is");
    }

    @Test
    void shouldCutAnOverlongAuthorListAndDropAnOverlongFeedUrlButKeepTheArticle() {
        String authors = "A. Author, ".repeat(1000).strip();
        String feedUrl = "https://example.com/feed?" + "q".repeat(ArticleLimits.MAX_FIELD_BYTES);
        NormalizedArticle n = normalizer.normalizeWithNotes(new RawArticle(
                "https://example.com/a", null, null, "T", "B", authors, null, null, feedUrl, IngestChannel.FEED));

        assertThat(ArticleLimits.violation(n.article())).isEmpty();
        assertThat(ArticleLimits.utf8Length(n.article().getAuthor()))
                .isLessThanOrEqualTo(ArticleLimits.MAX_FIELD_BYTES);
        assertThat(authors).startsWith(n.article().getAuthor());
        assertThat(n.article().getFeedUrl()).isNull();
        assertThat(n.notes()).hasSize(2).anyMatch(s -> s.contains("author")).anyMatch(s -> s.contains("feedUrl"));
    }

    // Bidi controls: they can reorder a console line (an alert's title, source, key points).

    @Test
    void shouldStripEveryBidiControlFromTitleSourceAndAuthor() {
        String spoof = "Score 1.0 \u202Eevil\u202C \u2066x\u2069 \u200Eok\u200F \u061C\u202A\u202B\u202D\u2067\u2068";
        NewsArticle a = normalizer.normalize(new RawArticle(
                "https://example.com/a", null, spoof, spoof, "B", spoof, null, null, null, IngestChannel.FILE));

        assertThat(a.getTitle()).isEqualTo("Score 1.0 evil x ok");
        assertThat(a.getSource()).isEqualTo("Score 1.0 evil x ok");
        assertThat(a.getAuthor()).isEqualTo("Score 1.0 evil x ok");
    }

    @Test
    void shouldStripOverridesAndIsolatesFromTheBodyButKeepDirectionMarks() {
        // LRM/RLM/ALM order neutral characters in right-to-left prose and cannot reorder a whole
        // run; overrides, embeddings and isolates can, and key points of the body are printed
        String body = "\u05e9\u05dc\u05d5\u05dd 2025\u200F. \u202Eevil\u202C \u2067x\u2069 \u061C.";
        NewsArticle a = normalizer.normalize(raw("https://example.com/a", null, null, "T", body, null));
        assertThat(a.getBody()).isEqualTo("\u05e9\u05dc\u05d5\u05dd 2025\u200F. evil x \u061C.");
    }

    @Test
    void shouldDeriveTheTitleFromTheBodyWhenTheTitleIsOnlyBidiControls() {
        NewsArticle a = normalizer.normalize(
                raw("https://example.com/a", null, null, "\u202E\u2066", "\u200FPort reopens. More.", null));
        assertThat(a.getTitle()).isEqualTo("Port reopens.");
    }
}
