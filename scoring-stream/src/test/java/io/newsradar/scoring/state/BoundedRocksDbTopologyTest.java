package io.newsradar.scoring.state;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsradar.scoring.RevisionSettings;
import io.newsradar.scoring.stories.StorySettings;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bound as the service installs it ({@code ScoringApp.streamsProperties}): every persistent
 * store of the topology opens on the instance's one shared cache, and closing the topology frees it.
 */
class BoundedRocksDbTopologyTest {
    @TempDir
    Path stateDir;

    @Test
    void shouldOpenEveryPersistentStoreOfTheTopologyOnTheSharedMemoryAndFreeItOnClose() {
        String instance;
        try (StateRun run = new StateRun(stateDir, RevisionSettings.defaults(), StorySettings.defaults())) {
            instance = BoundedRocksDb.instanceOf(Map.of(
                    StreamsConfig.STATE_DIR_CONFIG, stateDir.toString(),
                    StreamsConfig.APPLICATION_ID_CONFIG, run.applicationId()));
            SyntheticNews news =
                    new SyntheticNews(1, Instant.parse("2026-06-01T00:00:00Z"), 60, SyntheticNews.Mix.realistic());
            StateRun.Sample sample = run.feed(news, 50);

            long persistent = sample.stores().stream()
                    .filter(StoreCensus.StoreSize::persistent)
                    .count();
            assertThat(persistent).isPositive();
            SharedRocksDbMemory shared = SharedRocksDbMemory.of(instance);
            assertThat(shared).isNotNull();
            // one user per RocksDB instance: each key-value store, each open segment of a window store
            assertThat(shared.users()).isGreaterThanOrEqualTo((int) persistent);
            assertThat(shared.memory()).isEqualTo(RocksDbMemory.defaults());
            assertThat(shared.cache().getUsage()).isPositive();
        }
        assertThat(SharedRocksDbMemory.instances()).doesNotContain(instance);
    }
}
