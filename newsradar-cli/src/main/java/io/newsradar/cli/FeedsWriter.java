package io.newsradar.cli;

import io.newsradar.schemas.feeds.FeedPartitions;
import io.newsradar.schemas.feeds.FeedRecord;
import io.newsradar.schemas.topics.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Writes the feed list: one {@code feeds.v1} record per feed, keyed by feed id, on the partition
 * of its listed URL's host ({@link FeedPartitions}), so the ingest instance that owns the host
 * gets it; a tombstone on the same partition removes a feed. {@link #flush} returns once the broker
 * acknowledged every record.
 */
final class FeedsWriter implements AutoCloseable {
    private final Producer<String, String> producer;
    private final int partitions;
    private final Duration timeout;
    private final List<Future<RecordMetadata>> pending = new ArrayList<>();

    FeedsWriter(Producer<String, String> producer, int partitions, Duration timeout) {
        this.producer = producer;
        this.partitions = partitions;
        this.timeout = timeout;
    }

    static FeedsWriter open(Map<String, Object> clientProps, int partitions, Duration timeout) {
        Map<String, Object> props = new HashMap<>(clientProps);
        // a feed written twice after a retry would be harmless (same key, same value), but
        // idempotence also keeps an add and a following remove in order
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        // the command reports "added" only when every in-sync replica has the record
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        // a dead broker fails the command within the bounded wait instead of blocking for minutes
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) Math.min(timeout.toMillis(), 15_000));
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, timeout.toMillis());
        return new FeedsWriter(
                new KafkaProducer<>(props, new StringSerializer(), new StringSerializer()), partitions, timeout);
    }

    /** The partition a feed listed at this URL lives on. */
    int partitionFor(String listedUrl) {
        return FeedPartitions.partitionFor(listedUrl, partitions);
    }

    void put(FeedRecord feed) {
        send(feed.id(), feed.url(), feed.toJson());
    }

    void remove(FeedRecord feed) {
        send(feed.id(), feed.url(), null);
    }

    private void send(String id, String url, String value) {
        pending.add(producer.send(new ProducerRecord<>(Topics.FEEDS.name(), partitionFor(url), id, value)));
    }

    /**
     * Waits for the broker's acknowledgement of everything sent.
     *
     * @throws FeedsUnwrittenException when a record was not acknowledged in time
     */
    void flush() {
        producer.flush();
        try {
            for (Future<RecordMetadata> f : pending) {
                f.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (ExecutionException e) {
            throw new FeedsUnwrittenException(
                    "the broker did not acknowledge the write to " + Topics.FEEDS.name() + ": " + e.getCause(), e);
        } catch (TimeoutException e) {
            throw new FeedsUnwrittenException(
                    "the broker did not acknowledge the write to " + Topics.FEEDS.name() + " within " + timeout, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FeedsUnwrittenException("interrupted while writing to " + Topics.FEEDS.name(), e);
        } finally {
            pending.clear();
        }
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }

    /** The feed list could not be written: the cluster's fault, exit 4. */
    static final class FeedsUnwrittenException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        FeedsUnwrittenException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
