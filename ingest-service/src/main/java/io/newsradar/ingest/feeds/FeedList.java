package io.newsradar.ingest.feeds;

import java.util.List;
import java.util.Optional;

/** The checked feeds of one feed list, in file order; ids and URLs are unique. */
public record FeedList(List<FeedEntry> feeds) {
    public FeedList {
        feeds = List.copyOf(feeds);
    }

    public Optional<FeedEntry> byId(String id) {
        return feeds.stream().filter(f -> f.id().equals(id)).findFirst();
    }
}
