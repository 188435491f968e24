package io.newsradar.ingest.poll;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Locale;

/**
 * Feeds listed as local files (samples, tests): a path or a {@code file:} URI. A file has no
 * ETag; its size and modification time stand in for one (kept in the state's {@code etag}), so an
 * unchanged file is "not modified" like a 304. A rewrite that keeps both the size and the
 * timestamp is missed until either changes; the seen ids still keep repeats out.
 */
final class FileFeed {
    private FileFeed() {}

    static boolean isHttp(String url) {
        String lower = url.strip().toLowerCase(Locale.ROOT);
        return lower.startsWith("http://") || lower.startsWith("https://");
    }

    /** @throws IllegalArgumentException when the text is no usable path */
    static Path path(String url) {
        String u = url.strip();
        if (u.toLowerCase(Locale.ROOT).startsWith("file:")) {
            try {
                return Path.of(new URI(u));
            } catch (URISyntaxException e) {
                throw new IllegalArgumentException(e.getMessage(), e);
            }
        }
        return Path.of(u);
    }

    /** The stand-in validator: {@code file:<size>:<modified millis>}. */
    static String validator(BasicFileAttributes attributes) {
        return "file:" + attributes.size() + ":" + attributes.lastModifiedTime().toMillis();
    }
}
