package io.newsradar.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.newsradar.schemas.topics.TopicDef;
import io.newsradar.testsupport.TestKafka;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serdes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Counting a run's output under exactly-once: a transaction held open on an output partition
 * (as the scoring stream's last one is, between its offset commit and its markers) must hold the
 * count back, and records of an earlier run must never count as this run's.
 */
@Tag("integration")
class RunOutputsIntegrationTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    private String topic;
    private TopicPartition partition;
    private PipelineProgress progress;

    @BeforeEach
    void createOwnTopic() {
        // a topic of its own: no other test's transaction can hold its stable end back
        topic = TestKafka.uniqueId("run-outputs");
        partition = new TopicPartition(topic, 0);
        TestKafka.ensureTopics(List.of(new TopicDef<>(topic, Serdes.String(), Serdes.String(), false)), 1);
        progress = new PipelineProgress(TestKafka.clientProps());
    }

    @AfterEach
    void close() {
        progress.close();
    }

    @Test
    void shouldNotCountWhileATransactionIsOpenAndCountItsRecordOnceItCommits() throws Exception {
        send(plainProducer(), "earlier run");
        RunOutputs outputs = RunOutputs.begin(progress, List.of(topic));

        try (KafkaProducer<byte[], byte[]> tx = transactionalProducer()) {
            tx.initTransactions();
            tx.beginTransaction();
            long offset = tx.send(record("this run")).get().offset();

            // the record is in the log, its transaction is open: no count may be taken yet
            assertThat(outputs.ifStable())
                    .as("output while a transaction is open")
                    .isEmpty();

            tx.commitTransaction();
            RunOutputs.Output output = await().atMost(WAIT)
                    .until(outputs::ifStable, Optional::isPresent)
                    .orElseThrow();
            assertThat(output.count(List.of(topic))).isEqualTo(1);
            assertThat(output.nextOffsets(List.of(topic))).containsExactly(Map.entry(partition, offset + 1));
        }
    }

    @Test
    void shouldNotCountARecordWrittenBeforeTheRunEvenIfItsTransactionCommitsLater() throws Exception {
        try (KafkaProducer<byte[], byte[]> earlier = transactionalProducer()) {
            earlier.initTransactions();
            earlier.beginTransaction();
            earlier.send(record("earlier run, committed late")).get();

            RunOutputs outputs = RunOutputs.begin(progress, List.of(topic));
            earlier.commitTransaction();

            RunOutputs.Output output = await().atMost(WAIT)
                    .until(outputs::ifStable, Optional::isPresent)
                    .orElseThrow();
            assertThat(output.count(List.of(topic))).isZero();
        }
    }

    @Test
    void shouldCallThisRunDeliveredOnlyWhenTheGroupCommittedPastItsOwnRecords() throws Exception {
        String group = TestKafka.uniqueId("run-outputs-group");
        long earlier = send(plainProducer(), "earlier run, redelivered after a crash");
        RunOutputs outputs = RunOutputs.begin(progress, List.of(topic));
        send(plainProducer(), "this run");
        RunOutputs.Output output = await().atMost(WAIT)
                .until(outputs::ifStable, Optional::isPresent)
                .orElseThrow();
        Map<TopicPartition, Long> thisRun = output.nextOffsets(List.of(topic));

        commit(group, earlier + 1);
        assertThat(progress.caughtUp(group, thisRun))
                .as("only the earlier run's record delivered")
                .isFalse();

        commit(group, thisRun.get(partition));
        assertThat(progress.caughtUp(group, thisRun)).isTrue();
    }

    @Test
    void shouldCallAStreamsAppDoneOnlyWhenItsRepartitionTopicsAreConsumedToo() throws Exception {
        // the app's input is `topic`; a later stage reads its own repartition topic
        String app = TestKafka.uniqueId("run-outputs-app");
        String repartition = app + "-stage-repartition";
        TestKafka.ensureTopics(List.of(new TopicDef<>(repartition, Serdes.String(), Serdes.String(), false)), 1);
        TopicPartition stage = new TopicPartition(repartition, 0);
        long input = send(plainProducer(), "an article");
        try (KafkaProducer<byte[], byte[]> producer = plainProducer()) {
            producer.send(new ProducerRecord<>(repartition, 0, null, new byte[] {1}))
                    .get();
        }
        Map<TopicPartition, Long> inputEnds = Map.of(partition, input + 1);

        commit(app, partition, input + 1);
        assertThat(progress.caughtUp(app, inputEnds)).as("the input alone").isTrue();
        assertThat(progress.streamsCaughtUp(app, inputEnds))
                .as("a record still waits in the app's repartition topic")
                .isFalse();

        commit(app, stage, 1);
        assertThat(progress.streamsCaughtUp(app, inputEnds)).isTrue();
    }

    private void commit(String group, long offset) throws Exception {
        commit(group, partition, offset);
    }

    private void commit(String group, TopicPartition partition, long offset) throws Exception {
        try (Admin admin = Admin.create(TestKafka.clientProps())) {
            admin.alterConsumerGroupOffsets(group, Map.of(partition, new OffsetAndMetadata(offset)))
                    .all()
                    .get();
        }
    }

    /** Sends one record with a producer of its own and closes it. */
    private long send(KafkaProducer<byte[], byte[]> producer, String value) throws Exception {
        try (producer) {
            return producer.send(record(value)).get().offset();
        }
    }

    private ProducerRecord<byte[], byte[]> record(String value) {
        return new ProducerRecord<>(topic, 0, null, value.getBytes(StandardCharsets.UTF_8));
    }

    private static KafkaProducer<byte[], byte[]> plainProducer() {
        return new KafkaProducer<>(TestKafka.clientProps(), new ByteArraySerializer(), new ByteArraySerializer());
    }

    private static KafkaProducer<byte[], byte[]> transactionalProducer() {
        Map<String, Object> props = TestKafka.clientProps();
        props.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, TestKafka.uniqueId("run-outputs-tx"));
        return new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer());
    }
}
