package io.newsradar.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
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
    void shouldGiveTheIdentityFormThatTheIdHashes() {
        String url = "http://WWW.News.example.com:80/feed/?b=2&utm_source=x&a=1#top";

        assertThat(ArticleIds.identityUrl(url)).isEqualTo("https://news.example.com/feed?a=1&b=2");
        assertThat(ArticleIds.idForUrl(url)).isEqualTo(ArticleIds.idForUrl(ArticleIds.identityUrl(url)));
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

    // Id scheme 2: one id per article, not per way of writing its link.

    @Test
    void shouldKeepHashbangFragmentSoEveryItemOfAHashbangSiteHasItsOwnId() {
        assertThat(ArticleIds.canonicalUrl("https://spa.example.com/#!/story/1"))
                .isEqualTo("https://spa.example.com/#!/story/1");
        assertThat(ArticleIds.idForUrl("https://spa.example.com/#!/story/1"))
                .isNotEqualTo(ArticleIds.idForUrl("https://spa.example.com/#!/story/2"))
                .isNotEqualTo(ArticleIds.idForUrl("https://spa.example.com/"));
        assertThat(ArticleIds.idForUrl("https://spa.example.com/?utm_source=x#!/story/1"))
                .isEqualTo(ArticleIds.idForUrl("https://spa.example.com/#!/story/1"));
    }

    @Test
    void shouldStillDropFragmentsThatAreNotHashbangs() {
        assertThat(ArticleIds.canonicalUrl("https://example.com/a#!")).isEqualTo("https://example.com/a");
        assertThat(ArticleIds.canonicalUrl("https://example.com/a#section-2")).isEqualTo("https://example.com/a");
    }

    @Test
    void shouldGiveOneIdToTheHttpAndHttpsFormsOfOneUrl() {
        assertThat(ArticleIds.idForUrl("http://news.example.com/world/story-1"))
                .isEqualTo(ArticleIds.idForUrl("https://news.example.com/world/story-1"));
        assertThat(ArticleIds.idForUrl("http://news.example.com:80/a"))
                .isEqualTo(ArticleIds.idForUrl("https://news.example.com:443/a"));
    }

    @Test
    void shouldGiveOneIdToTheWwwAndBareHostFormsOfOneUrl() {
        assertThat(ArticleIds.idForUrl("https://www.example.com/world/story-1"))
                .isEqualTo(ArticleIds.idForUrl("https://example.com/world/story-1"))
                .isEqualTo(ArticleIds.idForUrl("http://WWW.example.com/world/story-1/"));
        // only a leading "www." label is an alias; other hosts stay distinct
        assertThat(ArticleIds.idForUrl("https://www2.example.com/a"))
                .isNotEqualTo(ArticleIds.idForUrl("https://example.com/a"));
        assertThat(ArticleIds.idForUrl("https://news.example.com/a"))
                .isNotEqualTo(ArticleIds.idForUrl("https://example.com/a"));
    }

    @Test
    void shouldKeepDistinctPortsDistinct() {
        assertThat(ArticleIds.idForUrl("http://example.com:8080/a"))
                .isNotEqualTo(ArticleIds.idForUrl("http://example.com/a"));
    }

    @Test
    void shouldKeepTheLinkAsGivenInTheCanonicalUrlSoItStillWorks() {
        // the stored url keeps its scheme and www: only the id treats them as one
        assertThat(ArticleIds.canonicalUrl("http://www.example.com/a")).isEqualTo("http://www.example.com/a");
    }

    @Test
    void shouldAcceptAHostWithAnUnderscore() {
        assertThat(ArticleIds.canonicalUrl("https://My_Blog.example.com/post/1?b=2&a=1"))
                .isEqualTo("https://my_blog.example.com/post/1?a=1&b=2");
        assertThat(ArticleIds.canonicalUrl("https://user@my_blog.example.com:8443/post"))
                .isEqualTo("https://my_blog.example.com:8443/post");
        assertThat(ArticleIds.idForUrl("https://my_blog.example.com/post/1"))
                .isNotEqualTo(ArticleIds.idForUrl("https://myblog.example.com/post/1"));
    }

    @Test
    void shouldStillRejectAnAuthorityThatIsNoHostName() {
        assertThatThrownBy(() -> ArticleIds.canonicalUrl("https://exa!mple.com/a"))
                .isInstanceOf(InvalidArticleException.class)
                .hasMessageContaining("exa!mple.com");
    }

    @Test
    void shouldGiveTheSameCanonicalUrlWhenCanonicalisedAgain() {
        for (String url : new String[] {
            "https://spa.example.com/#!/story/1",
            "http://www.example.com/a?b=1",
            "https://my_blog.example.com:8443/p",
            "https://b\u00fccher.example/x y"
        }) {
            String once = ArticleIds.canonicalUrl(url);
            assertThat(ArticleIds.canonicalUrl(once)).as(url).isEqualTo(once);
            assertThat(ArticleIds.idForUrl(once)).as(url).isEqualTo(ArticleIds.idForUrl(url));
        }
    }

    @Test
    void shouldKeepTheIdOfAnHttpsLinkWithoutWwwUnchangedAcrossTheSchemeUpgrade() {
        // the common form keeps its scheme-1 id, so most stored articles are not re-identified
        assertThat(ArticleIds.ID_SCHEME).isEqualTo(2);
        assertThat(ArticleIds.idForUrl("https://news.example.com/a?utm_source=x"))
                .isEqualTo(ArticleIds.sha256Hex("https://news.example.com/a").substring(0, 32));
        assertThat(ArticleIds.previousSchemeId("https://news.example.com/a")).isEmpty();
    }

    @Test
    void shouldNameTheScheme1IdOfALinkWhoseIdChanged() {
        // scheme 1: SHA-256 of the canonical URL with its scheme, its www. and without any fragment
        assertThat(ArticleIds.previousSchemeId("http://www.example.com/a"))
                .isEqualTo(Optional.of(
                        ArticleIds.sha256Hex("http://www.example.com/a").substring(0, 32)));
        assertThat(ArticleIds.previousSchemeId("https://spa.example.com/#!/story/1"))
                .isEqualTo(Optional.of(
                        ArticleIds.sha256Hex("https://spa.example.com/").substring(0, 32)));
    }

    @Test
    void shouldNameNoPreviousIdForALinkScheme1Refused() {
        // scheme 1 refused hosts with an underscore: no article can have been stored under it
        assertThat(ArticleIds.previousSchemeId("http://my_blog.example.com/a")).isEmpty();
    }
}
