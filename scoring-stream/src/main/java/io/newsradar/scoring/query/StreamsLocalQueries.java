package io.newsradar.scoring.query;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsradar.scoring.stories.StoryDesk;
import io.newsradar.scoring.stories.StoryState;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.HdrHistogram.Histogram;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreType;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link LocalQueries} over a running client's active stores (Kafka Streams' interactive queries,
 * every local task at once) and the instance's {@link QueryRecorders}.
 */
final class StreamsLocalQueries implements LocalQueries {
    private static final Logger LOG = LoggerFactory.getLogger(StreamsLocalQueries.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final KafkaStreams streams;
    private final QueryRecorders recorders;
    private final TagMinutesReader tags;

    StreamsLocalQueries(KafkaStreams streams, QueryRecorders recorders) {
        this.streams = Objects.requireNonNull(streams, "streams");
        this.recorders = Objects.requireNonNull(recorders, "recorders");
        this.tags = new TagMinutesReader(this::store);
    }

    @Override
    public Optional<StoryView> story(String storyId) {
        ReadOnlyKeyValueStore<String, StoryState> stories =
                store(StoryDesk.STORIES_STORE, QueryableStoreTypes.keyValueStore());
        return Optional.ofNullable(read(StoryDesk.STORIES_STORE, () -> stories.get(storyId)))
                .map(s -> StoryView.of(storyId, s));
    }

    @Override
    public List<RecentAlert> recentAlerts(int limit) {
        ReadOnlyKeyValueStore<String, String> recent =
                store(QueryStages.RECENT_ALERTS_STORE, QueryableStoreTypes.keyValueStore());
        List<RecentAlert> all = new ArrayList<>();
        read(QueryStages.RECENT_ALERTS_STORE, () -> {
            // every local task's store, each at most RECENT_ALERTS_PER_TASK entries
            try (KeyValueIterator<String, String> it = recent.all()) {
                while (it.hasNext()) {
                    KeyValue<String, String> e = it.next();
                    alert(e.key, e.value).ifPresent(all::add);
                }
            }
            return null;
        });
        all.sort(Comparator.comparing(RecentAlert::key).reversed());
        return List.copyOf(all.subList(0, Math.min(limit, all.size())));
    }

    @Override
    public Histogram fetchedToScored() {
        return recorders.fetchedToScored().snapshot();
    }

    @Override
    public Histogram publishedToScored() {
        return recorders.publishedToScored().snapshot();
    }

    @Override
    public long[] scoreCounts() {
        return recorders.scores().counts();
    }

    @Override
    public TagMinutes tagMinutes(int minutes) {
        return tags.read(minutes);
    }

    /** A store of every local active task; 503 while Streams cannot give one. */
    <T> T store(String name, QueryableStoreType<T> type) {
        try {
            return streams.store(StoreQueryParameters.fromNameAndType(name, type));
        } catch (InvalidStateStoreException e) {
            throw unavailable(name, e);
        }
    }

    /** A read of a store can fail too, when a rebalance closes it meanwhile. */
    static <T> T read(String name, java.util.function.Supplier<T> read) {
        try {
            return read.get();
        } catch (InvalidStateStoreException e) {
            throw unavailable(name, e);
        }
    }

    private static QueryUnavailableException unavailable(String name, InvalidStateStoreException e) {
        return new QueryUnavailableException(
                "the store '" + name + "' cannot be queried now (the stream is starting or rebalancing): "
                        + e.getMessage(),
                e);
    }

    private static Optional<RecentAlert> alert(String key, String json) {
        try {
            RecentAlertKey k = RecentAlertKey.decode(key);
            return Optional.of(new RecentAlert(k.eventTimeMs(), k.alertId(), JSON.readTree(json)));
        } catch (IllegalArgumentException | JsonProcessingException e) {
            // written by DeskRecorder only: a bad entry is a bug, but one entry must not hide the rest
            LOG.warn("skipping an unreadable recent-alerts entry {}: {}", key, e.getMessage());
            return Optional.empty();
        }
    }
}
