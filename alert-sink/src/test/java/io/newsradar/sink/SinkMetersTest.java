package io.newsradar.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.newsradar.avro.Alert;
import io.newsradar.schemas.topics.Topics;
import java.nio.file.AccessDeniedException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The sink's meters, counted from a real sink loop on Kafka's mock clients. */
class SinkMetersTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final TopicPartition PARTITION =
            new TopicPartition(Topics.alerts(Topics.DEFENSE_AI_ROUTE).name(), 0);

    private final MockConsumer<String, Alert> consumer = new MockConsumer<>("earliest");
    private final MockProducer<String, String> producer =
            new MockProducer<>(true, null, new StringSerializer(), new StringSerializer());
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final SinkMeters meters = new SinkMeters(registry);
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
        meters.close();
    }

    @Test
    void countsReceivedDeliveredFailedRetriedAndDeadLetteredOnceTheBatchIsDurable() {
        // refuses story-b (dead-lettered), and its first flush fails with a full disk (retried)
        RecordingDestination destination =
                new RecordingDestination(a -> a.getStoryId().equals("story-b"), 1);
        sink = new AlertSink(
                consumer, producer, List.of(destination), alert -> true, SinkSettings.DEFAULT_RETRY_BUDGET, meters);
        consumer.schedulePollTask(() -> {
            consumer.rebalance(List.of(PARTITION));
            consumer.updateBeginningOffsets(Map.of(PARTITION, 0L));
        });
        consumer.schedulePollTask(() -> {
            consumer.addRecord(record(0, "story-a", TestAlerts.alert("story-a", 1)));
            consumer.addRecord(record(1, "story-b", TestAlerts.alert("story-b", 1)));
            // a tombstone on an alert topic is no alert: dead-lettered as undecodable
            consumer.addRecord(record(2, "story-c", null));
        });
        loop = new Thread(sink, "sink-meters-test");
        loop.start();

        await().atMost(WAIT).until(() -> committed() == 3);

        assertThat(count(SinkMeters.ALERTS_RECEIVED, "route", Topics.DEFENSE_AI_ROUTE))
                .isEqualTo(2);
        assertThat(count(SinkMeters.DELIVERIES, "destination", "recording", "outcome", "delivered"))
                .isEqualTo(1);
        assertThat(count(SinkMeters.DELIVERIES, "destination", "recording", "outcome", "failed"))
                .isEqualTo(1);
        assertThat(count(SinkMeters.RETRIES, "destination", "recording")).isEqualTo(1);
        assertThat(count(SinkMeters.DEAD_LETTERED, "reason", DeadLetters.UNDELIVERABLE))
                .isEqualTo(1);
        assertThat(count(SinkMeters.DEAD_LETTERED, "reason", DeadLetters.UNDECODABLE))
                .isEqualTo(1);
        assertThat(registry.scrape())
                .contains("newsradar_sink_alerts_received_total{route=\"defense-ai\"} 2.0")
                .contains("newsradar_sink_deliveries_total{destination=\"recording\",outcome=\"delivered\"} 1.0")
                .contains("newsradar_sink_retries_total{destination=\"recording\"} 1.0")
                .contains("newsradar_sink_dead_lettered_total{reason=\"undeliverable\"} 1.0");
    }

    @Test
    void aBatchThatFailsBeforeItIsDurableCountsNoDelivery() {
        // a write that fails for good: the sink stops with the batch uncommitted
        FaultyDestination broken =
                new FaultyDestination().failEveryWrite(new AccessDeniedException("/var/lib/newsradar/alerts.jsonl"));
        sink = new AlertSink(
                consumer, producer, List.of(broken), alert -> true, SinkSettings.DEFAULT_RETRY_BUDGET, meters);
        consumer.schedulePollTask(() -> {
            consumer.rebalance(List.of(PARTITION));
            consumer.updateBeginningOffsets(Map.of(PARTITION, 0L));
        });
        consumer.schedulePollTask(() -> consumer.addRecord(record(0, "story-a", TestAlerts.alert("story-a", 1))));
        loop = new Thread(sink, "sink-meters-test");
        loop.start();

        await().atMost(WAIT).until(sink::isStopped);

        assertThat(sink.failure()).containsInstanceOf(DestinationFailedException.class);
        assertThat(sink.delivered()).isZero();
        assertThat(count(SinkMeters.ALERTS_RECEIVED, "route", Topics.DEFENSE_AI_ROUTE))
                .isEqualTo(1);
        assertThat(registry.find(SinkMeters.DELIVERIES)
                        .tags("destination", broken.name(), "outcome", "delivered")
                        .counter())
                .as("nothing delivered: not even registered (the meters are not bound here)")
                .isNull();
        assertThat(count(SinkMeters.DELIVERIES, "destination", broken.name(), "outcome", "failed"))
                .isEqualTo(1);
    }

    @Test
    void bindShowsEveryDestinationAtZeroAndCloseRemovesTheMeters() {
        SimpleMeterRegistry simple = new SimpleMeterRegistry();
        SinkMeters bound = new SinkMeters(simple);
        sink = new AlertSink(consumer, producer, List.of(new RecordingDestination()), alert -> true);
        bound.bind(sink);

        assertThat(simple.get(SinkMeters.DELIVERIES)
                        .tags("destination", "recording", "outcome", "delivered")
                        .counter()
                        .count())
                .isZero();
        assertThat(simple.get(SinkMeters.DELIVERIES)
                        .tags("destination", "recording", "outcome", "failed")
                        .counter()
                        .count())
                .isZero();
        assertThat(simple.get(SinkMeters.RETRIES)
                        .tags("destination", "recording")
                        .counter()
                        .count())
                .isZero();
        assertThat(simple.get(SinkMeters.DEAD_LETTERED).counters()).hasSize(2);

        bound.close();
        assertThat(simple.find(SinkMeters.DELIVERIES).meters()).isEmpty();
        assertThat(simple.find(SinkMeters.DEAD_LETTERED).meters()).isEmpty();
    }

    private static ConsumerRecord<String, Alert> record(long offset, String key, Alert alert) {
        return new ConsumerRecord<>(PARTITION.topic(), PARTITION.partition(), offset, key, alert);
    }

    private double count(String name, String... tags) {
        return registry.get(name).tags(tags).counter().count();
    }

    private long committed() {
        OffsetAndMetadata offset = consumer.committed(Set.of(PARTITION)).get(PARTITION);
        return offset == null ? -1 : offset.offset();
    }
}
