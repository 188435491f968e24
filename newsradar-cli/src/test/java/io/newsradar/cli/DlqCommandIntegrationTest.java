package io.newsradar.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.newsradar.avro.Alert;
import io.newsradar.schemas.json.AlertJson;
import io.newsradar.schemas.serde.AvroSerdes;
import io.newsradar.schemas.topics.Topics;
import io.newsradar.sink.DeadLetters;
import io.newsradar.sink.DeliveryFailure;
import io.newsradar.testsupport.TestKafka;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code dlq list|show|replay} on the shared broker: a dead letter of each kind is written the way
 * the scoring stream and the sink write them, listed, shown and replayed. The topics are shared,
 * so every test finds its own records by position and key.
 */
@Tag("integration")
class DlqCommandIntegrationTest {
    private static final Pattern REPLAYED_TO = Pattern.compile("replayed to news\\.raw\\.v1 (\\d+):(\\d+) key=");

    private String bootstrap;

    @TempDir
    Path dir;

    @BeforeEach
    void catalogue() {
        TestKafka.ensureTopics(Topics.all());
        bootstrap = TestKafka.bootstrapServers();
    }

    private RulesCommandTest.Run dlq(String sub, String... args) {
        List<String> all = new ArrayList<>(List.of("dlq", sub, "-b", bootstrap));
        all.addAll(List.of(args));
        return RulesCommandTest.run(all.toArray(String[]::new));
    }

    private static RecordMetadata send(String topic, byte[] key, byte[] value, Headers headers) throws Exception {
        try (KafkaProducer<byte[], byte[]> p =
                new KafkaProducer<>(TestKafka.clientProps(), new ByteArraySerializer(), new ByteArraySerializer())) {
            return p.send(new ProducerRecord<>(topic, null, key, value, headers))
                    .get();
        }
    }

    private static String at(RecordMetadata m) {
        return m.partition() + ":" + m.offset();
    }

    @Test
    void shouldListShowAndReplayARawDeadLetterWithItsKeyAndBytes() throws Exception {
        String id = TestKafka.uniqueId("dlq-it");
        byte[] bytes = DlqTestRecords.articleBytes(id);
        RecordMetadata dead = send(
                Topics.NEWS_DLQ.name(),
                id.getBytes(StandardCharsets.UTF_8),
                bytes,
                DlqTestRecords.errorHeaders("java.lang.IllegalStateException", "scoring bug " + id));

        RulesCommandTest.Run list = dlq("list", "--topic", Topics.NEWS_DLQ.name(), "--max", "1000000");
        assertThat(list.code()).as(list.err()).isZero();
        assertThat(list.out())
                .contains("news.dlq.v1 " + at(dead) + "  ")
                .contains("key=" + id + "  java.lang.IllegalStateException: scoring bug " + id);

        RulesCommandTest.Run show = dlq("show", at(dead));
        assertThat(show.code()).as(show.err()).isZero();
        assertThat(show.out()).contains("value (NewsArticle):").contains("\"id\" : \"" + id + "\"");

        RulesCommandTest.Run replay = dlq("replay", at(dead));
        assertThat(replay.code()).as(replay.out() + replay.err()).isZero();
        Matcher m = REPLAYED_TO.matcher(replay.out());
        assertThat(m.find()).as(replay.out()).isTrue();
        ConsumerRecord<byte[], byte[]> back =
                readAt(Topics.NEWS_RAW.name(), Integer.parseInt(m.group(1)), Long.parseLong(m.group(2)));
        assertThat(new String(back.key(), StandardCharsets.UTF_8)).isEqualTo(id);
        assertThat(back.value()).isEqualTo(bytes);
        assertThat(new String(
                        back.headers().lastHeader(RawReplay.REPLAYED_HEADER).value(), StandardCharsets.UTF_8))
                .isEqualTo("news.dlq.v1 " + at(dead));
        assertThat(back.headers().lastHeader(DeadLetter.EXCEPTION_HEADER)).isNull();
    }

    @Test
    void shouldRefuseToReplayATruncatedCopy() throws Exception {
        String id = TestKafka.uniqueId("dlq-it-cut");
        RecordMetadata dead = send(
                Topics.NEWS_DLQ.name(),
                id.getBytes(StandardCharsets.UTF_8),
                DlqTestRecords.cut(DlqTestRecords.articleBytes(id)),
                DlqTestRecords.truncatedHeaders());

        RulesCommandTest.Run list = dlq("list", "--topic", Topics.NEWS_DLQ.name(), "--max", "1000000");
        assertThat(list.out()).containsPattern("news\\.dlq\\.v1 " + at(dead) + " .*key=" + id + " .*TRUNCATED");

        RulesCommandTest.Run replay = dlq("replay", at(dead));
        assertThat(replay.code()).isEqualTo(ExitCodes.SOME_REJECTED);
        assertThat(replay.out())
                .contains("news.dlq.v1 " + at(dead) + ": refused: a truncated copy (value: 900000 bytes, kept 500000)")
                .contains("0 replayed, 1 refused");
        // nothing of it reached news.raw.v1 (other tests may write there, but never this key)
        assertThat(keysOf(Topics.NEWS_RAW.name())).doesNotContain(id);
    }

