package io.newsradar.localkafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsradar.schemas.topics.Topics;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TopicAdminTest {

    // never contacted: argument checks come first
    private static final Map<String, Object> NO_BROKER = Map.of("bootstrap.servers", "127.0.0.1:1");

    @Test
    void shouldRejectZeroPartitions() {
        assertThatThrownBy(() -> TopicAdmin.ensureTopics(NO_BROKER, Topics.all(), 0, (short) 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("partitions");
    }

    @Test
    void shouldRejectZeroReplication() {
        assertThatThrownBy(() -> TopicAdmin.ensureTopics(NO_BROKER, Topics.all(), 1, (short) 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("replication");
    }

    @Test
    void shouldCreateNothingForAnEmptyCatalogue() {
        assertThat(TopicAdmin.ensureTopics(NO_BROKER, List.of(), 1, (short) 1)).isEmpty();
    }

    @Test
    void shouldSayNoBrokerAnsweredAtTheAddressAfterTheBoundedWait() throws Exception {
        // accepts connections, never answers: a hung or wrong endpoint, held so no one else takes the port
        try (ServerSocket silent = new ServerSocket()) {
            silent.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            String bootstrap = "127.0.0.1:" + silent.getLocalPort();
            Map<String, Object> props = Map.of(
                    "bootstrap.servers", bootstrap, "request.timeout.ms", "1000", "default.api.timeout.ms", "1500");

            assertThatThrownBy(() -> TopicAdmin.ensureTopics(props, Topics.all(), 1, (short) 1))
                    .isInstanceOf(BrokerUnreachableException.class)
                    .hasMessageContaining(bootstrap)
                    .hasMessageContaining("1500 ms");
        }
    }

    @Test
    void shouldBoundTheFirstContactByTheClientsApiTimeoutOrThirtySeconds() {
        assertThat(TopicAdmin.reachTimeout(Map.of("default.api.timeout.ms", "1500")))
                .isEqualTo(Duration.ofMillis(1500));
        assertThat(TopicAdmin.reachTimeout(NO_BROKER)).isEqualTo(TopicAdmin.DEFAULT_REACH_TIMEOUT);
    }
}
