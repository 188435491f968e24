package io.newsradar.scoring.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsradar.schemas.config.NewsradarConfig;
import io.newsradar.scoring.ScoringApp;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;

class RocksDbMemoryTest {
    private static NewsradarConfig config() {
        return NewsradarConfig.defaults()
                .with(NewsradarConfig.BOOTSTRAP_SERVERS, "127.0.0.1:1")
                .with(NewsradarConfig.STATE_DIR, "/tmp/unused-state");
    }

    @Test
    void shouldDefaultTo64MiBWithHalfForMemtables() {
        RocksDbMemory m = RocksDbMemory.from(config());
        assertThat(m.totalBytes()).isEqualTo(64L * 1024 * 1024);
        assertThat(m.writeBufferBytes()).isEqualTo(32L * 1024 * 1024);
        assertThat(RocksDbMemory.from(Map.of())).isEqualTo(m);
    }

    @Test
    void shouldReadBytesOrBinaryUnits() {
        assertThat(RocksDbMemory.parse("67108864").totalBytes()).isEqualTo(64L << 20);
        assertThat(RocksDbMemory.parse(" 256MiB ").totalBytes()).isEqualTo(256L << 20);
        assertThat(RocksDbMemory.parse("16384kib").totalBytes()).isEqualTo(16L << 20);
        assertThat(RocksDbMemory.parse("2 GiB").totalBytes()).isEqualTo(2L << 30);
        // as Streams hands it to a store: the number streamsProperties put, or text an operator wrote
        assertThat(RocksDbMemory.from(Map.of(RocksDbMemory.MEMORY_BYTES, 33554432L))
                        .totalBytes())
                .isEqualTo(32L << 20);
        assertThat(RocksDbMemory.from(Map.of(RocksDbMemory.MEMORY_BYTES, "32MiB"))
                        .totalBytes())
                .isEqualTo(32L << 20);
    }

    @Test
    void shouldRefuseWhatIsNotASizeOrOutOfRangeNamingTheSetting() {
        for (String bad :
                new String[] {"64MB", "-1", "1.5GiB", "lots", "MiB", "4MiB", "2048GiB", "99999999999999999999"}) {
            assertThatThrownBy(() -> RocksDbMemory.from(config().with(RocksDbMemory.MEMORY_BYTES, bad)))
                    .as(bad)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("'" + RocksDbMemory.MEMORY_BYTES + "'")
                    .hasMessageContaining("got '" + bad + "'");
        }
        assertThatThrownBy(() -> RocksDbMemory.from(Map.of(RocksDbMemory.MEMORY_BYTES, 1024L)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(RocksDbMemory.MEMORY_BYTES);
    }

    @Test
    void shouldInstallTheBoundInTheStreamsProperties() {
        Properties p = ScoringApp.streamsProperties(config().with(RocksDbMemory.MEMORY_BYTES, "128MiB"));
        assertThat(p.get(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG)).isEqualTo(BoundedRocksDb.class);
        assertThat(p.get(RocksDbMemory.MEMORY_BYTES)).isEqualTo(128L << 20);
        // Streams accepts the set and passes our setting on to the stores
        assertThat(new StreamsConfig(p).originals()).containsEntry(RocksDbMemory.MEMORY_BYTES, 128L << 20);
        // a bad value fails when the properties are built, before any store opens
        assertThatThrownBy(() -> ScoringApp.streamsProperties(config().with(RocksDbMemory.MEMORY_BYTES, "64 megs")))
                .hasMessageContaining(RocksDbMemory.MEMORY_BYTES);
    }
}
