package io.newsradar.scoring.mutes;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsradar.schemas.mutes.MuteKind;
import io.newsradar.schemas.mutes.MuteRecord;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The global store's processor on its own: records to mutes, bad records counted, tombstones unmute. */
class MuteStoreUpdaterTest {
    private static final String STORE = "mutes-test";
    private static final Instant UNTIL = Instant.parse("2026-12-01T18:00:00Z");
    private static final long BEFORE = UNTIL.minusSeconds(60).toEpochMilli();

    private final MuteDirectory directory = new MuteDirectory();
    private MockProcessorContext<Void, Void> context;
    private KeyValueStore<String, String> store;
    private MuteStoreUpdater updater;

    @BeforeEach
    void setUp() {
        context = new MockProcessorContext<>();
        store = Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(STORE), Serdes.String(), Serdes.String())
                .withLoggingDisabled()
                .build();
        store.init(context.getStateStoreContext(), store);
        context.addStateStore(store);
        updater = new MuteStoreUpdater(STORE, directory);
        updater.init(context);
    }

    private static MuteRecord tag(String id) {
        return new MuteRecord(MuteKind.TAG, id, UNTIL, "", Instant.parse("2026-11-30T12:00:00Z"));
    }

    private void offer(String key, String value) {
        updater.process(new Record<>(key, value, 0L));
    }

    @Test
    void aRecordMutesAndATombstoneUnmutes() {
        MuteRecord defense = tag("defense");
        offer(defense.key(), defense.toJson());
        assertThat(directory.reasonFor("s", "w", List.of("defense"), BEFORE)).isPresent();
        assertThat(store.get("tag:defense")).isEqualTo(defense.toJson());

        offer(defense.key(), null);
        assertThat(directory.reasonFor("s", "w", List.of("defense"), BEFORE)).isEmpty();
        assertThat(store.get("tag:defense")).isNull();
        assertThat(directory.rejectedRecords()).isZero();
    }

    @Test
    void badRecordsAreCountedAndNeverThrow() {
        MuteRecord defense = tag("defense");
        offer(defense.key(), defense.toJson());

        // unreadable under the same key: the mute it replaced is gone too
        offer(defense.key(), "{\"format\":9}");
        offer("tag:ai", "not json");
        // a readable mute under a key that is not its own: an unmute of it would miss it
        offer("tag:other", tag("ai").toJson());
        offer(null, tag("ai").toJson());

        assertThat(directory.rejectedRecords()).isEqualTo(4);
        assertThat(directory.size()).isZero();
        assertThat(directory.reasonFor("s", "w", List.of("defense", "ai", "other"), BEFORE))
                .isEmpty();
    }

    @Test
    void aRestartFillsTheDirectoryFromTheStore() {
        MuteRecord defense = tag("defense");
        offer(defense.key(), defense.toJson());

        MuteDirectory fresh = new MuteDirectory();
        new MuteStoreUpdater(STORE, fresh).init(context);

        assertThat(fresh.find("tag:defense")).isEqualTo(defense);
    }
}
