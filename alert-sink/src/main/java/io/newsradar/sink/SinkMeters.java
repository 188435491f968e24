package io.newsradar.sink;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * The alert sink's meters in the process's registry (names and meaning: {@code
 * docs/metrics.md}), counted from the sink's {@link SinkEvents}, and Micrometer's {@link
 * KafkaClientMetrics} over the sink's consumer and dead-letter producer.
 *
 * <pre>{@code
 * SinkMeters meters = new SinkMeters(registry);
 * AlertSink sink = new AlertSink(config, destinations, alert -> true, meters);
 * meters.bind(sink); // the destinations' counters at 0, the Kafka client metrics
 * ...
 * sink.close();
 * meters.close();
 * }</pre>
 */
public final class SinkMeters implements SinkEvents, AutoCloseable {
    public static final String ALERTS_RECEIVED = "newsradar.sink.alerts.received";
    public static final String DELIVERIES = "newsradar.sink.deliveries";
    public static final String RETRIES = "newsradar.sink.retries";
    public static final String DEAD_LETTERED = "newsradar.sink.dead.lettered";
    public static final String OUTCOME_DELIVERED = "delivered";
    public static final String OUTCOME_FAILED = "failed";

    /** As in the scoring service: new client metrics (a partition assigned) show within seconds. */
    static final Duration KAFKA_METRICS_REFRESH = Duration.ofSeconds(5);

    private final MeterRegistry registry;
    private final Set<Meter> meters = ConcurrentHashMap.newKeySet();
    private final List<KafkaClientMetrics> clients = new ArrayList<>();
    private ScheduledExecutorService refresh;

    public SinkMeters(MeterRegistry registry) {
        this.registry = Objects.requireNonNull(registry, "registry");
        // known in advance: shown at 0 from the start, so a rate over them is defined before the first event
        deadLetteredCounter(DeadLetters.UNDELIVERABLE);
        deadLetteredCounter(DeadLetters.UNDECODABLE);
    }

    /**
     * The counters of {@code sink}'s destinations at 0 and the Kafka client metrics of its
     * consumer and producer (refreshed every {@link #KAFKA_METRICS_REFRESH}); once, before the
     * sink runs.
     */
    public synchronized SinkMeters bind(AlertSink sink) {
        if (refresh != null) {
            throw new IllegalStateException("the sink meters are bound already");
        }
        for (String destination : sink.destinationNames()) {
            deliveries(destination, OUTCOME_DELIVERED);
            deliveries(destination, OUTCOME_FAILED);
            retries(destination);
        }
        refresh = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "sink-kafka-metrics");
            t.setDaemon(true); // never holds the JVM open
            return t;
        });
        clients.add(new KafkaClientMetrics(sink.consumer(), Tags.empty(), refresh, KAFKA_METRICS_REFRESH));
        clients.add(new KafkaClientMetrics(sink.deadLetterProducer(), Tags.empty(), refresh, KAFKA_METRICS_REFRESH));
        clients.forEach(c -> c.bindTo(registry));
        return this;
    }

    @Override
    public void received(String route) {
        counter(Counter.builder(ALERTS_RECEIVED)
                        .description(
                                "Alerts polled from the alert topics, by route (again when a batch is redelivered)")
                        .tag("route", route))
                .increment();
    }

    @Override
    public void delivered(String destination, long count) {
        deliveries(destination, OUTCOME_DELIVERED).increment(count);
    }

    @Override
    public void failed(String destination, long count) {
        deliveries(destination, OUTCOME_FAILED).increment(count);
    }

    @Override
    public void retried(String destination) {
        retries(destination).increment();
    }

    @Override
    public void deadLettered(String reason, long count) {
        deadLetteredCounter(reason).increment(count);
    }

    private Counter deliveries(String destination, String outcome) {
        return counter(Counter.builder(DELIVERIES)
                .description("Alerts a destination took (delivered) or did not (failed), per durable batch")
                .tag("destination", destination)
                .tag("outcome", outcome));
    }

    private Counter retries(String destination) {
        return counter(Counter.builder(RETRIES)
                .description("Writes or flushes of a destination tried again after a temporary failure")
                .tag("destination", destination));
    }

    private Counter deadLetteredCounter(String reason) {
        return counter(Counter.builder(DEAD_LETTERED)
                .description("Records written to the delivery dead-letter topic, by reason")
                .tag("reason", reason));
    }

    /** Registers (or finds) the counter; remembered for {@link #close()}. */
    private Counter counter(Counter.Builder builder) {
        Counter counter = builder.register(registry);
        meters.add(counter);
        return counter;
    }

    /** Removes the meters and stops the Kafka client binders. */
    @Override
    public synchronized void close() {
        clients.forEach(KafkaClientMetrics::close);
        clients.clear();
        if (refresh != null) {
            refresh.shutdownNow();
        }
        meters.forEach(registry::remove);
        meters.clear();
    }
}
