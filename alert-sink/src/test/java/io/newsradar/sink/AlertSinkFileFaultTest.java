package io.newsradar.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.newsradar.avro.Alert;
import io.newsradar.schemas.topics.Topics;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What the sink does when its file fails: a temporary failure is retried without writing an
 * alert twice, a permanent one stops the sink without committing (and without dead-lettering:
 * a full disk is not the alert's fault).
 */
class AlertSinkFileFaultTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final TopicPartition PARTITION =
            new TopicPartition(Topics.alerts(Topics.DEFENSE_AI_ROUTE).name(), 0);

    /** Remembers every commit, so a test can read them after the sink closed the consumer. */
    private final Map<TopicPartition, Long> commits = new ConcurrentHashMap<>();

    private final MockConsumer<String, Alert> consumer = new MockConsumer<>("earliest") {
        @Override
        public synchronized void commitSync() {
            super.commitSync();
            super.committed(assignment()).forEach((tp, offset) -> commits.put(tp, offset.offset()));
        }

        @Override
        public synchronized void commitSync(Map<TopicPartition, OffsetAndMetadata> offsets) {
            super.commitSync(offsets);
            offsets.forEach((tp, offset) -> commits.put(tp, offset.offset()));
        }
    };
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

    private void start(AlertDestination... destinations) {
        start(SinkSettings.DEFAULT_RETRY_BUDGET, destinations);
    }

    private void start(Duration retryBudget, AlertDestination... destinations) {
        sink = new AlertSink(consumer, producer, List.of(destinations), alert -> true, retryBudget);
        consumer.schedulePollTask(() -> {
            consumer.rebalance(List.of(PARTITION));
            consumer.updateBeginningOffsets(Map.of(PARTITION, 0L));
        });
        loop = new Thread(sink, "alert-sink-fault-test");
        loop.start();
    }

    /** The alerts at offsets 0..n-1; scheduling them again is what the broker returns after a rewind. */
    private void addAlerts(Alert... alerts) {
        consumer.schedulePollTask(() -> {
            for (int i = 0; i < alerts.length; i++) {
                consumer.addRecord(new ConsumerRecord<>(
                        PARTITION.topic(), PARTITION.partition(), i, alerts[i].getStoryId(), alerts[i]));
            }
        });
    }

    private long committed() {
        return commits.getOrDefault(PARTITION, -1L);
    }

    @Test
    void shouldRetryAWriteThatFailedOnceAndWriteEveryAlertExactlyOnce() {
        FaultyDestination file = new FaultyDestination().failNextWrite(new IOException("No space left on device"));
        start(file);
        Alert a = TestAlerts.alert("story-a", 1);
        Alert b = TestAlerts.alert("story-b", 1);
        addAlerts(a, b);
        addAlerts(a, b);

        await().atMost(WAIT).until(() -> committed() == 2);

        assertThat(file.lines).containsExactly("story-a:defense-ai:1", "story-b:defense-ai:1");
        assertThat(sink.delivered()).isEqualTo(2);
        assertThat(sink.deadLettered()).isZero();
        assertThat(producer.history())
                .as("a full disk is no reason to dead-letter")
                .isEmpty();
    }

    @Test
    void shouldRetryAFailedFsyncWithoutAppendingTheBatchAgain() {
        FaultyDestination file = new FaultyDestination().failNextFlush(new IOException("Input/output error"));
        start(file);
        Alert a = TestAlerts.alert("story-a", 1);
        Alert b = TestAlerts.alert("story-b", 1);
        addAlerts(a, b);
        addAlerts(a, b);

        await().atMost(WAIT).until(() -> committed() == 2);

        assertThat(file.lines).containsExactly("story-a:defense-ai:1", "story-b:defense-ai:1");
        assertThat(sink.delivered()).isEqualTo(2);
    }

    @Test
    void shouldStopWithTheReasonAndCommitNothingWhenTheFileCannotBeWritten() {
        FaultyDestination file =
                new FaultyDestination().failEveryWrite(new AccessDeniedException("/var/lib/newsradar/alerts.jsonl"));
        ConsoleDestination console =
                new ConsoleDestination(new java.io.PrintStream(java.io.OutputStream.nullOutputStream()));
        start(console, file);
        addAlerts(TestAlerts.alert("story-a", 1), TestAlerts.alert("story-b", 1));

        await().atMost(WAIT).until(sink::isStopped);

        assertThat(sink.failure()).isPresent();
        assertThat(SinkErrors.describe(sink.failure().orElseThrow()))
                .contains("faulty-file", "AccessDeniedException", "/var/lib/newsradar/alerts.jsonl");
        assertThat(committed())
                .as("the undelivered batch must come again after a restart")
                .isEqualTo(-1);
        assertThat(producer.history()).isEmpty();
        assertThat(file.lines).isEmpty();
    }

    @Test
    void shouldStopWithTheReasonWhenATemporaryFailureOutlastsTheRetryBudget() {
        FaultyDestination file = new FaultyDestination().failEveryWrite(new IOException("No space left on device"));
        start(Duration.ofMillis(300), file);
        addAlerts(TestAlerts.alert("story-a", 1));

        await().atMost(WAIT).until(sink::isStopped);

        assertThat(sink.failure()).containsInstanceOf(DestinationFailedException.class);
        assertThat(sink.failure().orElseThrow().getMessage())
                .contains("faulty-file", "retry budget", "No space left on device");
        assertThat(SinkErrors.isInfrastructure(sink.failure().orElseThrow())).isTrue();
        assertThat(committed()).isEqualTo(-1);
        assertThat(producer.history()).isEmpty();
    }

    @Test
    void shouldGiveTheBatchUpUncommittedAndTakeBackItsLinesWhenClosedWhileRetrying() {
        FaultyDestination file = new FaultyDestination().failEveryWrite(new IOException("No space left on device"));
        RecordingDestination first = new RecordingDestination();
        start(first, file);
        addAlerts(TestAlerts.alert("story-a", 1));
        await().atMost(WAIT).until(() -> !first.delivered.isEmpty());

        assertThat(sink.close(WAIT)).isTrue();

        assertThat(sink.failure()).as("a requested stop is no failure").isEmpty();
        assertThat(committed()).isEqualTo(-1);
        assertThat(first.discarded.get())
                .as("the first destination was told to take its line back")
                .isPositive();
    }
}
