package io.newsradar.scoring.feeds;

import io.newsradar.schemas.feeds.FeedRecord;
import io.newsradar.schemas.topics.Topics;
import io.newsradar.scoring.TextStoreUpdater;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The processor of the global {@code feeds.v1} store ({@link TextStoreUpdater}): the store keeps
 * the topic's text, the {@link FeedDirectory} the parsed feeds. A tombstone removes the feed; so
 * does a record under the feed's key that cannot be read, or whose id is not its key.
 */
public final class FeedStoreUpdater extends TextStoreUpdater<FeedRecord> {
    private static final Logger LOG = LoggerFactory.getLogger(FeedStoreUpdater.class);

    private final FeedDirectory directory;

    public FeedStoreUpdater(String storeName, FeedDirectory directory) {
        super(storeName, Topics.FEEDS.name());
        this.directory = Objects.requireNonNull(directory, "directory");
    }

    @Override
    protected FeedRecord parse(String key, String value) {
        FeedRecord feed = FeedRecord.fromJson(value);
        if (!feed.id().equals(key)) {
            throw new IllegalArgumentException("its id " + feed.id() + " is not its key");
        }
        return feed;
    }

    @Override
    protected void accept(String key, FeedRecord feed) {
        directory.put(feed);
        LOG.debug("feed {} ({}) listed: weight {}, fixed tags {}", key, feed.url(), feed.weight(), feed.tags());
    }

    @Override
    protected void remove(String key) {
        directory.remove(key);
        LOG.info("feed {} removed from the feed list", key);
    }

    @Override
    protected void countRejected() {
        directory.countRejected();
    }

    @Override
    protected Logger log() {
        return LOG;
    }
}
