package io.newsradar.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsradar.schemas.config.NewsradarConfig;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.api.Test;

class SinkClientConfigsTest {
    private static final NewsradarConfig CONFIG = NewsradarConfig.defaults()
            .with(NewsradarConfig.BOOTSTRAP_SERVERS, "broker-1:9092")
            .with("kafka.security.protocol", "SASL_SSL")
            .with("kafka.enable.auto.commit", "true");

    @Test
    void shouldConsumeCommittedAlertsOnlyAndCommitByHand() {
        Map<String, Object> props = SinkClientConfigs.consumer(CONFIG);

        assertThat(props)
                .containsEntry(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, "broker-1:9092")
                .containsEntry(ConsumerConfig.GROUP_ID_CONFIG, "newsradar-alert-sink")
                .containsEntry(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed")
                .containsEntry(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false)
                .containsEntry(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest")
                .containsEntry(ConsumerConfig.GROUP_PROTOCOL_CONFIG, "consumer");
    }

    @Test
    void shouldRefreshMetadataOftenEnoughToFindNewAlertTopicsQuickly() {
        Map<String, Object> props = SinkClientConfigs.consumer(CONFIG);

        assertThat((Integer) props.get(ConsumerConfig.METADATA_MAX_AGE_CONFIG)).isLessThan(5 * 60 * 1000);
    }

    @Test
    void shouldPassOperatorKafkaSettingsThroughButKeepTheSinksGuarantees() {
        Map<String, Object> consumer = SinkClientConfigs.consumer(CONFIG);
        Map<String, Object> producer = SinkClientConfigs.deadLetterProducer(CONFIG);

        assertThat(consumer).containsEntry("security.protocol", "SASL_SSL");
        assertThat(producer).containsEntry("security.protocol", "SASL_SSL");
        assertThat(consumer).containsEntry(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    }

    @Test
    void shouldLetTheOperatorChooseTheClassicGroupProtocolForOlderBrokers() {
        Map<String, Object> props = SinkClientConfigs.consumer(CONFIG.with("kafka.group.protocol", "classic"));

        assertThat(props).containsEntry(ConsumerConfig.GROUP_PROTOCOL_CONFIG, "classic");
    }

    @Test
    void shouldTakeTheGroupIdFromConfig() {
        Map<String, Object> props = SinkClientConfigs.consumer(CONFIG.with(NewsradarConfig.SINK_GROUP, "sink-b"));

        assertThat(props).containsEntry(ConsumerConfig.GROUP_ID_CONFIG, "sink-b");
    }

    @Test
    void shouldWriteDeadLettersIdempotentlyToAllReplicas() {
        Map<String, Object> props = SinkClientConfigs.deadLetterProducer(CONFIG);

        assertThat(props)
                .containsEntry(ProducerConfig.ACKS_CONFIG, "all")
                .containsEntry(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true)
                .containsEntry(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "broker-1:9092");
    }

    @Test
    void shouldNameTheMissingBootstrapSetting() {
        assertThatThrownBy(() -> SinkClientConfigs.consumer(NewsradarConfig.defaults()))
                .hasMessageContaining(NewsradarConfig.BOOTSTRAP_SERVERS);
    }
}
