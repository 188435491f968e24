package io.newsradar.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;

/** The redirects {@link FeedFetcher} refuses to follow, and where the ones it follows lead. */
class FeedFetcherTest {

    private static String target(String from, String location) {
        try {
            return FeedFetcher.redirectTarget(URI.create(from), location).toString();
        } catch (FetchException e) {
            assertThat(e.kind()).isEqualTo(FetchException.Kind.REDIRECT);
            return "refused: " + e.getMessage();
        }
    }

    @Test
    void shouldResolveARelativeLocationAndDropItsFragment() {
        assertThat(target("https://a.example.org/feeds/x.xml", "../y.xml#top"))
                .isEqualTo("https://a.example.org/y.xml");
        assertThat(target("http://a.example.org/x", "https://b.example.org/z?q=1"))
                .isEqualTo("https://b.example.org/z?q=1");
    }

    @Test
    void shouldRefuseARedirectFromHttpsToPlainHttp() {
        assertThat(target("https://a.example.org/feed", "http://a.example.org/feed"))
                .isEqualTo("refused: redirect from https to plain http refused");
    }

    @Test
    void shouldRefuseARedirectToAUrlWithCredentials() {
        assertThat(target("http://a.example.org/feed", "http://user:pw@b.example.org/feed"))
                .isEqualTo("refused: redirect to a URL with a user name or password refused");
    }

    @Test
    void shouldRefuseARedirectToAnotherScheme() {
        assertThat(target("http://a.example.org/feed", "ftp://a.example.org/feed"))
                .startsWith("refused: redirect to a non-http(s) URL refused");
        assertThat(target("http://a.example.org/feed", "file:///etc/passwd"))
                .startsWith("refused: redirect to a non-http(s) URL refused");
    }
}
