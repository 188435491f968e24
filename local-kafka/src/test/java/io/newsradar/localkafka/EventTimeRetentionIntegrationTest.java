package io.newsradar.localkafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.newsradar.schemas.topics.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Records carry publish times. A topic with the broker's default retention deletes an article
 * published months ago at its first retention check; the catalogue's topics must keep it.
 */
@Tag("integration")
class EventTimeRetentionIntegrationTest {

    @Test
    void shouldKeepOldPublishTimesOnCatalogueTopicsWhileDefaultRetentionDropsThem() throws Exception {
        // check retention often, so the control topic shows the deletion within seconds
        try (LocalKafkaBroker broker = LocalKafkaBroker.startTemporary(
                        Map.of("log.retention.check.interval.ms", "200", "log.initial.task.delay.ms", "0"));
                Admin admin = Admin.create(broker.clientProps())) {
            TopicAdmin.ensureTopics(broker.clientProps(), List.of(Topics.NEWS_RAW), 1, (short) 1);
            String control = "control-default-retention";
            admin.createTopics(List.of(new NewTopic(control, 1, (short) 1)))
                    .all()
                    .get();

            long monthsAgo = Instant.now().minus(Duration.ofDays(90)).toEpochMilli();
            Map<String, Object> props = broker.clientProps();
            props.put(ProducerConfig.ACKS_CONFIG, "all");
            try (KafkaProducer<String, String> producer =
                    new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
                producer.send(new ProducerRecord<>(Topics.NEWS_RAW.name(), 0, monthsAgo, "old", "x"))
                        .get();
                producer.send(new ProducerRecord<>(control, 0, monthsAgo, "old", "x"))
                        .get();
            }

            TopicPartition controlPartition = new TopicPartition(control, 0);
            await().atMost(Duration.ofSeconds(60)).until(() -> earliest(admin, controlPartition) > 0);

            TopicPartition raw = new TopicPartition(Topics.NEWS_RAW.name(), 0);
            assertThat(earliest(admin, raw))
                    .as("news.raw.v1 still starts at its first record")
                    .isZero();
            assertThat(latest(admin, raw)).isEqualTo(1);
        }
    }

    private static long earliest(Admin admin, TopicPartition tp) throws Exception {
        return admin.listOffsets(Map.of(tp, OffsetSpec.earliest()))
                .all()
                .get()
                .get(tp)
                .offset();
    }

    private static long latest(Admin admin, TopicPartition tp) throws Exception {
        return admin.listOffsets(Map.of(tp, OffsetSpec.latest()))
                .all()
                .get()
                .get(tp)
                .offset();
    }
}
