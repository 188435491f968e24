package io.newsradar.sink;

import io.newsradar.avro.Alert;
import io.newsradar.schemas.config.NewsradarConfig;
import io.newsradar.schemas.topics.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.InvalidOffsetException;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Consumes every alert topic ({@link Topics#ALERT_TOPICS}, by pattern, so a new route's topic is
 * picked up while running) and delivers each alert to every destination.
 *
 * <p>Per polled batch: deliver each alert to each destination; an alert some destination rejected
 * ({@link AlertRejectedException}) goes to {@link Topics#DELIVERY_DLQ} with the reasons; then flush
 * every destination, wait for the dead letters' acknowledgements, and only then commit the batch's
 * offsets. A destination's temporary failure (a full disk) is retried in place with backoff, the
 * failed write or flush only, never what already succeeded ({@link DestinationRetries}); a
 * permanent one, or one lasting past the retry budget, stops the sink with a {@link
 * DestinationFailedException} and the batch uncommitted. Any other failure before the commit
 * rewinds the consumer to the start of the batch, so nothing is lost; delivery is at-least-once
 * and receivers dedupe by alert id.
 *
 * <p>A record that is not an alert is dead-lettered with its original bytes and skipped. Fatal
 * errors (credentials, permissions, a bug) end the loop with an error log and {@link #failure()}.
 * {@link #close()} wakes the consumer up and waits, bounded, for the loop to end.
 *
 * <p>{@link #run()} runs the loop on the calling thread; the sink owns its destinations and
 * closes them, and its Kafka clients, when the loop ends.
 */
public final class AlertSink implements Runnable, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(AlertSink.class);

    public static final Duration DEFAULT_CLOSE_TIMEOUT = Duration.ofSeconds(30);
    static final Duration POLL_TIMEOUT = Duration.ofSeconds(1);
    static final Duration CLIENT_CLOSE_TIMEOUT = Duration.ofSeconds(10);
    static final long MIN_BACKOFF_MS = 100;
    static final long MAX_BACKOFF_MS = 10_000;

    private final Consumer<String, Alert> consumer;
    private final Producer<String, String> deadLetterProducer;
    private final Destinations destinations;
    private final Predicate<Alert> filter;
    private final SinkEvents events;

    private final AtomicLong delivered = new AtomicLong();
    private final AtomicLong deadLettered = new AtomicLong();
    private final AtomicLong skipped = new AtomicLong();

    private final AtomicBoolean started = new AtomicBoolean();
    private final AtomicBoolean closing = new AtomicBoolean();
    private final CountDownLatch closeRequested = new CountDownLatch(1);
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile Throwable failure;
    private long backoffMs = MIN_BACKOFF_MS;

    /** Delivers every alert. */
    public AlertSink(NewsradarConfig config, List<AlertDestination> destinations) {
        this(config, destinations, alert -> true);
    }

    /** Delivers the alerts {@code filter} accepts; the others are counted in {@link #skipped()}. */
    public AlertSink(NewsradarConfig config, List<AlertDestination> destinations, Predicate<Alert> filter) {
        this(config, destinations, filter, SinkEvents.NONE);
    }

    /** Delivers the alerts {@code filter} accepts and tells {@code events} (the meters) what it did. */
    public AlertSink(
            NewsradarConfig config, List<AlertDestination> destinations, Predicate<Alert> filter, SinkEvents events) {
        this(SinkSettings.retryBudget(config), SinkClients.newConsumer(config), config, destinations, filter, events);
    }

    private AlertSink(
            Duration retryBudget,
            Consumer<String, Alert> consumer,
            NewsradarConfig config,
            List<AlertDestination> destinations,
            Predicate<Alert> filter,
            SinkEvents events) {
        this(
                consumer,
                SinkClients.newDeadLetterProducerOrClose(config, consumer),
                destinations,
                filter,
                retryBudget,
                events);
    }

    /** With given clients: for tests with {@code MockConsumer} / {@code MockProducer}. */
    AlertSink(
            Consumer<String, Alert> consumer,
            Producer<String, String> deadLetterProducer,
            List<AlertDestination> destinations,
            Predicate<Alert> filter) {
        this(consumer, deadLetterProducer, destinations, filter, SinkSettings.DEFAULT_RETRY_BUDGET);
    }

    /** With given clients and retry budget: for tests. */
    AlertSink(
            Consumer<String, Alert> consumer,
            Producer<String, String> deadLetterProducer,
            List<AlertDestination> destinations,
            Predicate<Alert> filter,
            Duration retryBudget) {
        this(consumer, deadLetterProducer, destinations, filter, retryBudget, SinkEvents.NONE);
    }

    /** With given clients, retry budget and events: for tests. */
    AlertSink(
            Consumer<String, Alert> consumer,
            Producer<String, String> deadLetterProducer,
            List<AlertDestination> destinations,
            Predicate<Alert> filter,
            Duration retryBudget,
            SinkEvents events) {
        this.events = Objects.requireNonNull(events, "events");
        this.consumer = Objects.requireNonNull(consumer, "consumer");
        this.deadLetterProducer = Objects.requireNonNull(deadLetterProducer, "deadLetterProducer");
        this.filter = Objects.requireNonNull(filter, "filter");
        this.destinations = new Destinations(
                destinations,
                new DestinationRetries(
                        retryBudget,
                        MIN_BACKOFF_MS,
                        MAX_BACKOFF_MS,
                        this::pauseUnlessClosing,
                        System::nanoTime,
                        events));
    }

    /** Alerts every destination took, counted once their batch was flushed. */
    public long delivered() {
        return delivered.get();
    }

    /** Alerts and undecodable records written to the delivery DLQ, counted once acknowledged. */
    public long deadLettered() {
        return deadLettered.get();
    }

    /** Alerts the filter left out. */
    public long skipped() {
        return skipped.get();
    }

    /** The error that ended the loop, if a fatal one did. */
    public Optional<Throwable> failure() {
        return Optional.ofNullable(failure);
    }

    /**
     * Asks the cluster for its topics with the sink's own consumer (its address, security settings
     * and permissions), so a cluster that does not answer is reported at start instead of being
     * polled in silence forever. Call before {@link #run()}.
     *
     * @throws org.apache.kafka.common.errors.TimeoutException when no answer came within {@code timeout}
     */
    public void awaitCluster(Duration timeout) {
        if (started.get()) {
            throw new IllegalStateException("awaitCluster must be called before the sink runs");
        }
        consumer.listTopics(timeout);
    }

    /** Whether the loop runs: started and neither ended nor asked to stop (the sink's readiness). */
    public boolean isRunning() {
        return started.get() && !closing.get() && !isStopped();
    }

    /** The sink's consumer, for its client metrics. */
    Consumer<String, Alert> consumer() {
        return consumer;
    }

    /** The sink's dead-letter producer, for its client metrics. */
    Producer<String, String> deadLetterProducer() {
        return deadLetterProducer;
    }

    /** The names of the destinations, in delivery order. */
    public List<String> destinationNames() {
        return destinations.names();
    }

    /** Whether the loop has ended (or close() ran before it started). */
    public boolean isStopped() {
        return stopped.getCount() == 0;
    }

    @Override
    public void run() {
        if (!started.compareAndSet(false, true)) {
            if (closing.get()) {
                return;
            }
            throw new IllegalStateException("the alert sink is already running");
        }
        try {
            if (closing.get()) {
                return;
            }
            consumer.subscribe(Topics.ALERT_TOPICS, new LoggingRebalanceListener());
            log.info(
                    "alert sink subscribed to {} delivering to {}",
                    Topics.ALERT_TOPICS.pattern(),
                    destinations.names());
            while (!closing.get()) {
                try {
                    ConsumerRecords<String, Alert> records = consumer.poll(POLL_TIMEOUT);
                    if (!records.isEmpty()) {
                        processBatch(records);
                    }
                    backoffMs = MIN_BACKOFF_MS;
                } catch (Exception e) {
                    if (!handle(e)) {
                        break;
                    }
                }
            }
        } catch (RuntimeException | Error e) {
            failure = e;
            log.error("alert sink stopped by an unexpected error", e);
            throw e;
        } finally {
            releaseResources();
            stopped.countDown();
            log.info(
                    "alert sink stopped: delivered={} deadLettered={} skipped={}",
                    delivered(),
                    deadLettered(),
                    skipped());
        }
    }

    private void processBatch(ConsumerRecords<String, Alert> records) throws Exception {
        List<Future<RecordMetadata>> pendingDeadLetters = new ArrayList<>();
        long batchDelivered = 0;
        long batchSkipped = 0;
        DeliveryTally tally = new DeliveryTally(destinations.names());
        destinations.startBatch();
        try {
            for (ConsumerRecord<String, Alert> record : records) {
                Alert alert = record.value();
                if (alert == null) {
                    // A tombstone on an alert topic is not an alert; keep it in the DLQ rather than drop it.
                    pendingDeadLetters.add(deadLetterProducer.send(DeadLetters.undecodable(
                            record.topic(),
                            record.partition(),
                            record.offset(),
                            keyBytes(record.key()),
                            null,
                            "record has no value")));
                    tally.deadLetter(DeadLetters.UNDECODABLE);
                    continue;
                }
                events.received(alert.getRoute());
                List<DeliveryFailure> failures = new ArrayList<>();
                boolean accepted;
                try {
                    accepted = filter.test(alert);
                } catch (RuntimeException e) {
                    failures.add(new DeliveryFailure("filter", SinkErrors.describe(e)));
                    accepted = false;
                }
                if (!accepted && failures.isEmpty()) {
                    batchSkipped++;
                    log.debug("filter skipped alert {}", alert.getAlertId());
                    continue;
                }
                if (accepted) {
                    failures.addAll(destinations.deliver(alert));
                    tally.delivery(failures);
                }
                if (failures.isEmpty()) {
                    batchDelivered++;
                } else {
                    log.warn(
                            "alert {} from {}-{}@{} not delivered, dead-lettering it: {}",
                            alert.getAlertId(),
                            record.topic(),
                            record.partition(),
                            record.offset(),
                            failures);
                    pendingDeadLetters.add(deadLetterProducer.send(DeadLetters.undeliverable(record, failures)));
                    tally.deadLetter(DeadLetters.UNDELIVERABLE);
                }
            }
            destinations.flush();
            awaitAcknowledged(pendingDeadLetters);
        } catch (Exception e) {
            if (e instanceof DestinationFailedException failed) {
                // the alert in hand when the destination failed for good; the sink stops
                events.failed(failed.destination(), 1);
            }
            // This batch will not be committed: take back what is not durable yet, or the batch's
            // next delivery would write it a second time.
            destinations.discardUnflushed();
            rewind(records);
            throw e;
        }
        delivered.addAndGet(batchDelivered);
        deadLettered.addAndGet(pendingDeadLetters.size());
        skipped.addAndGet(batchSkipped);
        tally.report(events);
        commit(null);
    }

    private void awaitAcknowledged(List<Future<RecordMetadata>> pending) throws Exception {
        if (pending.isEmpty()) {
            return;
        }
        // Send now rather than after linger.ms: the commit waits for these.
        deadLetterProducer.flush();
        for (Future<RecordMetadata> future : pending) {
            try {
                future.get();
            } catch (ExecutionException e) {
                Throwable cause = SinkErrors.unwrap(e);
                throw cause instanceof Exception ex ? ex : e;
            }
        }
    }

    /** Moves each partition of a failed batch back to its first record, so the batch comes again. */
    private void rewind(ConsumerRecords<String, Alert> records) {
        Collection<TopicPartition> assigned = consumer.assignment();
        for (TopicPartition partition : records.partitions()) {
            if (assigned.contains(partition)) {
                consumer.seek(partition, records.records(partition).get(0).offset());
            }
        }
    }

    /** Commits the given offsets, or the consumer's positions when {@code offsets} is null. */
    private void commit(Map<TopicPartition, OffsetAndMetadata> offsets) {
        try {
            commitOnce(offsets);
        } catch (WakeupException e) {
            // close() woke us up while the batch was being delivered; finish its commit first (the
            // wakeup is spent now), or the whole batch is delivered again after a restart.
            commitOnce(offsets);
        }
    }

    private void commitOnce(Map<TopicPartition, OffsetAndMetadata> offsets) {
        if (offsets == null) {
            consumer.commitSync();
        } else {
            consumer.commitSync(offsets);
        }
    }

    /** Deals with one exception from the loop; false ends the loop. */
    private boolean handle(Exception e) {
        ErrorKind kind = SinkErrors.classify(e);
        switch (kind) {
            case SHUTDOWN:
                if (!closing.get()) {
                    log.warn("alert sink interrupted, stopping");
                    Thread.currentThread().interrupt();
                }
                return false;
            case UNDECODABLE:
                return skipUndecodable((RecordDeserializationException) SinkErrors.unwrap(e));
            case OFFSET_RESET:
                InvalidOffsetException offsets = (InvalidOffsetException) SinkErrors.unwrap(e);
                // Replaying from the beginning redelivers alerts, which receivers dedupe; skipping
                // to the end could lose some.
                log.warn(
                        "no valid committed offset for {} ({}); starting them from the beginning",
                        offsets.partitions(),
                        SinkErrors.describe(e));
                consumer.seekToBeginning(offsets.partitions());
                return true;
            case RETRIABLE:
                log.warn("alert sink will retry in {} ms: {}", backoffMs, SinkErrors.describe(e));
                pause();
                return !closing.get();
            case FATAL:
            default:
                failure = SinkErrors.unwrap(e);
                log.error(
                        "alert sink stopping on a fatal error, the batch in hand stays uncommitted: {}",
                        SinkErrors.describe(e),
                        failure);
                return false;
        }
    }

    private boolean skipUndecodable(RecordDeserializationException e) {
        TopicPartition partition = e.topicPartition();
        long next = e.offset() + 1;
        try {
            log.warn(
                    "record {}@{} is not an alert, dead-lettering it: {}",
                    partition,
                    e.offset(),
                    SinkErrors.describe(e.getCause() != null ? e.getCause() : e));
            List<Future<RecordMetadata>> pending = List.of(deadLetterProducer.send(DeadLetters.undecodable(e)));
            awaitAcknowledged(pending);
            deadLettered.addAndGet(1);
            events.deadLettered(DeadLetters.UNDECODABLE, 1);
            consumer.seek(partition, next);
            // Commit now: the bad record may be the last on its partition, and no later batch
            // would move the committed offset past it.
            commit(Map.of(partition, new OffsetAndMetadata(next)));
            return true;
        } catch (Exception inner) {
            // The consumer still stands on the bad record, so the next poll raises it again.
            return handle(inner);
        }
    }

    private void pause() {
        pauseUnlessClosing(backoffMs);
        backoffMs = Math.min(backoffMs * 2, MAX_BACKOFF_MS);
    }

    /** Waits up to {@code millis}, less when close() is called; false when the sink is closing. */
    private boolean pauseUnlessClosing(long millis) {
        try {
            closeRequested.await(millis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closing.set(true);
        }
        return !closing.get();
    }

    private static byte[] keyBytes(String key) {
        return key == null ? null : key.getBytes(StandardCharsets.UTF_8);
    }

    /** Stops the loop and waits up to {@link #DEFAULT_CLOSE_TIMEOUT} for it to end. */
    @Override
    public void close() {
        close(DEFAULT_CLOSE_TIMEOUT);
    }

    /** Stops the loop and waits up to {@code timeout} for it to end; true when it has. */
    public boolean close(Duration timeout) {
        if (isStopped()) {
            return true;
        }
        closing.set(true);
        closeRequested.countDown();
        if (started.compareAndSet(false, true)) {
            // run() never started: nobody else will release the clients and destinations.
            try {
                releaseResources();
            } finally {
                stopped.countDown();
            }
            return true;
        }
        consumer.wakeup();
        try {
            boolean ended = stopped.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (!ended) {
                log.warn("alert sink loop did not end within {}", timeout);
            }
            return ended;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void releaseResources() {
        destinations.close();
        try {
            deadLetterProducer.close(CLIENT_CLOSE_TIMEOUT);
        } catch (RuntimeException e) {
            log.warn("closing the dead-letter producer failed: {}", SinkErrors.describe(e));
        }
        try {
            consumer.close(CLIENT_CLOSE_TIMEOUT);
        } catch (RuntimeException e) {
            log.warn("closing the consumer failed: {}", SinkErrors.describe(e));
        }
    }
}
