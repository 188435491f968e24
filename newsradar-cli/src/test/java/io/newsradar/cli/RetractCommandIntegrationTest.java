package io.newsradar.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsradar.localkafka.LocalKafkaBroker;
import io.newsradar.localkafka.TopicAdmin;
import io.newsradar.schemas.topics.ArticleHeaders;
import io.newsradar.schemas.topics.Topics;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code retract} on a real broker whose {@code news.raw.v1} has 3 partitions (a broker of its
 * own: the shared test broker's topics have 1, where every record lands on partition 0 and the
 * placement would go untested). Articles are published by {@code ingest}, then retracted: each
 * tombstone must land on its article's partition, after the article.
 */
@Tag("integration")
class RetractCommandIntegrationTest {
    private static final int PARTITIONS = 3;

    @TempDir
    static Path dir;

    static LocalKafkaBroker broker;

    @BeforeAll
    static void startBroker() {
        broker = LocalKafkaBroker.startTemporary();
        TopicAdmin.ensureTopics(broker.clientProps(), List.of(Topics.NEWS_RAW), PARTITIONS, (short) 1);
        assertThat(TopicAdmin.partitionCounts(broker.clientProps(), List.of(Topics.NEWS_RAW.name())))
                .containsEntry(Topics.NEWS_RAW.name(), PARTITIONS);
    }

    @AfterAll
    static void stopBroker() {
        if (broker != null) {
            broker.close();
        }
    }

    /** Every record on news.raw.v1, in partition and offset order (values left as bytes). */
    private static List<ConsumerRecord<String, byte[]>> rawRecords() {
        Map<String, Object> props = new HashMap<>(broker.clientProps());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        List<ConsumerRecord<String, byte[]>> out = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> c =
                new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> parts = IntStream.range(0, PARTITIONS)
                    .mapToObj(p -> new TopicPartition(Topics.NEWS_RAW.name(), p))
                    .toList();
            c.assign(parts);
            c.seekToBeginning(parts);
            Map<TopicPartition, Long> ends = c.endOffsets(parts);
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (!parts.stream().allMatch(tp -> c.position(tp) >= ends.get(tp))) {
                assertThat(System.nanoTime())
                        .as("read news.raw.v1 to its end in time")
                        .isLessThan(deadline);
                c.poll(Duration.ofMillis(200)).forEach(out::add);
            }
        }
        return out;
    }

    @Test
    void aRetractionIsATombstoneWithItsReasonOnTheArticlesPartition() throws Exception {
        Path file = dir.resolve("articles.jsonl");
        Files.writeString(
                file,
                IntStream.range(0, 12)
                                .mapToObj(i -> "{\"url\":\"https://retract.example.org/story-" + i
                                        + "\",\"source\":\"Retract Desk\",\"title\":\"Harbour crane contract " + i
                                        + "\",\"body\":\"The port authority signed crane contract number " + i
                                        + " on Monday.\",\"publishedAt\":\"2026-05-01T08:00:00Z\"}")
                                .collect(Collectors.joining("\n"))
                        + "\n");
        RulesCommandTest.Run ingest =
                RulesCommandTest.run("ingest", "-b", broker.bootstrapServers(), "--file", file.toString());
        assertThat(ingest.code()).as(ingest.err()).isZero();

        // one article per partition it landed on: the test covers more than one partition
        Map<Integer, ConsumerRecord<String, byte[]>> articleOn = new LinkedHashMap<>();
        rawRecords().forEach(r -> articleOn.putIfAbsent(r.partition(), r));
        assertThat(articleOn).as("12 ids spread over the partitions").hasSizeGreaterThan(1);

        for (ConsumerRecord<String, byte[]> article : articleOn.values()) {
            RulesCommandTest.Run r = RulesCommandTest.run(
                    "retract", "-b", broker.bootstrapServers(), article.key(), "--reason", "taken down: wrong figures");
            assertThat(r.code()).as(r.err()).isZero();
            assertThat(r.out())
                    .contains("retracted " + article.key() + ": tombstone on news.raw.v1 partition "
                            + article.partition());
        }
        // without a reason: no header, the stream gives the default
        ConsumerRecord<String, byte[]> plain = articleOn.values().iterator().next();
        assertThat(RulesCommandTest.run("retract", "-b", broker.bootstrapServers(), plain.key())
                        .code())
                .isZero();

        List<ConsumerRecord<String, byte[]>> all = rawRecords();
        for (ConsumerRecord<String, byte[]> article : articleOn.values()) {
            List<ConsumerRecord<String, byte[]>> tombstones = all.stream()
                    .filter(r -> r.key().equals(article.key()) && r.value() == null)
                    .toList();
            assertThat(tombstones).as("tombstones of " + article.key()).isNotEmpty();
            ConsumerRecord<String, byte[]> withReason = tombstones.get(0);
            assertThat(withReason.partition()).isEqualTo(article.partition());
            assertThat(withReason.offset()).isGreaterThan(article.offset());
            Header reason = withReason.headers().lastHeader(ArticleHeaders.RETRACT_REASON);
            assertThat(reason).isNotNull();
            assertThat(new String(reason.value(), StandardCharsets.UTF_8)).isEqualTo("taken down: wrong figures");
        }
        List<ConsumerRecord<String, byte[]>> plainTombstones = all.stream()
                .filter(r -> r.key().equals(plain.key()) && r.value() == null)
                .toList();
        assertThat(plainTombstones).hasSize(2);
        assertThat(plainTombstones.get(1).partition()).isEqualTo(plain.partition());
        assertThat(plainTombstones.get(1).headers().lastHeader(ArticleHeaders.RETRACT_REASON))
                .isNull();
    }
}
