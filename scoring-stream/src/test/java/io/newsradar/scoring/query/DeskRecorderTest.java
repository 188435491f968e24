package io.newsradar.scoring.query;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsradar.avro.Alert;
import io.newsradar.schemas.json.AlertJson;
import io.newsradar.scoring.stories.StoryOutput;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DeskRecorderTest {
    private static final Instant T0 = Instant.parse("2025-11-30T06:00:00Z");
    private static final int BOUND = 3;

    private final QueryRecorders recorders =
            new QueryRecorders(() -> T0.plusSeconds(600).toEpochMilli());
    private KeyValueStore<String, String> store;
    private DeskRecorder recorder;

    @BeforeEach
    void setUp() {
        Properties config = new Properties();
        config.put(QueryStages.RECORDERS_CONFIG, recorders);
        MockProcessorContext<Void, Void> context = new MockProcessorContext<>(config);
        store = Stores.keyValueStoreBuilder(
                        Stores.inMemoryKeyValueStore(QueryStages.RECENT_ALERTS_STORE), Serdes.String(), Serdes.String())
                .withLoggingDisabled()
                .build();
        store.init(context.getStateStoreContext(), store);
        context.addStateStore(store);
        recorder = new DeskRecorder(QueryStages.RECENT_ALERTS_STORE, BOUND);
        recorder.init(context);
    }

    @Test
    void keepsTheLatestAlertsByEventTimeThenAlertIdUpToTheBound() {
        // out of event-time order, as stories on one task may be; two at the same time
        process(T0.plusSeconds(30), alert("s2", T0));
        process(T0.plusSeconds(10), alert("s1", T0));
        process(T0.plusSeconds(50), alert("s4", T0));
        process(T0.plusSeconds(30), alert("s3", T0));
        process(T0.plusSeconds(5), alert("s0", T0));

        // the newest three: s4 (50 s), then s3 and s2 (30 s, s3 > s2 by id); s1 and s0 evicted
        assertThat(entries())
                .extracting(e -> RecentAlertKey.decode(e.key).alertId())
                .containsExactly("s2:defense-ai:1", "s3:defense-ai:1", "s4:defense-ai:1");
    }

    @Test
    void storesTheAlertJsonWithItsRationale() {
        Alert a = alert("s1", T0);
        process(T0, a);
        KeyValue<String, String> e = entries().get(0);
        assertThat(RecentAlertKey.decode(e.key)).isEqualTo(new RecentAlertKey(T0.toEpochMilli(), a.getAlertId()));
        assertThat(AlertJson.fromJson(e.value).rationale()).isEqualTo(a.getRationale());
        assertThat(e.value).isEqualTo(AlertJson.toJson(a));
    }

    @Test
    void recordsFreshnessAndScoreOfEachScoredRecord() {
        // fetched a minute after publication, scored ten minutes after publication
        recorder.process(new Record<>(
                "s1",
                new StoryOutput(QueryFixtures.scored("a1", 7.5, T0, T0.plusSeconds(60)), List.of()),
                T0.toEpochMilli()));
        recorder.process(new Record<>("s1", new StoryOutput(null, List.of(alert("s1", T0))), T0.toEpochMilli()));

        assertThat(recorders.fetchedToScored().snapshot().getTotalCount()).isEqualTo(1);
        assertThat(recorders.fetchedToScored().snapshot().getMaxValue()).isBetween(539_000L, 541_000L);
        assertThat(recorders.publishedToScored().snapshot().getMaxValue()).isBetween(599_000L, 601_000L);
        assertThat(recorders.scores().counts()[7]).isEqualTo(1);
        assertThat(entries()).hasSize(1);
    }

    @Test
    void keyOrderIsEventTimeOrderAsText() {
        RecentAlertKey early = new RecentAlertKey(999, "b");
        RecentAlertKey late = new RecentAlertKey(1000, "a");
        assertThat(early.encode()).isLessThan(late.encode());
        assertThat(early).isLessThan(late);
        assertThat(RecentAlertKey.decode(late.encode())).isEqualTo(late);
    }

    private static Alert alert(String story, Instant published) {
        return QueryFixtures.alert(story, 1, published);
    }

    private void process(Instant eventTime, Alert alert) {
        recorder.process(
                new Record<>(alert.getStoryId(), new StoryOutput(null, List.of(alert)), eventTime.toEpochMilli()));
    }

    private List<KeyValue<String, String>> entries() {
        List<KeyValue<String, String>> out = new ArrayList<>();
        try (KeyValueIterator<String, String> it = store.all()) {
            it.forEachRemaining(out::add);
        }
        return out;
    }
}
