package io.newsradar.localkafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsradar.schemas.topics.Topics;
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
}
