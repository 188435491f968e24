package io.newsradar.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsradar.avro.Alert;
import io.newsradar.schemas.alert.AlertStatus;
import io.newsradar.schemas.serde.UndecodableRecordException;
import io.newsradar.schemas.topics.Topics;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.apache.kafka.common.errors.RecordDeserializationException.DeserializationExceptionOrigin;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The sink's loop against Kafka's mock clients: batches, dead letters, commits, shutdown. */
class AlertSinkTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TopicPartition PARTITION =
            new TopicPartition(Topics.alerts(Topics.DEFENSE_AI_ROUTE).name(), 0);

    private final MockConsumer<String, Alert> consumer = new MockConsumer<>("earliest");
    private final MockProducer<String, String> producer =
            new MockProducer<>(true, null, new StringSerializer(), new StringSerializer());
    private AlertSink sink;
    private Thread loop;

    @AfterEach
    void stop() throws InterruptedException {
        if (sink != null) {
            sink.close(WAIT);
        }
        if (loop != null) {
            loop.join(WAIT.toMillis());
        }
    }

    private void start(List<AlertDestination> destinations, Predicate<Alert> filter) {
        sink = new AlertSink(consumer, producer, destinations, filter);
        consumer.schedulePollTask(() -> {
            consumer.rebalance(List.of(PARTITION));
            consumer.updateBeginningOffsets(Map.of(PARTITION, 0L));
        });
        loop = new Thread(sink, "alert-sink-test");
        loop.start();
    }

    private void addAlerts(Alert... alerts) {
        consumer.schedulePollTask(() -> {
            for (int i = 0; i < alerts.length; i++) {
                consumer.addRecord(new ConsumerRecord<>(
                        PARTITION.topic(), PARTITION.partition(), i, alerts[i].getStoryId(), alerts[i]));
            }
        });
    }

    private long committed() {
        OffsetAndMetadata offset = consumer.committed(Set.of(PARTITION)).get(PARTITION);
        return offset == null ? -1 : offset.offset();
    }

    @Test
    void shouldDeliverEveryAlertToEveryDestinationThenCommitAfterTheFlush() {
        RecordingDestination first = new RecordingDestination();
        RecordingDestination second = new RecordingDestination();
        start(List.of(first, second), alert -> true);
        addAlerts(TestAlerts.alert("story-a", 1), TestAlerts.alert("story-b", 1));

        await().atMost(WAIT).until(() -> committed() == 2);

        assertThat(first.delivered).containsExactly("story-a:defense-ai:1", "story-b:defense-ai:1");
        assertThat(second.delivered).containsExactly("story-a:defense-ai:1", "story-b:defense-ai:1");
        assertThat(first.flushes.get()).isPositive();
        assertThat(sink.delivered()).isEqualTo(2);
        assertThat(sink.deadLettered()).isZero();
        assertThat(producer.history()).isEmpty();
    }

    @Test
    void shouldDeliverTheAlertsOfOneStoryOnTwoRoutesEachUnderItsOwnAlertId() {
        RecordingDestination destination = new RecordingDestination();
        start(List.of(destination), alert -> true);
        Alert defense = TestAlerts.alert("story-a", 1);
        Alert watch = TestAlerts.alert("story-a", 1);
        watch.setRoute("defense-watch");
        watch.setAlertId(AlertStatus.alertId("story-a", "defense-watch", 1));
        addAlerts(defense, watch, TestAlerts.alert("story-a", 2));

        await().atMost(WAIT).until(() -> committed() == 3);

        // under v1 ids (story:revision) the first two were both story-a:1, one lost to a receiver's dedupe
        assertThat(destination.delivered)
                .containsExactly("story-a:defense-ai:1", "story-a:defense-watch:1", "story-a:defense-ai:2")
                .doesNotHaveDuplicates();
        assertThat(sink.delivered()).isEqualTo(3);
    }

    @Test
    void shouldDeadLetterAnAlertADestinationRefusesAndGoOn() throws Exception {
        RecordingDestination picky =
                new RecordingDestination(a -> a.getStoryId().equals("story-b"), 0);
        start(List.of(picky), alert -> true);
        addAlerts(TestAlerts.alert("story-a", 1), TestAlerts.alert("story-b", 1), TestAlerts.alert("story-c", 1));

        await().atMost(WAIT).until(() -> committed() == 3);

        assertThat(picky.delivered).containsExactly("story-a:defense-ai:1", "story-c:defense-ai:1");
        assertThat(sink.delivered()).isEqualTo(2);
        assertThat(sink.deadLettered()).isEqualTo(1);
        assertThat(producer.history()).hasSize(1);
        ProducerRecord<String, String> letter = producer.history().get(0);
        assertThat(letter.topic()).isEqualTo(Topics.DELIVERY_DLQ.name());
        assertThat(letter.key()).isEqualTo("story-b:defense-ai:1");
        JsonNode value = JSON.readTree(letter.value());
        assertThat(value.get("reason").asText()).contains("recording", "receiver refused story-b:defense-ai:1");
        assertThat(value.get("alert").get("alertId").asText()).isEqualTo("story-b:defense-ai:1");
    }

    @Test
    void shouldDeadLetterAnUndecodableRecordAndCommitPastIt() throws Exception {
        RecordingDestination destination = new RecordingDestination();
        start(List.of(destination), alert -> true);
        addAlerts(TestAlerts.alert("story-a", 1));
        byte[] garbage = "not avro".getBytes(StandardCharsets.UTF_8);
        consumer.schedulePollTask(() -> consumer.setPollException(new RecordDeserializationException(
                DeserializationExceptionOrigin.VALUE,
                PARTITION,
                1L,
                0L,
                TimestampType.CREATE_TIME,
                ByteBuffer.wrap("story-x".getBytes(StandardCharsets.UTF_8)),
                ByteBuffer.wrap(garbage),
                new RecordHeaders(),
                "Error deserializing VALUE",
                new UndecodableRecordException("cannot decode 8 bytes as Alert", null))));

        await().atMost(WAIT).until(() -> committed() == 2);

        assertThat(destination.delivered).containsExactly("story-a:defense-ai:1");
        assertThat(sink.deadLettered()).isEqualTo(1);
        assertThat(producer.history()).singleElement().satisfies(letter -> {
            assertThat(letter.key()).isEqualTo("story-x");
            assertThat(JSON.readTree(letter.value()).get("offset").asLong()).isEqualTo(1L);
        });
        assertThat(sink.isStopped()).isFalse();
    }

    @Test
    void shouldFlushAgainWithoutDeliveringTheBatchAgainWhenADestinationCannotFlushIt() {
        RecordingDestination flaky = new RecordingDestination(a -> false, 1);
        start(List.of(flaky), alert -> true);
        Alert a = TestAlerts.alert("story-a", 1);
        Alert b = TestAlerts.alert("story-b", 1);
        addAlerts(a, b);
        // What the broker would return if the sink rewound to the start of the failed batch.
        addAlerts(a, b);

        await().atMost(WAIT).until(() -> committed() == 2);

        assertThat(flaky.delivered).containsExactly("story-a:defense-ai:1", "story-b:defense-ai:1");
        assertThat(flaky.flushes.get()).isEqualTo(2);
        assertThat(sink.delivered()).isEqualTo(2);
    }

    @Test
    void shouldCountButNotDeliverAlertsTheFilterLeavesOut() {
        RecordingDestination destination = new RecordingDestination();
        start(List.of(destination), alert -> alert.getSequence() == 1);
        addAlerts(TestAlerts.alert("story-a", 1), TestAlerts.alert("story-a", 2));

        await().atMost(WAIT).until(() -> committed() == 2);

        assertThat(destination.delivered).containsExactly("story-a:defense-ai:1");
        assertThat(sink.skipped()).isEqualTo(1);
        assertThat(sink.delivered()).isEqualTo(1);
    }

    @Test
    void shouldStopWithTheFailureOnAFatalError() {
        RecordingDestination destination = new RecordingDestination();
        start(List.of(destination), alert -> true);
        consumer.schedulePollTask(
                () -> consumer.setPollException(new TopicAuthorizationException(Set.of(PARTITION.topic()))));

        await().atMost(WAIT).until(sink::isStopped);

        assertThat(sink.failure()).containsInstanceOf(TopicAuthorizationException.class);
        assertThat(destination.closed).isTrue();
        assertThat(consumer.closed()).isTrue();
        assertThat(producer.closed()).isTrue();
    }

    @Test
    void shouldEndTheLoopAndReleaseEverythingOnClose() {
        RecordingDestination destination = new RecordingDestination();
        start(List.of(destination), alert -> true);
        addAlerts(TestAlerts.alert("story-a", 1));
        await().atMost(WAIT).until(() -> sink.delivered() == 1);

        assertThat(sink.close(WAIT)).isTrue();

        assertThat(sink.isStopped()).isTrue();
        assertThat(sink.failure()).isEmpty();
        assertThat(destination.closed).isTrue();
        assertThat(consumer.closed()).isTrue();
    }

    @Test
    void shouldReleaseEverythingWhenClosedBeforeItRan() {
        RecordingDestination destination = new RecordingDestination();
        sink = new AlertSink(consumer, producer, List.of(destination), alert -> true);

        assertThat(sink.close(WAIT)).isTrue();
        sink.run();

        assertThat(destination.closed).isTrue();
        assertThat(consumer.closed()).isTrue();
        assertThat(destination.delivered).isEmpty();
    }
}
