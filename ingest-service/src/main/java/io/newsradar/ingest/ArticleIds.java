package io.newsradar.ingest;

import io.newsradar.schemas.hash.Sha256;
import java.text.Normalizer;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Article identity: the canonical URL, the article id derived from it, and the content hash that
 * tells one revision of an article from the next.
 *
 * <p>The id is the partition key of {@code news.raw.v1}, so two fetches of the same article (with
 * and without campaign parameters, with a fragment, with {@code :443}, over http or https, with or
 * without {@code www.}) must give the same id; otherwise copies land on different partitions and
 * are scored twice. Distinct articles must not share one: each {@code #!} route of a single-page
 * site is its own article.
 *
 * <p>Id schemes. The rules that turn a URL into an id are versioned ({@link #ID_SCHEME}); a change
 * of rules changes the id of some stored articles, and the scoring stream, which keys its
 * revision store by id, then sees them as new. Scheme 1 hashed the canonical URL as written
 * (scheme and {@code www.} included, every fragment dropped, hosts with '_' refused). Scheme 2
 * hashes its identity form ({@code https}, no {@code www.}, {@code #!} routes kept), so an https
 * link without {@code www.} and without {@code #!} keeps its scheme-1 id; for the others
 * {@link #previousSchemeId} names the scheme-1 id, which the publisher puts on the record.
 */
public final class ArticleIds {
    /** The version of the rules that derive an article id from its URL; see the class comment. */
    public static final int ID_SCHEME = 2;

    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    private static final int ID_HEX_CHARS = 32;

    private ArticleIds() {}

    /**
     * The canonical form of an absolute http(s) URL, the form stored as the article's url: scheme
     * and host lower-case but as given (an http or {@code www.} link stays one, so it still
     * opens), default port, user info dropped, fragment dropped unless it is a {@code #!} route,
     * tracking parameters dropped, the other parameters sorted, no trailing slash on the path
     * except the root path. Canonicalising it again gives it back unchanged.
     *
     * @throws InvalidArticleException when the text is not an absolute http(s) URL
     */
    public static String canonicalUrl(String url) {
        return CanonicalUrl.parse(url).link();
    }

    /**
     * The identity form of an absolute http(s) URL that id scheme 2 hashes: its canonical form
     * with https for http and without {@code www.}. The feed list derives its feed ids from it
     * too, so one feed written two ways is one feed.
     *
     * @throws InvalidArticleException when the text is not an absolute http(s) URL
     */
    public static String identityUrl(String url) {
        return CanonicalUrl.parse(url).identity();
    }

    /**
     * The article id of an article with a URL, under id scheme {@value #ID_SCHEME}: a hash of the
     * identity form of its canonical URL (https, no {@code www.}).
     *
     * @throws InvalidArticleException when the text is not an absolute http(s) URL
     */
    public static String idForUrl(String url) {
        return hashId(CanonicalUrl.parse(url).identity());
    }

    /**
     * The id the article with this URL had under the previous id scheme (1), when it differs from
     * its id now; empty when the id did not change or scheme 1 refused the URL (a host with '_'),
     * so no article can be stored under it.
     *
     * @throws InvalidArticleException when the text is not an absolute http(s) URL
     */
    public static Optional<String> previousSchemeId(String url) {
        CanonicalUrl canonical = CanonicalUrl.parse(url);
        if (!canonical.hadScheme1Form()) {
            return Optional.empty();
        }
        String previous = hashId(canonical.withoutFragment());
        return previous.equals(hashId(canonical.identity())) ? Optional.empty() : Optional.of(previous);
    }

    /** The article id of an article without a URL: a hash of its source and GUID. */
    public static String idForGuid(String source, String guid) {
        if (source == null || source.isBlank() || guid == null || guid.isBlank()) {
            throw new InvalidArticleException("an article without url needs both source and guid");
        }
        // A URL never contains a line break, so this cannot collide with a URL-derived id.
        return hashId(source.strip() + "\n" + guid.strip());
    }

    /**
     * SHA-256 (hex) of the normalised title and body. Only whitespace and Unicode composition are
     * normalised: re-wrapped paragraphs are the same revision, changed words are a new one.
     */
    public static String contentHash(String title, String body) {
        return sha256Hex(normalizeForHash(title) + "\n" + normalizeForHash(body));
    }

    static String normalizeForHash(String text) {
        if (text == null) {
            return "";
        }
        String composed = Normalizer.normalize(text, Normalizer.Form.NFC);
        return WHITESPACE.matcher(composed).replaceAll(" ").strip();
    }

    static String sha256Hex(String text) {
        return Sha256.hex(text);
    }

    private static String hashId(String text) {
        return sha256Hex(text).substring(0, ID_HEX_CHARS);
    }
}
