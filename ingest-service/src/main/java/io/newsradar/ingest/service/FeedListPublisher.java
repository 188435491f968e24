package io.newsradar.ingest.service;

import io.newsradar.ingest.feeds.FeedEntry;
import io.newsradar.ingest.feeds.FeedList;
import io.newsradar.schemas.config.NewsradarConfig;
import io.newsradar.schemas.feeds.FeedPartitions;
import io.newsradar.schemas.feeds.FeedRecord;
import io.newsradar.schemas.topics.Topics;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Writes feeds to {@code feeds.v1} (key: feed id, value: {@link FeedRecord} JSON), each on the
 * partition of its host ({@link FeedPartitions}). Adds and updates only: a feed missing from a
 * list is not removed (that is a tombstone, {@code newsradar feeds remove}).
 */
public final class FeedListPublisher implements AutoCloseable {
    private final Producer<String, String> producer;
    private final Duration wait;

    public FeedListPublisher(NewsradarConfig config) {
        this(
                new KafkaProducer<>(
                        PollerClientConfigs.feedListProducer(config), new StringSerializer(), new StringSerializer()),
                io.newsradar.ingest.BrokerWait.of(config));
    }

    FeedListPublisher(Producer<String, String> producer, Duration wait) {
        this.producer = producer;
        this.wait = wait;
    }

    /**
     * The feed records of a feed list, with relative file feeds resolved against the list's
     * directory to absolute paths (the poller may run elsewhere than where the list was read).
     */
    public static List<FeedRecord> records(FeedList list, Path listFile) {
        Path dir = listFile.toAbsolutePath().normalize().getParent();
        List<FeedRecord> records = new ArrayList<>();
        for (FeedEntry e : list.feeds()) {
            String url = e.file(dir).map(p -> p.toAbsolutePath().toString()).orElse(e.url());
            records.add(new FeedRecord(
                    e.id(), url, e.source(), e.pollInterval(), e.weight(), e.tags(), e.site(), e.category()));
        }
        return records;
    }

    /**
     * Writes the feeds and waits until the broker acknowledged every one.
     *
     * @return how many were written
     * @throws KafkaException when the cluster does not take them (with the first cause)
     */
    public int publish(List<FeedRecord> feeds) {
        List<PartitionInfo> partitions = producer.partitionsFor(Topics.FEEDS.name());
        if (partitions == null || partitions.isEmpty()) {
            throw new KafkaException("topic " + Topics.FEEDS.name() + " does not exist");
        }
        List<Future<RecordMetadata>> acks = new ArrayList<>();
        for (FeedRecord feed : feeds) {
            int partition = FeedPartitions.partitionFor(feed.url(), partitions.size());
            acks.add(producer.send(new ProducerRecord<>(Topics.FEEDS.name(), partition, feed.id(), feed.toJson())));
        }
        producer.flush();
        for (Future<RecordMetadata> ack : acks) {
            try {
                ack.get();
            } catch (ExecutionException e) {
                throw e.getCause() instanceof KafkaException k
                        ? k
                        : new KafkaException("cannot write the feed list: " + e.getCause(), e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new KafkaException("interrupted while writing the feed list", e);
            }
        }
        return feeds.size();
    }

    /** Writes a feed's tombstone (on its host's partition) and waits for the acknowledgement: the feed is removed. */
    public void remove(String feedId, String listedUrl) {
        List<PartitionInfo> partitions = producer.partitionsFor(Topics.FEEDS.name());
        int partition = FeedPartitions.partitionFor(listedUrl, partitions.size());
        try {
            producer.send(new ProducerRecord<>(Topics.FEEDS.name(), partition, feedId, null))
                    .get();
        } catch (ExecutionException e) {
            throw new KafkaException("cannot remove feed " + feedId + ": " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaException("interrupted while removing feed " + feedId, e);
        }
    }

    @Override
    public void close() {
        producer.close(wait);
    }
}
