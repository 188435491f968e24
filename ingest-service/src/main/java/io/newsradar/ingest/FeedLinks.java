package io.newsradar.ingest;

import java.net.URI;
import java.util.Locale;

/** Link resolution shared by the XML and JSON feed readers. */
final class FeedLinks {
    private FeedLinks() {}

    /**
     * Resolves a link against the first base that is an absolute http(s) URL; item links go
     * against the site link, then the feed's own URL (after redirects). A link that stays relative
     * is returned as given, for the normaliser to report.
     */
    static String resolve(String link, String... bases) {
        if (link == null || link.isBlank()) {
            return null;
        }
        String l = link.strip();
        if (isHttp(l)) {
            return l;
        }
        for (String base : bases) {
            if (base != null && isHttp(base.strip())) {
                try {
                    return URI.create(base.strip())
                            .resolve(CanonicalUrl.escapeIllegalCharacters(l))
                            .toString();
                } catch (IllegalArgumentException e) {
                    // try the next base; if none works the normaliser reports the link
                }
            }
        }
        return l;
    }

    static boolean isHttp(String s) {
        String lower = s.toLowerCase(Locale.ROOT);
        return lower.startsWith("http://") || lower.startsWith("https://");
    }

    static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }
}
