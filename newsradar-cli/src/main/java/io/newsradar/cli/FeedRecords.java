package io.newsradar.cli;

import io.newsradar.ingest.feeds.FeedEntry;
import io.newsradar.schemas.feeds.FeedRecord;
import java.nio.file.Path;

/**
 * The one conversion from a checked feed-list entry to the record {@code feeds.v1} carries. A
 * file feed's path is made absolute here (against the directory of the list it came from, or the
 * working directory for {@code feeds add}), because the record is read by ingest instances that
 * run elsewhere; its id stays the one derived from the path as written (or given), so the same
 * list imported twice, or synced by an ingest service, keeps one key per feed.
 */
final class FeedRecords {
    private FeedRecords() {}

    /** @param baseDirectory what a relative file path in the entry is relative to */
    static FeedRecord of(FeedEntry entry, Path baseDirectory) {
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
}
