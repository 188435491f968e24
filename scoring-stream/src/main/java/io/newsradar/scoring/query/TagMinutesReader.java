package io.newsradar.scoring.query;

import io.newsradar.scoring.metrics.MetricsStages;
import io.newsradar.scoring.metrics.TagMinute;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreType;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyWindowStore;

/**
 * Reads this instance's per-tag minute windows ({@value MetricsStages#TAG_MINUTES_STORE}, the
 * metrics stage's windowed aggregate, kept {@code metrics.window.retention}) for
 * {@link LocalQueries#tagMinutes}. One pass over every window the local tasks keep: a couple of
 * hours of minutes per tag, small.
 */
final class TagMinutesReader {
    private static final long MINUTE_MS = 60_000;

    /** A store of every local active task, by name and type. */
    interface StoreLookup {
        <T> T store(String name, QueryableStoreType<T> type);
    }

    private final StoreLookup stores;

    TagMinutesReader(StoreLookup stores) {
        this.stores = stores;
    }

    LocalQueries.TagMinutes read(int minutes) {
        ReadOnlyWindowStore<String, TagMinute> windows =
                stores.store(MetricsStages.TAG_MINUTES_STORE, QueryableStoreTypes.windowStore());
        List<LocalQueries.TagMinute> all = new ArrayList<>();
        long newestEnd = Long.MIN_VALUE;
        try (KeyValueIterator<Windowed<String>, TagMinute> it =
                StreamsLocalQueries.read(MetricsStages.TAG_MINUTES_STORE, windows::all)) {
            while (StreamsLocalQueries.read(MetricsStages.TAG_MINUTES_STORE, it::hasNext)) {
                KeyValue<Windowed<String>, TagMinute> e = it.next();
                if (e.value == null || e.value.articles() == 0) {
                    continue;
                }
                newestEnd = Math.max(newestEnd, e.key.window().end());
                all.add(new LocalQueries.TagMinute(
                        e.key.key(), e.key.window().start(), e.value.articles(), e.value.scoreSum()));
            }
        }
        if (all.isEmpty()) {
            return LocalQueries.TagMinutes.none();
        }
        long from = newestEnd - minutes * MINUTE_MS;
        return new LocalQueries.TagMinutes(
                OptionalLong.of(newestEnd),
                all.stream().filter(m -> m.windowStartMs() >= from).toList());
    }
}
