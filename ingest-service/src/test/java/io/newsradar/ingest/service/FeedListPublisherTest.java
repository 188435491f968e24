package io.newsradar.ingest.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsradar.schemas.feeds.FeedPartitions;
import io.newsradar.schemas.feeds.FeedRecord;
import io.newsradar.schemas.topics.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.Cluster;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.errors.NotEnoughReplicasException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/** The feed list's writer without a broker: placement by host, moves between hosts, removal, failures. */
class FeedListPublisherTest {
    private static final int PARTITIONS = 8;
    private static final Duration WAIT = Duration.ofSeconds(5);

    private static MockProducer<String, String> producer(boolean autoComplete) {
        Node node = new Node(0, "localhost", 9092);
        List<PartitionInfo> infos = IntStream.range(0, PARTITIONS)
                .mapToObj(p -> new PartitionInfo(Topics.FEEDS.name(), p, node, new Node[] {node}, new Node[] {node}))
                .toList();
        Cluster cluster = new Cluster("test", List.of(node), infos, Set.of(), Set.of());
        return new MockProducer<>(cluster, autoComplete, null, new StringSerializer(), new StringSerializer());
    }

    private static FeedRecord feed(String id, String url) {
        return new FeedRecord(id, url, "", Duration.ofMinutes(15), 0, List.of(), "", "");
    }

    /** The feed as read from feeds.v1, on its host's partition. */
    private static CompactedTopic.LiveRecord live(String id, String url) {
        return new CompactedTopic.LiveRecord(
                id, FeedPartitions.partitionFor(url, PARTITIONS), feed(id, url).toJson());
    }

    /** Two URLs whose hosts land on different partitions. */
    private static List<String> urlsOnTwoPartitions() {
        String first = "https://host-0.example.com/feed.xml";
        for (int i = 1; ; i++) {
            String other = "https://host-" + i + ".example.org/feed.xml";
            if (FeedPartitions.partitionFor(other, PARTITIONS) != FeedPartitions.partitionFor(first, PARTITIONS)) {
                return List.of(first, other);
            }
        }
    }

    @Test
    void shouldPutEachFeedOnThePartitionOfItsHostAndTombstoneOnTheSame() {
        MockProducer<String, String> producer = producer(true);
        List<String> urls = List.of(
                "https://a.example.com/feed.xml",
                "https://b.example.org/rss",
                "https://news.example.net/atom.xml",
                "https://a.example.com/other.xml",
                "/srv/feeds/local.xml");
        List<FeedRecord> feeds = new ArrayList<>();
        for (int i = 0; i < urls.size(); i++) {
            feeds.add(feed("id-" + i, urls.get(i)));
        }
        try (FeedListPublisher publisher = new FeedListPublisher(producer, WAIT, List::of)) {
            assertThat(publisher.publish(feeds)).isEqualTo(urls.size());
            publisher.remove("id-0", urls.get(0));
            publisher.flush();
        }

        List<ProducerRecord<String, String>> sent = producer.history();
        assertThat(sent)
                .hasSize(urls.size() + 1)
                .allSatisfy(r -> assertThat(r.topic()).isEqualTo(Topics.FEEDS.name()));
        for (int i = 0; i < urls.size(); i++) {
            assertThat(sent.get(i).partition()).isEqualTo(FeedPartitions.partitionFor(urls.get(i), PARTITIONS));
            assertThat(FeedRecord.fromJson(sent.get(i).value())).isEqualTo(feeds.get(i));
        }
        // more than one partition in use, and one host always on one partition
        assertThat(sent.stream().map(ProducerRecord::partition).distinct().count())
                .isGreaterThan(1);
        assertThat(sent.get(3).partition()).isEqualTo(sent.get(0).partition());
        ProducerRecord<String, String> tombstone = sent.get(urls.size());
        assertThat(tombstone.key()).isEqualTo("id-0");
        assertThat(tombstone.value()).isNull();
        assertThat(tombstone.partition()).isEqualTo(sent.get(0).partition());
    }

