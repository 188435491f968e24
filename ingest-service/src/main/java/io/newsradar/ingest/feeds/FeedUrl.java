package io.newsradar.ingest.feeds;

import io.newsradar.ingest.ArticleIds;
import io.newsradar.ingest.InvalidArticleException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The {@code url} of a feed entry: an absolute http(s) URL, or a local file (a path, relative to
 * the feed list's directory, or a {@code file:} URI) for samples and tests. Its canonical form is
 * what the feed id is derived from.
 */
final class FeedUrl {
    /** A URI scheme; one letter is a Windows drive ("C:\feeds"), not a scheme. */
    private static final Pattern SCHEME = Pattern.compile("([a-zA-Z][a-zA-Z0-9+.-]+):.*", Pattern.DOTALL);

    private FeedUrl() {}

    static boolean isHttp(String url) {
        String scheme = scheme(url);
        return "http".equals(scheme) || "https".equals(scheme);
    }

    /**
     * The canonical form: for http(s) the identity form of ingest's URL canonicalisation (https,
     * no {@code www.}, default port, no fragment or tracking parameters, sorted query); for a file
     * {@code file:} and the normalised path as written, with '/' separators, so the id does not
     * depend on where the repository is checked out.
     *
     * @throws IllegalArgumentException with the reason when the text is no usable feed location
     */
    static String canonical(String url) {
        String scheme = scheme(url);
        if (scheme == null || "file".equals(scheme)) {
            return "file:" + path(url).toString().replace('\\', '/');
        }
        if (!"http".equals(scheme) && !"https".equals(scheme)) {
            throw new IllegalArgumentException(
                    "must be an http(s) URL or a file path (got the scheme '" + scheme + "')");
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            uri = null; // the canonicaliser escapes what URI refuses and names the real problem
        }
        if (uri != null && uri.getRawUserInfo() != null) {
            // the URL is logged and stored in feeds.state.v1: a password in it would leak
            throw new IllegalArgumentException("must not carry a user name or password");
        }
        try {
            return ArticleIds.identityUrl(url);
        } catch (InvalidArticleException e) {
            throw new IllegalArgumentException(e.getMessage().replaceFirst("^url ", ""), e);
        }
    }

    static Path path(String url) {
        Path p;
        try {
            p = "file".equals(scheme(url)) ? Path.of(new URI(url)) : Path.of(url);
        } catch (URISyntaxException | IllegalArgumentException | java.nio.file.FileSystemNotFoundException e) {
            // InvalidPathException is an IllegalArgumentException
            throw new IllegalArgumentException("is not a valid file path or file: URI (" + e.getMessage() + ")", e);
        }
        p = p.normalize();
        if (p.toString().isEmpty()) {
            throw new IllegalArgumentException("is not a file path (got '" + url + "')");
        }
        return p;
    }

    private static String scheme(String url) {
        var m = SCHEME.matcher(url);
        return m.matches() ? m.group(1).toLowerCase(Locale.ROOT) : null;
    }
}
