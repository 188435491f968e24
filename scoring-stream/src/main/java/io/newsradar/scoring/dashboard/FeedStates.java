package io.newsradar.scoring.dashboard;

import io.newsradar.schemas.feeds.FeedState;
import java.util.Collection;
import java.util.Optional;

/** Where the feed-health endpoint gets the latest state of every feed. */
interface FeedStates {
    /** The latest state per feed read so far. */
    Collection<FeedState> states();

    /** True once the reader has caught up with what the topic held when it started. */
    boolean loaded();

    /** Why the states cannot be read now, if they cannot. */
    Optional<String> failure();
}
