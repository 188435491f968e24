package io.newsradar.ingest.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsradar.localkafka.LocalKafkaBroker;
import io.newsradar.schemas.config.NewsradarConfig;
import io.newsradar.schemas.feeds.FeedPartitions;
import io.newsradar.schemas.feeds.FeedRecord;
import io.newsradar.schemas.topics.Topics;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A feed whose listed URL moves to a host on another partition of {@code feeds.v1}: after the
 * write exactly one live record for its id remains (the latest value per key and partition), on
 * the new host's partition. Its own broker: the shared test broker's topics have one partition,
 * where a host move cannot change the partition.
 */
@Tag("integration")
class FeedListHostMoveIntegrationTest {
    private static final int PARTITIONS = 3;
    private static LocalKafkaBroker broker;
    private static NewsradarConfig config;

    @BeforeAll
    static void startBroker() {
        broker = LocalKafkaBroker.startTemporary();
        PollerKafka.createTopics(broker, PARTITIONS);
        config = PollerKafka.config(broker, "host-move-it", "host-move");
    }

    @AfterAll
    static void stopBroker() {
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void aFeedMovedToAnotherHostIsLiveOnlyOnTheNewHostsPartition() {
        List<String> hosts = hostsOnTwoPartitions("move");
        FeedRecord before = TestFeedServer.feed("moving", hosts.get(0), Duration.ofMinutes(15));
        FeedRecord after = TestFeedServer.feed("moving", hosts.get(1), Duration.ofMinutes(15));
        try (FeedListPublisher list = new FeedListPublisher(config)) {
            list.publish(List.of(before));
        }
        assertThat(live("moving"))
                .extracting(CompactedTopic.LiveRecord::partition)
                .containsExactly(partitionOf(before));

        // a new writer (another CLI run, or ingest --serve with an edited list): it learns the placement from the topic
        try (FeedListPublisher list = new FeedListPublisher(config)) {
            list.publish(List.of(after));
        }

        List<CompactedTopic.LiveRecord> live = live("moving");
        assertThat(live).hasSize(1);
        assertThat(live.get(0).partition()).isEqualTo(partitionOf(after));
        assertThat(FeedRecord.fromJson(live.get(0).value())).isEqualTo(after);
    }

    @Test
    void aStrayCopyOnAnotherPartitionIsTombstonedByTheNextWriteAndByRemove() {
        List<String> hosts = hostsOnTwoPartitions("stray");
        FeedRecord old = TestFeedServer.feed("stray", hosts.get(0), Duration.ofMinutes(15));
        FeedRecord current = TestFeedServer.feed("stray", hosts.get(1), Duration.ofMinutes(15));
        // what a writer without the move rule left behind: the id live on both partitions
        writeRaw(old);
        writeRaw(current);
        assertThat(live("stray")).hasSize(2);

        try (FeedListPublisher list = new FeedListPublisher(config)) {
            list.publish(List.of(current));
        }
        assertThat(live("stray"))
                .extracting(CompactedTopic.LiveRecord::partition)
                .containsExactly(partitionOf(current));

        writeRaw(old);
        try (FeedListPublisher list = new FeedListPublisher(config)) {
            list.remove(current.id(), current.url());
            list.flush();
        }
        assertThat(live("stray")).isEmpty();
    }

    /** The live records of one id on feeds.v1: the latest value per key and partition, tombstones applied. */
    private static List<CompactedTopic.LiveRecord> live(String id) {
        return CompactedTopic.read(broker.clientProps(), Topics.FEEDS.name(), Duration.ofSeconds(30)).stream()
                .filter(r -> r.key().equals(id))
                .toList();
    }

    private static int partitionOf(FeedRecord feed) {
        return FeedPartitions.partitionFor(feed.url(), PARTITIONS);
    }

    private static void writeRaw(FeedRecord feed) {
        Map<String, Object> props = new HashMap<>(broker.clientProps());
        try (KafkaProducer<String, String> producer =
                new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(Topics.FEEDS.name(), partitionOf(feed), feed.id(), feed.toJson()));
            producer.flush();
        }
    }

    /** Two hosts whose feeds land on different partitions. */
    private static List<String> hostsOnTwoPartitions(String prefix) {
        String first = prefix + "-0.hostmove.test";
        int firstPartition = FeedPartitions.partitionFor("http://" + first + "/feed.xml", PARTITIONS);
        for (int i = 1; ; i++) {
            String other = prefix + "-" + i + ".hostmove.test";
            if (FeedPartitions.partitionFor("http://" + other + "/feed.xml", PARTITIONS) != firstPartition) {
                return List.of(first, other);
            }
        }
    }
}