    @Test
    void shouldListShowAndReplayAnUndeliverableAlertToTheFileThatFailedIt() throws Exception {
        String story = TestKafka.uniqueId("dlq-it-story");
        Alert alert = CliTestAlerts.alert(story);
        String alertTopic = Topics.alerts(Topics.DEFENSE_AI_ROUTE).name();
        RecordMetadata original = send(
                alertTopic,
                story.getBytes(StandardCharsets.UTF_8),
                AvroSerdes.alert().encode(alert),
                new org.apache.kafka.common.header.internals.RecordHeaders());
        Path file = dir.resolve("alerts.jsonl");
        String destination = "file:" + file.toAbsolutePath();
        ProducerRecord<String, String> letter = DeadLetters.undeliverable(
                new ConsumerRecord<>(
                        alertTopic,
                        original.partition(),
                        original.offset(),
                        0L,
                        TimestampType.CREATE_TIME,
                        -1,
                        -1,
                        story,
                        alert,
                        new org.apache.kafka.common.header.internals.RecordHeaders(),
                        Optional.empty()),
                List.of(new DeliveryFailure(destination, "IOException: Read-only file system")));
        RecordMetadata dead = send(
                Topics.DELIVERY_DLQ.name(),
                letter.key().getBytes(StandardCharsets.UTF_8),
                letter.value().getBytes(StandardCharsets.UTF_8),
                new org.apache.kafka.common.header.internals.RecordHeaders());

        RulesCommandTest.Run list = dlq("list", "--topic", Topics.DELIVERY_DLQ.name(), "--max", "1000000");
        assertThat(list.out())
                .contains("delivery.dlq.v1 " + at(dead) + "  ")
                .contains("undeliverable  alert=" + alert.getAlertId() + "  from " + alertTopic + " " + at(original)
                        + "  destinations=" + destination);

        RulesCommandTest.Run show = dlq("show", at(dead), "--topic", Topics.DELIVERY_DLQ.name());
        assertThat(show.out()).contains("value (delivery dead letter JSON):").contains("Read-only file system");

        RulesCommandTest.Run replay = dlq("replay", at(dead), "--topic", Topics.DELIVERY_DLQ.name());
        assertThat(replay.code()).as(replay.out() + replay.err()).isZero();
        assertThat(replay.out()).contains("alert " + alert.getAlertId() + " delivered to " + destination);
        List<String> lines = Files.readAllLines(file);
        assertThat(lines).hasSize(1);
        assertThat(AlertJson.fromJson(lines.get(0)).alertId()).isEqualTo(alert.getAlertId());
        // handed to the failed destination only: the alert topic every sink reads still has it once
        assertThat(keysOf(alertTopic)).containsOnlyOnce(story);
    }

    @Test
    void shouldRefuseAnUndeliverableAlertWhoseTopicIsNotAnAlertTopic() throws Exception {
        String story = TestKafka.uniqueId("dlq-it-gone");
        String json = "{\"kind\":\"undeliverable\",\"topic\":\"not-alerts\",\"partition\":0,\"offset\":0,"
                + "\"reason\":\"r\",\"alertId\":\"" + story + ":defense-ai:1\",\"failures\":[{\"destination\":"
                + "\"file:/nonexistent/x.jsonl\",\"reason\":\"r\"}]}";
        RecordMetadata dead = send(
                Topics.DELIVERY_DLQ.name(),
                story.getBytes(StandardCharsets.UTF_8),
                json.getBytes(StandardCharsets.UTF_8),
                new org.apache.kafka.common.header.internals.RecordHeaders());

        RulesCommandTest.Run replay = dlq("replay", at(dead), "--topic", Topics.DELIVERY_DLQ.name());
        assertThat(replay.code()).as(replay.out() + replay.err()).isEqualTo(ExitCodes.SOME_REJECTED);
        assertThat(replay.out())
                .contains("delivery.dlq.v1 " + at(dead) + ": refused: cannot read alert " + story)
                .contains("0 replayed, 1 refused");
    }

    @Test
    void shouldFailOnAPositionWithoutARecord() {
        RulesCommandTest.Run show = dlq("show", "0:999999999");
        assertThat(show.code()).isEqualTo(ExitCodes.FAILED);
        assertThat(show.err()).contains("no committed record at news.dlq.v1 0:999999999");
    }

    private static KafkaConsumer<byte[], byte[]> consumer() {
        Map<String, Object> props = new HashMap<>(TestKafka.clientProps());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        return new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    private static ConsumerRecord<byte[], byte[]> readAt(String topic, int partition, long offset) {
        try (KafkaConsumer<byte[], byte[]> c = consumer()) {
            TopicPartition tp = new TopicPartition(topic, partition);
            c.assign(List.of(tp));
            c.seek(tp, offset);
            List<ConsumerRecord<byte[], byte[]>> got = new ArrayList<>();
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                c.poll(Duration.ofMillis(200)).forEach(r -> {
                    if (r.offset() == offset) {
                        got.add(r);
                    }
                });
                return !got.isEmpty();
            });
            return got.get(0);
        }
    }

    /** The keys of every committed record of the topic, read to its end. */
    private static List<String> keysOf(String topic) {
        List<String> keys = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> c = consumer()) {
            List<TopicPartition> parts = c.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition()))
                    .toList();
            c.assign(parts);
            c.seekToBeginning(parts);
            Map<TopicPartition, Long> ends = c.endOffsets(parts);
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                c.poll(Duration.ofMillis(200))
                        .forEach(r -> keys.add(r.key() == null ? null : new String(r.key(), StandardCharsets.UTF_8)));
                return parts.stream().allMatch(tp -> c.position(tp) >= ends.get(tp));
            });
        }
        return keys;
    }
}