    @Test
    void shouldTombstoneTheOldPartitionWhenAFeedMovesToAnotherHost() {
        List<String> urls = urlsOnTwoPartitions();
        int oldPartition = FeedPartitions.partitionFor(urls.get(0), PARTITIONS);
        int newPartition = FeedPartitions.partitionFor(urls.get(1), PARTITIONS);
        MockProducer<String, String> producer = producer(true);
        List<CompactedTopic.LiveRecord> onTopic = List.of(live("moving", urls.get(0)), live("staying", urls.get(0)));

        Set<Integer> movedFrom;
        try (FeedListPublisher publisher = new FeedListPublisher(producer, WAIT, () -> onTopic)) {
            movedFrom = publisher.put(feed("moving", urls.get(1)));
            assertThat(publisher.put(feed("staying", urls.get(0)))).isEmpty();
            // the same feed written again: its placement is known now, nothing more to tombstone
            assertThat(publisher.put(feed("moving", urls.get(1)))).isEmpty();
            publisher.flush();
        }

        assertThat(movedFrom).containsExactly(oldPartition);
        List<ProducerRecord<String, String>> sent = producer.history();
        assertThat(sent).hasSize(4);
        assertThat(sent.get(0).key()).isEqualTo("moving");
        assertThat(sent.get(0).partition()).isEqualTo(oldPartition);
        assertThat(sent.get(0).value()).isNull();
        assertThat(sent.get(1).key()).isEqualTo("moving");
        assertThat(sent.get(1).partition()).isEqualTo(newPartition);
        assertThat(sent.get(1).value()).isNotNull();
        assertThat(sent.get(2).key()).isEqualTo("staying");
        assertThat(sent.get(2).value()).isNotNull();
    }

    @Test
    void shouldRemoveAFeedFromEveryPartitionItIsLiveOn() {
        List<String> urls = urlsOnTwoPartitions();
        int a = FeedPartitions.partitionFor(urls.get(0), PARTITIONS);
        int b = FeedPartitions.partitionFor(urls.get(1), PARTITIONS);
        MockProducer<String, String> producer = producer(true);
        // a stray copy, left by a writer that did not move feeds
        List<CompactedTopic.LiveRecord> onTopic = List.of(live("f", urls.get(0)), live("f", urls.get(1)));

        try (FeedListPublisher publisher = new FeedListPublisher(producer, WAIT, () -> onTopic)) {
            publisher.remove("f", urls.get(1));
            publisher.flush();
        }

        assertThat(producer.history())
                .allSatisfy(r -> assertThat(r.value()).isNull())
                .extracting(ProducerRecord::partition)
                .containsExactlyInAnyOrder(a, b);
    }

    @Test
    void shouldSayTheWriteWasNotAcknowledgedWhenTheBrokerRefusesIt() {
        MockProducer<String, String> producer = producer(false);
        try (FeedListPublisher publisher = new FeedListPublisher(producer, WAIT, List::of)) {
            publisher.put(feed("f", "https://a.example.com/feed.xml"));
            producer.errorNext(new NotEnoughReplicasException("too few in-sync replicas"));

            assertThatThrownBy(publisher::flush)
                    .isInstanceOf(FeedListUnwrittenException.class)
                    .hasMessageContaining("the broker did not acknowledge the write to " + Topics.FEEDS.name())
                    .hasMessageContaining("too few in-sync replicas");
        }
    }

    @Test
    void shouldFailAsUnwrittenWhenTheListCannotBeReadToPlaceTheFeeds() {
        MockProducer<String, String> producer = producer(true);
        try (FeedListPublisher publisher = new FeedListPublisher(producer, WAIT, () -> {
            throw new IllegalStateException("could not read feeds.v1 to its end within PT5S");
        })) {
            assertThatThrownBy(() -> publisher.put(feed("f", "https://a.example.com/feed.xml")))
                    .isInstanceOf(FeedListUnwrittenException.class)
                    .hasMessageContaining("cannot read " + Topics.FEEDS.name())
                    .hasMessageContaining("within PT5S");
        }
        assertThat(producer.history()).isEmpty();
    }
}
