package io.newsradar.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ArticleIdsTest {

    @Test
    void shouldGiveSameIdWithAndWithoutTrackingParams() {
        String plain = "https://news.example.com/world/story-1?page=2";
        String tracked =
                "https://news.example.com/world/story-1?utm_source=rss&page=2&utm_campaign=x&fbclid=abc&gclid=def";
        assertThat(ArticleIds.idForUrl(tracked)).isEqualTo(ArticleIds.idForUrl(plain));
    }

    @Test
    void shouldGiveDifferentIdsToDifferentUrls() {
        assertThat(ArticleIds.idForUrl("https://news.example.com/world/story-1"))
                .isNotEqualTo(ArticleIds.idForUrl("https://news.example.com/world/story-2"));
        assertThat(ArticleIds.idForUrl("https://news.example.com/story?id=1"))
                .isNotEqualTo(ArticleIds.idForUrl("https://news.example.com/story?id=2"));
    }

    @Test
    void shouldMakeIdOf32HexCharsThatIsStable() {
        String id = ArticleIds.idForUrl("https://news.example.com/a");
        assertThat(id).hasSize(32).matches("[0-9a-f]{32}");
        assertThat(ArticleIds.idForUrl("https://news.example.com/a")).isEqualTo(id);
        // first 32 hex chars of SHA-256("https://news.example.com/a")
        assertThat(id)
                .isEqualTo(ArticleIds.sha256Hex("https://news.example.com/a").substring(0, 32));
    }

    @Test
    void shouldLowerCaseSchemeAndHostButNotPath() {
        assertThat(ArticleIds.canonicalUrl("HTTPS://News.Example.COM/World/Story"))
                .isEqualTo("https://news.example.com/World/Story");
    }

    @Test
    void shouldDropDefaultPortsAndKeepOthers() {
        assertThat(ArticleIds.canonicalUrl("https://example.com:443/a")).isEqualTo("https://example.com/a");
        assertThat(ArticleIds.canonicalUrl("http://example.com:80/a")).isEqualTo("http://example.com/a");
        assertThat(ArticleIds.canonicalUrl("http://example.com:8080/a")).isEqualTo("http://example.com:8080/a");
        assertThat(ArticleIds.canonicalUrl("https://example.com:80/a")).isEqualTo("https://example.com:80/a");
    }

    @Test
    void shouldDropFragmentAndUserInfo() {
        assertThat(ArticleIds.canonicalUrl("https://user:secret@example.com/a#comments"))
                .isEqualTo("https://example.com/a");
    }

    @Test
    void shouldSortRemainingQueryParameters() {
        assertThat(ArticleIds.canonicalUrl("https://example.com/s?z=1&a=2&UTM_Medium=x&m=3&"))
                .isEqualTo("https://example.com/s?a=2&m=3&z=1");
    }

    @Test
    void shouldStripTrailingSlashExceptOnRoot() {
        assertThat(ArticleIds.canonicalUrl("https://example.com/section/story/"))
                .isEqualTo("https://example.com/section/story");
        assertThat(ArticleIds.canonicalUrl("https://example.com/")).isEqualTo("https://example.com/");
        assertThat(ArticleIds.canonicalUrl("https://example.com")).isEqualTo("https://example.com/");
        assertThat(ArticleIds.canonicalUrl("https://example.com/?utm_source=x")).isEqualTo("https://example.com/");
    }

    @Test
    void shouldResolveDotSegmentsAndNormaliseEscapes() {
        assertThat(ArticleIds.canonicalUrl("https://example.com/a/./b/../c%2fd"))
                .isEqualTo("https://example.com/a/c%2Fd");
    }

    @Test
    void shouldEscapeCharactersThatRealFeedsLeaveRaw() {
        assertThat(ArticleIds.canonicalUrl("https://example.com/a story|x?q=caf\u00e9 bar"))
                .isEqualTo("https://example.com/a%20story%7Cx?q=caf%C3%A9%20bar");
    }

    @Test
    void shouldConvertInternationalHostToPunycode() {
        assertThat(ArticleIds.canonicalUrl("https://b\u00fccher.example/x"))
                .isEqualTo("https://xn--bcher-kva.example/x");
    }

    @Test
    void shouldRejectUrlsThatAreNotAbsoluteHttp() {
        assertThatThrownBy(() -> ArticleIds.canonicalUrl("ftp://example.com/file"))
                .isInstanceOf(InvalidArticleException.class)
                .hasMessageContaining("http(s)");
        assertThatThrownBy(() -> ArticleIds.canonicalUrl("/relative/path"))
                .isInstanceOf(InvalidArticleException.class)
                .hasMessageContaining("/relative/path");
        assertThatThrownBy(() -> ArticleIds.canonicalUrl("  "))
                .isInstanceOf(InvalidArticleException.class)
                .hasMessageContaining("empty");
    }

    @Test
    void shouldDeriveGuidIdFromSourceAndGuid() {
        String id = ArticleIds.idForGuid("Harbor City Ledger", "item-42");
        assertThat(id).hasSize(32).isEqualTo(ArticleIds.idForGuid(" Harbor City Ledger ", "item-42"));
        assertThat(id).isNotEqualTo(ArticleIds.idForGuid("Other Outlet", "item-42"));
        assertThatThrownBy(() -> ArticleIds.idForGuid("Harbor City Ledger", " "))
                .isInstanceOf(InvalidArticleException.class);
    }

    @Test
    void shouldHashContentIgnoringWhitespaceLayoutButNotWords() {
        String hash = ArticleIds.contentHash("Title", "First paragraph.\n\nSecond paragraph.");
        assertThat(hash).matches("[0-9a-f]{64}");
        assertThat(ArticleIds.contentHash(" Title ", "First  paragraph.\nSecond paragraph. "))
                .isEqualTo(hash);
        assertThat(ArticleIds.contentHash("Title", "First paragraph.\n\nSecond paragraph, corrected."))
                .isNotEqualTo(hash);
        assertThat(ArticleIds.contentHash("Title!", "First paragraph.\n\nSecond paragraph."))
                .isNotEqualTo(hash);
    }

    @Test
    void shouldSeparateTitleFromBodyInContentHash() {
        assertThat(ArticleIds.contentHash("a b", "c")).isNotEqualTo(ArticleIds.contentHash("a", "b c"));
    }
}
