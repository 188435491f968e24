package io.newsradar.ingest.feeds;

import java.util.List;

/**
 * What an OPML file gave: the feeds, in document order, and one note per outline that was
 * skipped or changed (a bad URL, a feed listed in two folders), for the importer to print.
 */
public record OpmlImport(List<FeedEntry> feeds, List<String> notes) {
    public OpmlImport {
        feeds = List.copyOf(feeds);
        notes = List.copyOf(notes);
    }
}
