package io.newsradar.schemas.feeds;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.apache.kafka.common.utils.Utils;

/**
 * Which partition of {@code feeds.v1} and {@code feeds.state.v1} a feed lives on: the host of its
 * listed URL, hashed like Kafka's default partitioner hashes keys. All feeds of one host share a
 * partition, so the one ingest instance assigned that partition is the only one that polls the
 * host ("one request at a time per host" holds across instances). Both topics must have the same
 * partition count. A permanent redirect to another host keeps the feed where it is (the key and
 * the listed URL do not change). Every writer of either topic sets the partition explicitly with
 * this method.
 */
public final class FeedPartitions {
    private FeedPartitions() {}

    /** The partition for a feed listed at this URL (http(s) URL or file path). */
    public static int partitionFor(String listedUrl, int partitions) {
        if (partitions <= 0) {
            throw new IllegalArgumentException("partitions must be positive: " + partitions);
        }
        byte[] host = hostOf(listedUrl).getBytes(StandardCharsets.UTF_8);
        return Utils.toPositive(Utils.murmur2(host)) % partitions;
    }

    /** The lower-case host of an http(s) URL; "file" for anything else (all local files share one). */
    public static String hostOf(String url) {
        try {
            URI uri = URI.create(url.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (scheme.equals("http") || scheme.equals("https")) {
                if (uri.getHost() != null) {
                    return uri.getHost().toLowerCase(Locale.ROOT);
                }
                // java.net.URI has no host for a name with '_': take it from the authority
                String authority = uri.getRawAuthority();
                if (authority != null) {
                    String host = authority.substring(authority.lastIndexOf('@') + 1);
                    int colon = host.lastIndexOf(':');
                    host = colon > 0 && !host.endsWith("]") ? host.substring(0, colon) : host;
                    return host.toLowerCase(Locale.ROOT);
                }
            }
        } catch (IllegalArgumentException e) {
            // not a URI: a file path
        }
        return "file";
    }
}
