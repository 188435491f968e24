package io.newsradar.ingest;

import java.net.IDN;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An absolute http(s) URL in canonical form, kept in parts so that the stored link and the
 * identity the article id is derived from can differ (see {@link ArticleIds}).
 *
 * @param scheme   {@code http} or {@code https}
 * @param host     lower case, punycode, no trailing dot
 * @param port     an explicit port that is not the scheme's default, or -1
 * @param pathAndQuery canonical path (no trailing slash but on the root) and sorted query without
 *     tracking parameters
 * @param hashbang the fragment of a {@code #!} link without the {@code #!}, or empty
 */
record CanonicalUrl(String scheme, String host, int port, String pathAndQuery, String hashbang) {
    /** Query parameters that only track a click; they never select different content. */
    private static final Set<String> TRACKING_PARAMS = Set.of("fbclid", "gclid", "dclid", "msclkid");

    private static final String TRACKING_PREFIX = "utm_";
    private static final Pattern PERCENT_ESCAPE = Pattern.compile("%[0-9a-fA-F]{2}");
    /**
     * Host names as found in links, after punycode: letters, digits, '-' and also '_', which DNS
     * carries and real sites use although {@code java.net.URI} refuses it in a host.
     */
    private static final Pattern HOST_NAME = Pattern.compile("[a-z0-9_-]+(?:\\.[a-z0-9_-]+)*\\.?");

    private static final String WWW = "www.";

    /**
     * Parses and canonicalises: scheme and host lower-case, default port, user info dropped,
     * fragment dropped unless it is a {@code #!} route, tracking parameters dropped, the other
     * parameters sorted, no trailing slash on the path except the root path.
     *
     * @throws InvalidArticleException when the text is not an absolute http(s) URL
     */
    static CanonicalUrl parse(String url) {
        if (url == null || url.isBlank()) {
            throw new InvalidArticleException("url is empty");
        }
        String given = url.strip();
        URI uri;
        try {
            uri = new URI(escapeIllegalCharacters(given));
        } catch (URISyntaxException e) {
            throw new InvalidArticleException("url is not a valid URL: '" + given + "' (" + e.getReason() + ")", e);
        }
        String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!"http".equals(scheme) && !"https".equals(scheme)) {
            throw new InvalidArticleException("url must be an absolute http(s) URL: '" + given + "'");
        }
        HostAndPort hp = hostAndPort(uri, given);
        boolean defaultPort = hp.port() == -1
                || ("http".equals(scheme) && hp.port() == 80)
                || ("https".equals(scheme) && hp.port() == 443);
        StringBuilder pathAndQuery = new StringBuilder(canonicalPath(uri.getRawPath()));
        String query = canonicalQuery(uri.getRawQuery());
        if (!query.isEmpty()) {
            pathAndQuery.append('?').append(query);
        }
        return new CanonicalUrl(
                scheme, hp.host(), defaultPort ? -1 : hp.port(), pathAndQuery.toString(), hashbang(uri));
    }

    /** The link as stored on the article: the page the feed named, so it still opens. */
    String link() {
        return withoutFragment() + (hashbang.isEmpty() ? "" : "#!" + hashbang);
    }

    /**
     * What id scheme 2 hashes: one form for the ways one page is written, https for http and
     * the bare host for {@code www.}. It is the stored link for the commonest form (https,
     * no www.), which is why such articles kept their scheme-1 id.
     */
    String identity() {
        String bare = host.startsWith(WWW) && host.indexOf('.', WWW.length()) > 0 ? host.substring(WWW.length()) : host;
        return "https://" + bare + (port == -1 ? "" : ":" + port) + pathAndQuery
                + (hashbang.isEmpty() ? "" : "#!" + hashbang);
    }

    /**
     * The link without any fragment: what id scheme 1 hashed. Scheme 1 refused a host with an
     * underscore, so such links had no scheme-1 form.
     */
    boolean hadScheme1Form() {
        return host.indexOf('_') < 0;
    }

    String withoutFragment() {
        return scheme + "://" + host + (port == -1 ? "" : ":" + port) + pathAndQuery;
    }

    private record HostAndPort(String host, int port) {}

    private static HostAndPort hostAndPort(URI uri, String given) {
        if (uri.getHost() != null) {
            return new HostAndPort(trimDot(uri.getHost().toLowerCase(Locale.ROOT)), uri.getPort());
        }
        // java.net.URI leaves the host null for names it does not accept as server-based (an
        // underscore, non-ASCII letters); read the authority ourselves.
        String authority = uri.getRawAuthority();
        if (authority == null || authority.isEmpty()) {
            throw new InvalidArticleException("url has no host: '" + given + "'");
        }
        String hostPort = authority.substring(authority.lastIndexOf('@') + 1);
        int colon = hostPort.lastIndexOf(':');
        String host = colon >= 0 ? hostPort.substring(0, colon) : hostPort;
        int port = -1;
        if (colon >= 0 && colon < hostPort.length() - 1) {
            try {
                port = Integer.parseInt(hostPort.substring(colon + 1));
            } catch (NumberFormatException e) {
                throw new InvalidArticleException("url has an invalid port: '" + given + "'", e);
            }
        }
        String ascii;
        try {
            ascii = IDN.toASCII(host, IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            throw new InvalidArticleException("url host is not a valid domain name: '" + given + "'", e);
        }
        if (!HOST_NAME.matcher(ascii).matches()) {
            throw new InvalidArticleException("url host is not a valid domain name: '" + given + "'");
        }
        return new HostAndPort(trimDot(ascii), port);
    }

    private static String trimDot(String host) {
        return host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
    }

    /**
     * A {@code #!} fragment is a route of a single-page site ("hashbang" links): each route is
     * its own article, so it is part of the identity. Any other fragment is a place in a page.
     */
    private static String hashbang(URI uri) {
        String fragment = uri.getRawFragment();
        if (fragment == null || !fragment.startsWith("!") || fragment.length() == 1) {
            return "";
        }
        return upperCaseEscapes(fragment.substring(1));
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
