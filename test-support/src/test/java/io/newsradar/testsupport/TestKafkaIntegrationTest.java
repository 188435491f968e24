package io.newsradar.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.newsradar.localkafka.TopicAdmin;
import io.newsradar.schemas.topics.TopicDef;
import io.newsradar.schemas.topics.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("integration")
class TestKafkaIntegrationTest {

    @Test
    void shouldHandOutTheSameBrokerOnEveryCall() {
        String first = TestKafka.bootstrapServers();
        String second = TestKafka.bootstrapServers();

        assertThat(second).isEqualTo(first);
        assertThat(TestKafka.clientProps()).containsEntry("bootstrap.servers", first);
    }

    @Test
    void shouldCreateTheCatalogueOnceAndCarryRecords() throws Exception {
        TestKafka.ensureTopics(Topics.all());
        List<String> secondTime = TestKafka.ensureTopics(Topics.all());

        assertThat(secondTime).isEmpty();
        assertThat(TopicAdmin.listTopics(TestKafka.clientProps()))
                .containsAll(Topics.all().stream().map(TopicDef::name).collect(Collectors.toList()));

        String key = TestKafka.uniqueId("test-kafka");
        TopicDef<String, String> topic = Topics.DELIVERY_DLQ;
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(
                TestKafka.clientProps(),
                topic.keySerde().serializer(),
                topic.valueSerde().serializer())) {
            producer.send(new ProducerRecord<>(topic.name(), key, "hello")).get(10, TimeUnit.SECONDS);
        }

        Map<String, Object> props = TestKafka.clientProps();
        props.put(ConsumerConfig.GROUP_ID_CONFIG, TestKafka.uniqueId("test-kafka-group"));
        // the group protocol is set explicitly, as every consumer in the project must
        props.put(ConsumerConfig.GROUP_PROTOCOL_CONFIG, "consumer");
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<ConsumerRecord<String, String>> mine = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(
                props, topic.keySerde().deserializer(), topic.valueSerde().deserializer())) {
            consumer.subscribe(List.of(topic.name()));
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> {
                    if (key.equals(r.key())) {
                        mine.add(r);
                    }
                });
                return !mine.isEmpty();
            });
        }
        assertThat(mine).extracting(ConsumerRecord::value).containsExactly("hello");
    }

    @Test
    void shouldFailLoudlyWhenAnExistingTopicHasOtherPartitionsThanAsked() {
        TopicDef<String, String> topic =
                new TopicDef<>(TestKafka.uniqueId("partitions"), Serdes.String(), Serdes.String(), false);
        TestKafka.ensureTopics(List.of(topic), 1);

        assertThatThrownBy(() -> TestKafka.ensureTopics(List.of(topic), 3))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(topic.name())
                .hasMessageContaining("1 partition")
                .hasMessageContaining("3");
        assertThat(TestKafka.partitions(topic.name())).isEqualTo(1);
        assertThat(TestKafka.ensureTopics(List.of(topic), 1)).isEmpty();
    }
}
