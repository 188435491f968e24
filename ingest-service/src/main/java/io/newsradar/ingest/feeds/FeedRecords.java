package io.newsradar.ingest.feeds;

import io.newsradar.schemas.feeds.FeedRecord;
import java.nio.file.Path;
import java.util.List;

/**
 * The one conversion from a checked feed-list entry to the record {@code feeds.v1} carries, for
 * every writer of the list ({@code feeds add}, {@code feeds import}, {@code ingest --serve
 * --feed-list}). A file feed's path is made absolute and normalised here (against the directory
 * of the list it came from, or the working directory for {@code feeds add}), because the record
 * is read by ingest instances that may run elsewhere; its id stays the one the list gives or
 * derives from the path as written, so the same list imported twice, or synced by an ingest
 * service, keeps one key per feed.
 */
public final class FeedRecords {
    private FeedRecords() {}

    /**
     * @param baseDirectory what a relative file path in the entry is relative to (made absolute
     *     against the working directory when itself relative)
     */
    public static FeedRecord of(FeedEntry entry, Path baseDirectory) {
        String url = entry.file(baseDirectory.toAbsolutePath())
                .map(p -> p.toAbsolutePath().normalize().toString())
                .orElse(entry.url());
        return new FeedRecord(
                entry.id(),
                url,
                entry.source(),
                entry.pollInterval(),
                entry.weight(),
                entry.tags(),
                entry.site(),
                entry.category());
    }

    /** The records of every entry of a list read from {@code listFile}, relative paths against its directory. */
    public static List<FeedRecord> ofList(List<FeedEntry> entries, Path listFile) {
        Path dir = listFile.toAbsolutePath().normalize().getParent();
        return entries.stream().map(e -> of(e, dir)).toList();
    }
}
