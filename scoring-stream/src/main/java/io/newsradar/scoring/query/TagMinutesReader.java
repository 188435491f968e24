package io.newsradar.scoring.query;

import org.apache.kafka.streams.state.QueryableStoreType;

/**
 * Reads this instance's per-tag minute windows ({@code metrics-tag-minutes}, written by the metrics
 * stage) for {@link LocalQueries#tagMinutes}.
 */
final class TagMinutesReader {
    /** A store of every local active task, by name and type. */
    interface StoreLookup {
        <T> T store(String name, QueryableStoreType<T> type);
    }

    private final StoreLookup stores;

    TagMinutesReader(StoreLookup stores) {
        this.stores = stores;
    }

    LocalQueries.TagMinutes read(int minutes) {
        throw new QueryUnavailableException("the per-tag minute windows are not part of this build yet");
    }
}
