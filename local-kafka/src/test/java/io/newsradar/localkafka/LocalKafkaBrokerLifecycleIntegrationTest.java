package io.newsradar.localkafka;

import static io.newsradar.localkafka.KafkaTestClients.awaitRecord;
import static io.newsradar.localkafka.KafkaTestClients.produce;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsradar.schemas.topics.Topics;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

@Tag("integration")
class LocalKafkaBrokerLifecycleIntegrationTest {

    private static final Logger LOG = LoggerFactory.getLogger(LocalKafkaBrokerLifecycleIntegrationTest.class);

    @TempDir
    Path dataDir;

    @Test
    void shouldKeepPortTopicsAndRecordsWhenRestartedOnTheSameDir() throws Exception {
        String key = "restart-" + UUID.randomUUID();
        int port;
        String clusterId;
        try (LocalKafkaBroker first = LocalKafkaBroker.start(dataDir)) {
            LOG.info(
                    "fresh persistent broker ready in {} ms",
                    first.startupTime().toMillis());
            port = first.brokerPort();
            clusterId = first.clusterId();
            TopicAdmin.ensureTopics(first.clientProps(), List.of(Topics.DELIVERY_DLQ), 1, (short) 1);
            produce(first.bootstrapServers(), Topics.DELIVERY_DLQ, key, "kept");
        }
        assertThat(FreePorts.isFree(port)).as("port %d released by close", port).isTrue();

        try (LocalKafkaBroker second = LocalKafkaBroker.start(dataDir)) {
            LOG.info(
                    "restarted persistent broker ready in {} ms",
                    second.startupTime().toMillis());

            assertThat(second.bootstrapServers()).isEqualTo("127.0.0.1:" + port);
            assertThat(second.clusterId()).isEqualTo(clusterId);
            assertThat(second.dataDir()).isEqualTo(dataDir.toAbsolutePath().normalize());
            assertThat(TopicAdmin.listTopics(second.clientProps())).contains(Topics.DELIVERY_DLQ.name());
            ConsumerRecord<String, String> record =
                    awaitRecord(second.bootstrapServers(), Topics.DELIVERY_DLQ, key, "read_committed");
            assertThat(record.value()).isEqualTo("kept");
        }
    }

    @Test
    void shouldFreeItsPortAndDeleteItsDirWhenATemporaryBrokerCloses() {
        LocalKafkaBroker broker = LocalKafkaBroker.startTemporary();
        int port = broker.brokerPort();
        Path dir = broker.dataDir();
        assertThat(FreePorts.isFree(port)).isFalse();

        broker.close();
        broker.close(); // idempotent: a second close must neither throw nor hang

        assertThat(FreePorts.isFree(port)).isTrue();
        assertThat(dir).doesNotExist();
    }

    @Test
    void shouldNameThePortAndDirWhenASavedPortIsTaken() throws Exception {
        try (ServerSocket squatter = new ServerSocket()) {
            squatter.bind(new InetSocketAddress(InetAddress.getByName(FreePorts.HOST), 0));
            int taken = squatter.getLocalPort();
            new BrokerIdentity("c1", taken, FreePorts.pick()).save(dataDir);

            assertThatThrownBy(() -> LocalKafkaBroker.start(dataDir))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("port " + taken)
                    .hasMessageContaining(dataDir.toAbsolutePath().normalize().toString());
        }
        assertThat(Files.exists(dataDir.resolve(LocalKafkaBroker.LOG_DIR_NAME).resolve("meta.properties")))
                .as("nothing formatted when the start is refused")
                .isFalse();
    }

    @Test
    void shouldRefuseASecondBrokerOnTheDirOfARunningOneNamingItsPid() {
        try (LocalKafkaBroker running = LocalKafkaBroker.start(dataDir)) {
            assertThatThrownBy(() -> LocalKafkaBroker.start(dataDir))
                    .isInstanceOf(DataDirLockedException.class)
                    .hasMessageContaining("pid " + ProcessHandle.current().pid());
            assertThat(TopicAdmin.listTopics(running.clientProps())).isNotNull();
        }
    }
}
