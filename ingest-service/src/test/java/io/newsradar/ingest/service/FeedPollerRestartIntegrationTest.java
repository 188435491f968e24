package io.newsradar.ingest.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.newsradar.avro.NewsArticle;
import io.newsradar.ingest.poll.PollStatus;
import io.newsradar.localkafka.LocalKafkaBroker;
import io.newsradar.schemas.config.NewsradarConfig;
import io.newsradar.schemas.feeds.FeedRecord;
import io.newsradar.schemas.feeds.FeedState;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A restarted poller resumes every feed from its committed state on feeds.state.v1: the next
 * polls are conditional (304), nothing is published again, and a new item is published once.
 */
@Tag("integration")
class FeedPollerRestartIntegrationTest {
    private static final Duration INTERVAL = Duration.ofSeconds(1);
    private static LocalKafkaBroker broker;

    @BeforeAll
    static void startBroker() {
        broker = LocalKafkaBroker.startTemporary(PollerKafka.brokerOverrides());
        PollerKafka.createTopics(broker, PollerKafka.PARTITIONS);
    }

    @AfterAll
    static void stopBroker() {
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void restartedPollerResumesFromStoredStateAndPublishesNothingAgain() {
        TestFeedServer server = new TestFeedServer();
        List<FeedRecord> feeds = List.of(
                TestFeedServer.feed("restart-a", "a.restart.test", INTERVAL),
                TestFeedServer.feed("restart-b", "b.restart.test", INTERVAL),
                TestFeedServer.feed("restart-c", "c.restart.test", INTERVAL));
        feeds.forEach(f -> server.addItems(f.id(), 3));
        NewsradarConfig config = PollerKafka.config(broker, "restart-it", "restart-1");
        try (FeedListPublisher list = new FeedListPublisher(config)) {
            list.publish(feeds);
        }

        RecordingEvents first = new RecordingEvents();
        try (FeedPollerService poller = poller(config, server, first)) {
            poller.start();
            await().atMost(Duration.ofSeconds(60))
                    .untilAsserted(() ->
                            assertThat(PollerKafka.committedArticles(broker)).hasSize(9));
            await().atMost(Duration.ofSeconds(30))
                    .untilAsserted(() -> assertThat(PollerKafka.committedStates(broker))
                            .hasSize(3)
                            .allSatisfy((id, s) -> assertThat(s.etag()).isEqualTo("\"v3\"")));
        }
        assertThat(first.notCommitted).isEmpty();

        RecordingEvents second = new RecordingEvents();
        try (FeedPollerService poller = poller(config, server, second)) {
            poller.start();
            // every feed polled again, conditionally, from the state the first life committed
            await().atMost(Duration.ofSeconds(60))
                    .until(() ->
                            feeds.stream().allMatch(f -> second.committedWith(f.id(), PollStatus.NOT_MODIFIED) >= 2));
            assertThat(second.committedWith("restart-a", PollStatus.FETCHED)).isZero();
            assertThat(second.committedWith("restart-b", PollStatus.FETCHED)).isZero();
            assertThat(second.committedWith("restart-c", PollStatus.FETCHED)).isZero();
            assertThat(PollerKafka.committedArticles(broker)).hasSize(9);

            server.addItems("restart-b", 1);
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> second.committed.contains(
                            new RecordingEvents.Committed("restart-b", PollStatus.FETCHED, 1)));
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> second.committedWith("restart-b", PollStatus.NOT_MODIFIED) >= 3);
        }
        List<NewsArticle> articles = PollerKafka.committedArticles(broker);
        assertThat(articles).hasSize(10);
        assertThat(articles.stream().map(NewsArticle::getId).distinct()).hasSize(10);
        Map<String, FeedState> states = PollerKafka.committedStates(broker);
        assertThat(states.get("restart-b").itemsPublished()).isEqualTo(4);
        assertThat(states.get("restart-a").itemsPublished()).isEqualTo(3);
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
