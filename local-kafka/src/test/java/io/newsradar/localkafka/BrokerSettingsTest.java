package io.newsradar.localkafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BrokerSettingsTest {

    private static final BrokerIdentity IDENTITY = new BrokerIdentity("cluster-1", 19092, 19093);
    private static final Path LOG_DIR = Path.of("/tmp/newsradar-test/kafka-logs");

    @Test
    void shouldListenOnLoopbackWithTheSavedPorts() {
        Map<String, String> s = BrokerSettings.build(IDENTITY, LOG_DIR, Map.of());

        assertThat(s)
                .containsEntry("listeners", "PLAINTEXT://127.0.0.1:19092,CONTROLLER://127.0.0.1:19093")
                .containsEntry("advertised.listeners", "PLAINTEXT://127.0.0.1:19092")
                .containsEntry("controller.quorum.voters", "1@127.0.0.1:19093")
                .containsEntry("process.roles", "broker,controller")
                .containsEntry("log.dirs", LOG_DIR.toAbsolutePath().toString());
    }

    @Test
    void shouldSuitASingleBroker() {
        Map<String, String> s = BrokerSettings.build(IDENTITY, LOG_DIR, Map.of());

        assertThat(s)
                .containsEntry("offsets.topic.replication.factor", "1")
                .containsEntry("transaction.state.log.replication.factor", "1")
                .containsEntry("transaction.state.log.min.isr", "1")
                .containsEntry("share.coordinator.state.topic.replication.factor", "1")
                .containsEntry("share.coordinator.state.topic.min.isr", "1")
                .containsEntry("min.insync.replicas", "1")
                .containsEntry("default.replication.factor", "1")
                .containsEntry("num.partitions", "1")
                .containsEntry("group.initial.rebalance.delay.ms", "0")
                .containsEntry("group.streams.initial.rebalance.delay.ms", "0")
                .containsEntry("auto.create.topics.enable", "false")
                .containsEntry("log.cleaner.dedupe.buffer.size", "8388608");
    }

    @Test
    void shouldLetOverridesWin() {
        Map<String, String> s = BrokerSettings.build(
                IDENTITY, LOG_DIR, Map.of("transaction.max.timeout.ms", "10000", "num.partitions", "3"));

        assertThat(s).containsEntry("transaction.max.timeout.ms", "10000").containsEntry("num.partitions", "3");
    }
}
