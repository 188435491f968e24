package io.newsradar.ingest;

import java.net.IDN;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Article identity: the canonical URL, the article id derived from it, and the content hash that
 * tells one revision of an article from the next.
 *
 * <p>The id is the partition key of {@code news.raw.v1}, so two fetches of the same article (with
 * and without campaign parameters, with a fragment, with {@code :443}) must give the same id;
 * otherwise copies land on different partitions and are scored twice.
 */
public final class ArticleIds {
    /** Query parameters that only track a click; they never select different content. */
    private static final Set<String> TRACKING_PARAMS = Set.of("fbclid", "gclid", "dclid", "msclkid");

    private static final String TRACKING_PREFIX = "utm_";

    private static final Pattern PERCENT_ESCAPE = Pattern.compile("%[0-9a-fA-F]{2}");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    private static final int ID_HEX_CHARS = 32;

    private ArticleIds() {}

    /**
     * The canonical form of an absolute http(s) URL: scheme and host lower-case, default port,
     * user info and fragment dropped, tracking parameters dropped, the other parameters sorted,
     * no trailing slash on the path except the root path.
     *
     * @throws InvalidArticleException when the text is not an absolute http(s) URL
     */
    public static String canonicalUrl(String url) {
        if (url == null || url.isBlank()) {
            throw new InvalidArticleException("url is empty");
        }
        URI uri = parseLeniently(url.strip());
        String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!"http".equals(scheme) && !"https".equals(scheme)) {
            throw new InvalidArticleException("url must be an absolute http(s) URL: '" + url.strip() + "'");
        }
        String host = uri.getHost();
        if (host == null || host.isEmpty()) {
            throw new InvalidArticleException("url has no host: '" + url.strip() + "'");
        }
        host = host.toLowerCase(Locale.ROOT);
        if (host.endsWith(".")) {
            host = host.substring(0, host.length() - 1);
        }
        int port = uri.getPort();
        boolean defaultPort =
                port == -1 || ("http".equals(scheme) && port == 80) || ("https".equals(scheme) && port == 443);

