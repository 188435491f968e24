package io.newsradar.ingest.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.newsradar.avro.NewsArticle;
import io.newsradar.localkafka.LocalKafkaBroker;
import io.newsradar.schemas.config.NewsradarConfig;
import io.newsradar.schemas.feeds.FeedPartitions;
import io.newsradar.schemas.feeds.FeedRecord;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Two poller instances in one group split 20 feeds (20 hosts) by feeds.v1 partition: no feed is
 * polled by both, and no poll of a feed overlaps another of the same feed (the shared test
 * server sees every poll of both). When one instance stops abruptly (closed without the group
 * leave request or a producer wait), the survivor takes its partitions, resumes every feed from
 * its committed state, and no item is ever published twice. {@link FeedPollerKillIntegrationTest}
 * does the same with a SIGKILL.
 */
@Tag("integration")
class FeedPollerScaleOutIntegrationTest {
    private static final int PARTITIONS = 4;
    private static final int FEEDS = 20;
    private static final Duration INTERVAL = Duration.ofSeconds(2);
    private static LocalKafkaBroker broker;

    @BeforeAll
    static void startBroker() {
        broker = LocalKafkaBroker.startTemporary(PollerKafka.brokerOverrides());
        PollerKafka.createTopics(broker, PARTITIONS);
    }

    @AfterAll
    static void stopBroker() {
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void twoInstancesSplitTheFeedsAndTheSurvivorTakesThemAllWithoutDuplicates() {
        TestFeedServer server = new TestFeedServer();
        List<FeedRecord> feeds = IntStream.range(0, FEEDS)
                .mapToObj(i -> TestFeedServer.feed("scale-" + i, "feed" + i + ".scaleout.test", INTERVAL))
                .toList();
        feeds.forEach(f -> server.addItems(f.id(), 2));
        NewsradarConfig configA = PollerKafka.config(broker, "scale-it", "scale-a");
        NewsradarConfig configB = PollerKafka.config(broker, "scale-it", "scale-b");
        try (FeedListPublisher list = new FeedListPublisher(configA)) {
            list.publish(feeds);
        }
        Set<Integer> all = IntStream.range(0, PARTITIONS).boxed().collect(Collectors.toSet());
        RecordingEvents eventsA = new RecordingEvents();
        RecordingEvents eventsB = new RecordingEvents();
        FeedPollerService a = poller(configA, server, eventsA);
        FeedPollerService b = poller(configB, server, eventsB);
        try {
            a.start();
            await().atMost(Duration.ofSeconds(60))
                    .untilAsserted(() ->
                            assertThat(PollerKafka.committedArticles(broker)).hasSize(2 * FEEDS));
            b.start();
            // the group has split the partitions between the two
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> a.isReady()
                            && b.isReady()
                            && !a.health().partitions().isEmpty()
                            && !b.health().partitions().isEmpty()
                            && union(a.health().partitions(), b.health().partitions())
                                    .equals(all)
                            && a.health().partitions().size()
                                            + b.health().partitions().size()
                                    == PARTITIONS);
            Set<Integer> partitionsOfA = a.health().partitions();
            int mark = server.polls().size();
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> feeds.stream()
                            .allMatch(f -> pollsSince(server, mark, f.id()).size() >= 2));
            // while both run, each feed is polled by exactly the owner of its partition
            List<TestFeedServer.Poll> split =
                    server.polls().subList(mark, server.polls().size());
            for (FeedRecord f : feeds) {
                Set<String> pollers = split.stream()
                        .filter(p -> p.feedId().equals(f.id()))
                        .map(TestFeedServer.Poll::instance)
                        .collect(Collectors.toSet());
                String owner = partitionsOfA.contains(FeedPartitions.partitionFor(f.url(), PARTITIONS))
                        ? "scale-a"
                        : "scale-b";
                assertThat(pollers).as("instances polling %s", f.id()).containsExactly(owner);
            }
            assertThat(split.stream().map(TestFeedServer.Poll::instance).distinct())
                    .containsExactlyInAnyOrder("scale-a", "scale-b");

            // scale-a stops abruptly: no leave request, no producer wait
            a.crash(Duration.ofSeconds(30));
            int afterCrash = server.polls().size();
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> b.isReady() && b.health().partitions().equals(all));
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> feeds.stream()
                            .allMatch(f -> pollsSince(server, afterCrash, f.id()).stream()
                                    .anyMatch(p -> p.instance().equals("scale-b"))));
            feeds.forEach(f -> server.addItems(f.id(), 1));
            await().atMost(Duration.ofSeconds(60))
                    .untilAsserted(() ->
                            assertThat(PollerKafka.committedArticles(broker)).hasSize(3 * FEEDS));
            // a few more rounds: still nothing twice
            int settled = server.polls().size();
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> feeds.stream()
                            .allMatch(f -> pollsSince(server, settled, f.id()).size() >= 1));
        } finally {
            a.close();
            b.close();
        }
        List<NewsArticle> articles = PollerKafka.committedArticles(broker);
        assertThat(articles).hasSize(3 * FEEDS);
        assertThat(articles.stream().map(NewsArticle::getId).distinct()).hasSize(3 * FEEDS);
        assertThat(server.overlaps()).isEmpty();
        assertThat(b.failure()).isEmpty();
        Map<String, Long> perFeed = articles.stream()
                .collect(Collectors.groupingBy(x -> FeedPartitions.hostOf(x.getUrl()), Collectors.counting()));
        assertThat(perFeed)
                .hasSize(FEEDS)
                .allSatisfy((feed, count) -> assertThat(count).isEqualTo(3));
    }

    private static List<TestFeedServer.Poll> pollsSince(TestFeedServer server, int mark, String feedId) {
        List<TestFeedServer.Poll> polls = server.polls();
        return polls.subList(Math.min(mark, polls.size()), polls.size()).stream()
                .filter(p -> p.feedId().equals(feedId))
                .toList();
    }

    private static Set<Integer> union(Set<Integer> x, Set<Integer> y) {
        Set<Integer> u = new HashSet<>(x);
        u.addAll(y);
        return u;
    }

    private static FeedPollerService poller(NewsradarConfig config, TestFeedServer server, RecordingEvents events) {
        return new FeedPollerService(
                config,
                PollerSettings.from(config),
                server.pollFor(config.get(PollerSettings.INSTANCE_ID)),
                events,
                Clock.systemUTC());
    }
}
