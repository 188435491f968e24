package io.newsradar.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsradar.ingest.service.CompactedTopic;
import io.newsradar.localkafka.LocalKafkaBroker;
import io.newsradar.localkafka.TopicAdmin;
import io.newsradar.schemas.feeds.FeedPartitions;
import io.newsradar.schemas.feeds.FeedState;
import io.newsradar.schemas.topics.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * {@code feeds add} with a pinned id and a URL on another host: the old partition's record is
 * tombstoned, and {@code feeds list} shows the feed once, without the state its old owner left
 * (the new owner polls it afresh). Its own broker, whose topics the command creates with several
 * partitions (the shared test broker's have one, where a host move changes nothing).
 */
@Tag("integration")
class FeedsHostMoveIntegrationTest {
    private static LocalKafkaBroker broker;
    private static String bootstrap;

    @BeforeAll
    static void startBroker() {
        broker = LocalKafkaBroker.startTemporary();
        bootstrap = broker.bootstrapServers();
    }

    @AfterAll
    static void stopBroker() {
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void addingAPinnedIdOnAnotherHostMovesTheFeed() throws Exception {
        RulesCommandTest.Run empty = RulesCommandTest.run("feeds", "list", "-b", bootstrap);
        assertThat(empty.code()).as(empty.err()).isEqualTo(ExitCodes.OK);
        int partitions = TopicAdmin.partitionCounts(broker.clientProps(), List.of(Topics.FEEDS.name()))
                .get(Topics.FEEDS.name());
        assertThat(partitions).as("partitions the command creates").isGreaterThan(1);
        String oldUrl = "https://old-0.hostmove.test/feed.xml";
        int oldPartition = FeedPartitions.partitionFor(oldUrl, partitions);
        String newUrl = otherPartitionUrl(oldPartition, partitions);
        int newPartition = FeedPartitions.partitionFor(newUrl, partitions);

        RulesCommandTest.Run first = RulesCommandTest.run("feeds", "add", "-b", bootstrap, "--id", "wire", oldUrl);
        assertThat(first.code()).as(first.err()).isEqualTo(ExitCodes.OK);
        assertThat(first.out()).doesNotContain("moved");
        // what the old owner recorded after polling it
        writeState(oldPartition, oldUrl);

        RulesCommandTest.Run moved = RulesCommandTest.run("feeds", "add", "-b", bootstrap, "--id", "wire", newUrl);

        assertThat(moved.code()).as(moved.err()).isEqualTo(ExitCodes.OK);
        assertThat(moved.out())
                .startsWith("replaced wire  " + newUrl)
                .contains("(partition " + newPartition + " of " + Topics.FEEDS.name() + "; moved from partition "
                        + oldPartition + ", a new host)");
        List<CompactedTopic.LiveRecord> live =
                CompactedTopic.read(broker.clientProps(), Topics.FEEDS.name(), Duration.ofSeconds(30)).stream()
                        .filter(r -> r.key().equals("wire"))
                        .toList();
        assertThat(live).extracting(CompactedTopic.LiveRecord::partition).containsExactly(newPartition);

        RulesCommandTest.Run list = RulesCommandTest.run("feeds", "list", "-b", bootstrap);
        assertThat(list.code()).as(list.err()).isEqualTo(ExitCodes.OK);
        assertThat(list.out())
                .startsWith("1 feed on " + Topics.FEEDS.name())
                .contains("wire  " + newUrl)
                .doesNotContain(oldUrl)
                .contains("    never polled");
    }

    private static String otherPartitionUrl(int partition, int partitions) {
        for (int i = 1; ; i++) {
            String url = "https://new-" + i + ".hostmove.test/feed.xml";
            if (FeedPartitions.partitionFor(url, partitions) != partition) {
                return url;
            }
        }
    }

    private static void writeState(int partition, String url) throws Exception {
        FeedState state = new FeedState(
                "wire",
                url,
                "\"v1\"",
                "",
                Instant.parse("2026-11-29T09:00:00Z"),
                Instant.parse("2026-11-29T09:00:00Z"),
                Instant.parse("2026-11-29T09:15:00Z"),
                0,
                "",
                200,
                1,
                3,
                List.of());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ProducerConfig.ACKS_CONFIG, "all"),
                new StringSerializer(),
                new StringSerializer())) {
            producer.send(new ProducerRecord<>(Topics.FEEDS_STATE.name(), partition, "wire", state.toJson()))
                    .get(30, TimeUnit.SECONDS);
        }
    }
}