        StringBuilder out = new StringBuilder(url.length());
        out.append(scheme).append("://").append(host);
        if (!defaultPort) {
            out.append(':').append(port);
        }
        out.append(canonicalPath(uri.getRawPath()));
        String query = canonicalQuery(uri.getRawQuery());
        if (!query.isEmpty()) {
            out.append('?').append(query);
        }
        return out.toString();
    }

    /** The article id of an article with a URL: a hash of its canonical URL. */
    public static String idForUrl(String url) {
        return sha256Hex(canonicalUrl(url)).substring(0, ID_HEX_CHARS);
    }

    /** The article id of an article without a URL: a hash of its source and GUID. */
    public static String idForGuid(String source, String guid) {
        if (source == null || source.isBlank() || guid == null || guid.isBlank()) {
            throw new InvalidArticleException("an article without url needs both source and guid");
        }
        // A URL never contains a line break, so this cannot collide with a URL-derived id.
        return sha256Hex(source.strip() + "\n" + guid.strip()).substring(0, ID_HEX_CHARS);
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
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    private static URI parseLeniently(String url) {
        try {
            URI uri = new URI(escapeIllegalCharacters(url));
            String host = uri.getHost();
            if (host == null && uri.getRawAuthority() != null && hasNonAscii(uri.getRawAuthority())) {
                // java.net.URI does not accept internationalised host names; convert to punycode.
                return rebuildWithAsciiHost(uri);
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new InvalidArticleException("url is not a valid URL: '" + url + "' (" + e.getReason() + ")", e);
        }
    }

    private static URI rebuildWithAsciiHost(URI uri) throws URISyntaxException {
        String authority = uri.getRawAuthority();
        int at = authority.lastIndexOf('@');
        String hostPort = at >= 0 ? authority.substring(at + 1) : authority;
        int colon = hostPort.lastIndexOf(':');
        String host = colon >= 0 ? hostPort.substring(0, colon) : hostPort;
        String port = colon >= 0 ? hostPort.substring(colon) : "";
        String ascii;
        try {
            ascii = IDN.toASCII(host, IDN.ALLOW_UNASSIGNED);
        } catch (IllegalArgumentException e) {
            throw new URISyntaxException(uri.toString(), "host is not a valid domain name");
        }
        StringBuilder s = new StringBuilder();
        s.append(uri.getScheme()).append("://").append(ascii).append(port);
        if (uri.getRawPath() != null) {
            s.append(uri.getRawPath());
        }
        if (uri.getRawQuery() != null) {
            s.append('?').append(uri.getRawQuery());
        }
        return new URI(s.toString());
    }

    private static boolean hasNonAscii(String s) {
        return s.chars().anyMatch(c -> c > 0x7F);
    }

    /**
     * Real feeds carry links with spaces, pipes and raw non-ASCII in path or query; percent-encode
     * them (as a browser would) so they parse instead of being rejected. The host is left alone.
     */
    static String escapeIllegalCharacters(String url) {
        int schemeEnd = url.indexOf("://");
        int pathStart = schemeEnd < 0 ? 0 : url.indexOf('/', schemeEnd + 3);
        if (pathStart < 0) {
            int q = url.indexOf('?', schemeEnd + 3);
            pathStart = q < 0 ? url.length() : q;
        }
        StringBuilder out = new StringBuilder(url.length() + 16);
        out.append(url, 0, pathStart);
        for (int i = pathStart; i < url.length(); i++) {
            char c = url.charAt(i);
            if (isUriChar(c)) {
                out.append(c);
            } else if (c == '%' && i + 2 < url.length() && isHex(url.charAt(i + 1)) && isHex(url.charAt(i + 2))) {
                out.append(c);
            } else {
                int cp = url.codePointAt(i);
                for (byte b : new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8)) {
                    out.append('%').append(String.format(Locale.ROOT, "%02X", b & 0xFF));
                }
                i += Character.charCount(cp) - 1;
            }
        }
        return out.toString();
    }

    private static boolean isUriChar(char c) {
        return (c >= 'a' && c <= 'z')
                || (c >= 'A' && c <= 'Z')
                || (c >= '0' && c <= '9')
                || "-._~:/?#@!$&'()*+,;=".indexOf(c) >= 0;
    }

    private static boolean isHex(char c) {
        return Character.digit(c, 16) >= 0;
    }

    private static String canonicalPath(String rawPath) {
        if (rawPath == null || rawPath.isEmpty()) {
            return "/";
        }
        String path = removeDotSegments(rawPath);
        path = upperCaseEscapes(path);
        while (path.length() > 1 && path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        return path.isEmpty() ? "/" : path;
    }

    private static String removeDotSegments(String path) {
        if (!path.contains("/.")) {
            return path;
        }
        List<String> out = new ArrayList<>();
        String[] segments = path.split("/", -1);
        for (int i = 1; i < segments.length; i++) {
            String s = segments[i];
            if (s.equals(".")) {
                continue;
            }
            if (s.equals("..")) {
                if (!out.isEmpty()) {
                    out.remove(out.size() - 1);
                }
                continue;
            }
            out.add(s);
        }
        return "/" + String.join("/", out);
    }

    private static String canonicalQuery(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return "";
        }
        List<String> kept = new ArrayList<>();
        for (String param : rawQuery.split("&")) {
            if (param.isEmpty()) {
                continue;
            }
            int eq = param.indexOf('=');
            String name = (eq < 0 ? param : param.substring(0, eq)).toLowerCase(Locale.ROOT);
            if (name.startsWith(TRACKING_PREFIX) || TRACKING_PARAMS.contains(name)) {
                continue;
            }
            kept.add(upperCaseEscapes(param));
        }
        // Sorting the whole "name=value" keeps repeated names in a stable order too.
        kept.sort(null);
        return String.join("&", kept);
    }

    private static String upperCaseEscapes(String s) {
        if (s.indexOf('%') < 0) {
            return s;
        }
        Matcher m = PERCENT_ESCAPE.matcher(s);
        StringBuilder out = new StringBuilder(s.length());
        while (m.find()) {
            m.appendReplacement(out, m.group().toUpperCase(Locale.ROOT));
        }
        m.appendTail(out);
        return out.toString();
    }
}
