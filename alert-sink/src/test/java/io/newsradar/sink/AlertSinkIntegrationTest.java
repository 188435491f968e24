package io.newsradar.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsradar.avro.Alert;
import io.newsradar.schemas.config.NewsradarConfig;
import io.newsradar.schemas.json.AlertJson;
import io.newsradar.schemas.topics.TopicDef;
import io.newsradar.schemas.topics.Topics;
import io.newsradar.testsupport.LegacyAlerts;
import io.newsradar.testsupport.TestKafka;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sink against a real broker: transactional alerts to the file, garbage to the delivery DLQ, offsets committed. */
@Tag("integration")
class AlertSinkIntegrationTest {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void shouldWriteCommittedAlertsToTheFileDeadLetterGarbageAndCommitPastAllOfThem() throws Exception {
        TestKafka.ensureTopics(Topics.all());
        TopicDef<String, Alert> alertTopic = Topics.alerts(Topics.DEFENSE_AI_ROUTE);
        // The broker is shared and its topics may hold other tests' records: this run's ids carry a unique prefix.
        String run = TestKafka.uniqueId("sink-it");
        Alert first = TestAlerts.alert(run + "-a", 1);
        Alert second = TestAlerts.alert(run + "-b", 1);
        String garbageKey = run + "-garbage";
        byte[] garbage = "definitely not an avro alert".getBytes(StandardCharsets.UTF_8);

        List<RecordMetadata> written = new ArrayList<>();
        Map<String, Object> txProps = TestKafka.clientProps();
        txProps.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, run + "-tx");
        try (KafkaProducer<String, Alert> producer = new KafkaProducer<>(
                txProps,
                alertTopic.keySerde().serializer(),
                alertTopic.valueSerde().serializer())) {
            producer.initTransactions();
            producer.beginTransaction();
            var sentFirst = producer.send(new ProducerRecord<>(alertTopic.name(), first.getStoryId(), first));
            var sentSecond = producer.send(new ProducerRecord<>(alertTopic.name(), second.getStoryId(), second));
            producer.commitTransaction();
            written.add(sentFirst.get(10, TimeUnit.SECONDS));
            written.add(sentSecond.get(10, TimeUnit.SECONDS));
        }
        // an alert as the first release wrote it (Alert v1): still decoded and delivered
        String legacyStory = run + "-v1";
        byte[] legacy = LegacyAlerts.v1Bytes(legacyStory, 2, "UPDATED");
        try (KafkaProducer<String, byte[]> producer =
                new KafkaProducer<>(TestKafka.clientProps(), new StringSerializer(), new ByteArraySerializer())) {
            written.add(producer.send(new ProducerRecord<>(alertTopic.name(), garbageKey, garbage))
                    .get(10, TimeUnit.SECONDS));
            written.add(producer.send(new ProducerRecord<>(alertTopic.name(), legacyStory, legacy))
                    .get(10, TimeUnit.SECONDS));
        }

        Path file = dir.resolve("out/alerts.jsonl");
        String group = TestKafka.uniqueId("sink-it-group");
        NewsradarConfig config = NewsradarConfig.defaults()
                .with(NewsradarConfig.BOOTSTRAP_SERVERS, TestKafka.bootstrapServers())
                .with(NewsradarConfig.SINK_GROUP, group);
        List<ConsumerRecord<String, String>> deadLetters = new ArrayList<>();
        try (AlertSink sink = new AlertSink(
                config,
                List.of(new JsonLinesFileDestination(file)),
                alert -> alert.getStoryId().startsWith(run))) {
            Thread loop = new Thread(sink, "alert-sink-it");
            loop.start();

            await().atMost(WAIT).until(() -> sink.delivered() == 3 && sink.deadLettered() >= 1);
            await().atMost(WAIT).until(() -> committedPastEveryRecord(group, written));
            readDeadLetters(run, garbageKey, deadLetters);

            assertThat(sink.close(WAIT)).isTrue();
            assertThat(sink.failure()).isEmpty();
        }

        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        assertThat(lines).hasSize(3).contains(AlertJson.toJson(first), AlertJson.toJson(second));
        AlertJson.AlertView legacyLine = lines.stream()
                .map(AlertJson::fromJson)
                .filter(a -> a.storyId().equals(legacyStory))
                .findFirst()
                .orElseThrow();
        assertThat(legacyLine.alertId()).isEqualTo(legacyStory + ":2");
        assertThat(legacyLine.status()).isEqualTo("UPDATED");
        assertThat(legacyLine.title()).isEqualTo(LegacyAlerts.TITLE);
        assertThat(deadLetters).hasSize(1);
        JsonNode letter = JSON.readTree(deadLetters.get(0).value());
        assertThat(letter.get("kind").asText()).isEqualTo(DeadLetters.UNDECODABLE);
        assertThat(letter.get("topic").asText()).isEqualTo(alertTopic.name());
        assertThat(letter.get("offset").asLong()).isEqualTo(written.get(2).offset());
        assertThat(Base64.getDecoder().decode(letter.get("valueBase64").asText()))
                .isEqualTo(garbage);
    }

    private static boolean committedPastEveryRecord(String group, List<RecordMetadata> written) throws Exception {
        try (Admin admin = Admin.create(TestKafka.clientProps())) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata()
                    .get(10, TimeUnit.SECONDS);
            return written.stream().allMatch(m -> {
                OffsetAndMetadata offset = committed.get(new TopicPartition(m.topic(), m.partition()));
                return offset != null && offset.offset() > m.offset();
            });
        }
    }

    private static void readDeadLetters(String run, String garbageKey, List<ConsumerRecord<String, String>> into) {
        Map<String, Object> props = TestKafka.clientProps();
        props.put(ConsumerConfig.GROUP_ID_CONFIG, run + "-dlq-reader");
        // Set explicitly, as every consumer in the project does.
        props.put(ConsumerConfig.GROUP_PROTOCOL_CONFIG, "consumer");
        // The dead letter was written before this reader joined.
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(
                props,
                Topics.DELIVERY_DLQ.keySerde().deserializer(),
                Topics.DELIVERY_DLQ.valueSerde().deserializer())) {
            consumer.subscribe(List.of(Topics.DELIVERY_DLQ.name()));
            await().atMost(WAIT).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> {
                    if (garbageKey.equals(r.key())) {
                        into.add(r);
                    }
                });
                return !into.isEmpty();
            });
        }
    }
}
