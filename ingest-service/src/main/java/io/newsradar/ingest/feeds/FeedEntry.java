package io.newsradar.ingest.feeds;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * One feed of the feed list, checked: see {@link FeedListLoader} for the file format.
 *
 * @param id           the stable feed id, the key of the feed's state ({@link FeedIds})
 * @param idGiven      whether the list named the id (kept after a URL change) rather than it being derived
 * @param url          where to fetch the feed, as written: an http(s) URL, or a local file path
 * @param source       the outlet name for its articles, or empty to use the feed's own title
 * @param pollInterval time between polls, within {@link PollInterval#MIN} and {@link PollInterval#MAX}
 * @param weight       the source weight the scorer adds for this outlet, within ±{@link FeedEntryChecks#MAX_WEIGHT}
 * @param tags         tag ids every article of this feed carries, without duplicates
 * @param site         the outlet's web site (OPML {@code htmlUrl}), or empty
 * @param category     the reader's folder (OPML nesting, "/"-separated), or empty; informational
 */
public record FeedEntry(
        String id,
        boolean idGiven,
        String url,
        String source,
        Duration pollInterval,
        double weight,
        List<String> tags,
        String site,
        String category) {

    public FeedEntry {
        tags = List.copyOf(tags);
    }

    /** Whether the feed is fetched over HTTP (otherwise it is a local file). */
    public boolean isHttp() {
        return FeedUrl.isHttp(url);
    }

    /**
     * The local file of a file feed, a relative path resolved against the directory of the feed
     * list; empty for an http(s) feed.
     */
    public Optional<Path> file(Path listDirectory) {
        return isHttp()
                ? Optional.empty()
                : Optional.of(listDirectory.resolve(FeedUrl.path(url)).normalize());
    }
}
