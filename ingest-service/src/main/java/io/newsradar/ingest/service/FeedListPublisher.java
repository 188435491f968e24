package io.newsradar.ingest.service;

import io.newsradar.ingest.BrokerWait;
import io.newsradar.schemas.config.NewsradarConfig;
import io.newsradar.schemas.feeds.FeedPartitions;
import io.newsradar.schemas.feeds.FeedRecord;
import io.newsradar.schemas.topics.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The one writer of the feed list, {@code feeds.v1} (key: feed id, value: {@link FeedRecord} JSON,
 * a tombstone removes a feed), used by {@code newsradar feeds add|remove|import}, {@code ingest
 * --serve --feed-list} and the demo. Each record goes on the partition of its listed URL's host
 * ({@link FeedPartitions}), so the ingest instance that owns the host polls it.
 *
 * <p>A feed whose listed URL moved to another host lands on another partition. Before the first
 * write this publisher reads {@code feeds.v1} to its end to learn where each id is live, and with
 * a feed's new record it writes a tombstone for the id on every other partition where it is live:
 * one live record per id remains, and the old owner stops polling it. (Two writers racing on the
 * same id between the read and the write can still leave one stray copy; the next write of that
 * id removes it.) The feed's polling state on {@code feeds.state.v1} is left where it is: the new
 * owner starts without state and its first poll is held from alerts.
 *
 * <p>{@link #put} and {@link #remove} send; {@link #flush} returns once the broker acknowledged
 * everything sent, or throws {@link FeedListUnwrittenException} after a bounded wait.
 */
public final class FeedListPublisher implements AutoCloseable {
    private final Producer<String, String> producer;
    private final Duration wait;
    private final Supplier<List<CompactedTopic.LiveRecord>> readList;
    private final List<Future<RecordMetadata>> pending = new ArrayList<>();
    /** Feed id -> the partitions its id is live on; read once, then kept up to date by the writes. */
    private Map<String, Set<Integer>> placement;

    public FeedListPublisher(NewsradarConfig config) {
        this(
                new KafkaProducer<>(
                        PollerClientConfigs.feedListProducer(config), new StringSerializer(), new StringSerializer()),
                BrokerWait.of(config),
                () -> CompactedTopic.read(
                        PollerClientConfigs.feedListReader(config), Topics.FEEDS.name(), BrokerWait.of(config)));
    }

    /**
     * @param wait the bound the producer's own waits were set from ({@link BrokerWait})
     * @param readList reads {@code feeds.v1} whole: where each feed id is live now
     */
    FeedListPublisher(
            Producer<String, String> producer, Duration wait, Supplier<List<CompactedTopic.LiveRecord>> readList) {
        this.producer = producer;
        this.wait = wait;
        this.readList = readList;
    }

    /** The partition a feed listed at this URL lives on. */
    public int partitionFor(String listedUrl) {
        return FeedPartitions.partitionFor(listedUrl, partitionCount());
    }

    /**
     * Sends a feed's record, and a tombstone for its id on every other partition where it is live.
     *
     * @return the partitions it was moved from (tombstoned), empty when it stays where it was or is new
     */
    public Set<Integer> put(FeedRecord feed) {
        int partition = partitionFor(feed.url());
        Set<Integer> elsewhere = new TreeSet<>(livePartitions(feed.id()));
        elsewhere.remove(partition);
        for (int old : elsewhere) {
            send(old, feed.id(), null);
        }
        send(partition, feed.id(), feed.toJson());
        placement().put(feed.id(), new TreeSet<>(Set.of(partition)));
        return elsewhere;
    }

    /** Sends a feed's tombstone on the partition of its listed URL and on every other partition where it is live. */
    public void remove(String feedId, String listedUrl) {
        Set<Integer> partitions = new TreeSet<>(livePartitions(feedId));
        partitions.add(partitionFor(listedUrl));
        for (int p : partitions) {
            send(p, feedId, null);
        }
        placement().remove(feedId);
    }

    /**
     * Writes the feeds (moving those whose host changed, see {@link #put}) and waits until the
     * broker acknowledged every record. Adds and updates only: a listed feed missing from
     * {@code feeds} stays listed.
     *
     * @return how many feeds were written
     * @throws FeedListUnwrittenException when the cluster does not take them in the bounded wait
     */
    public int publish(List<FeedRecord> feeds) {
        feeds.forEach(this::put);
        flush();
        return feeds.size();
    }

    /**
     * Waits for the broker's acknowledgement of everything sent.
     *
     * @throws FeedListUnwrittenException when a record was refused or not acknowledged in time
     */
    public void flush() {
        // the producer fails a record itself after its delivery timeout (twice the wait or more,
        // see BrokerWait); past three waits the client is stuck, not the broker slow
        long deadline = System.nanoTime() + wait.multipliedBy(3).toNanos();
        try {
            producer.flush();
            for (Future<RecordMetadata> ack : pending) {
                ack.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            }
        } catch (ExecutionException e) {
            throw new FeedListUnwrittenException(
                    "the broker did not acknowledge the write to " + Topics.FEEDS.name() + ": " + e.getCause(),
                    e.getCause());
        } catch (TimeoutException e) {
            throw new FeedListUnwrittenException(
                    "the broker did not acknowledge the write to " + Topics.FEEDS.name() + " within "
                            + wait.multipliedBy(3),
                    e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FeedListUnwrittenException("interrupted while writing to " + Topics.FEEDS.name(), e);
        } catch (KafkaException e) {
            throw unwritten(e);
        } finally {
            pending.clear();
        }
    }

    @Override
    public void close() {
        producer.close(wait);
    }

    private void send(int partition, String id, String value) {
        try {
            pending.add(producer.send(new ProducerRecord<>(Topics.FEEDS.name(), partition, id, value)));
        } catch (KafkaException e) {
            throw unwritten(e);
        }
    }

    private int partitionCount() {
        List<PartitionInfo> partitions;
        try {
            partitions = producer.partitionsFor(Topics.FEEDS.name());
        } catch (KafkaException e) {
            throw unwritten(e);
        }
        if (partitions == null || partitions.isEmpty()) {
            throw new FeedListUnwrittenException("topic " + Topics.FEEDS.name() + " does not exist", null);
        }
        return partitions.size();
    }

    private Set<Integer> livePartitions(String feedId) {
        return placement().getOrDefault(feedId, Set.of());
    }

    private Map<String, Set<Integer>> placement() {
        if (placement == null) {
            Map<String, Set<Integer>> live = new HashMap<>();
            try {
                for (CompactedTopic.LiveRecord r : readList.get()) {
                    live.computeIfAbsent(r.key(), k -> new TreeSet<>()).add(r.partition());
                }
            } catch (IllegalStateException | KafkaException e) {
                throw new FeedListUnwrittenException(
                        "cannot read " + Topics.FEEDS.name() + " to find where its feeds are placed: " + e.getMessage(),
                        e);
            }
            placement = live;
        }
        return placement;
    }

    private static FeedListUnwrittenException unwritten(KafkaException e) {
        return e instanceof FeedListUnwrittenException u
                ? u
                : new FeedListUnwrittenException("cannot write to " + Topics.FEEDS.name() + ": " + e.getMessage(), e);
    }
}
