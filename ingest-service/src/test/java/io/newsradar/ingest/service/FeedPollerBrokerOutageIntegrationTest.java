package io.newsradar.ingest.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.newsradar.avro.NewsArticle;
import io.newsradar.ingest.poll.PollStatus;
import io.newsradar.localkafka.LocalKafkaBroker;
import io.newsradar.schemas.config.NewsradarConfig;
import io.newsradar.schemas.feeds.FeedRecord;
import io.newsradar.schemas.feeds.FeedState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The broker goes down while a poll is in flight and comes back: the poll's items are published
 * exactly once (read_committed), and the feed's state on feeds.state.v1 advances only together
 * with them.
 */
@Tag("integration")
class FeedPollerBrokerOutageIntegrationTest {
    private Path dataDir;
    private LocalKafkaBroker broker;

    @AfterEach
    void cleanUp() throws IOException {
        if (broker != null) {
            broker.close();
        }
        if (dataDir != null) {
            try (Stream<Path> paths = Files.walk(dataDir)) {
                paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @Test
    void itemsOfAPollCaughtByABrokerOutageArePublishedExactlyOnceWithTheirState() throws Exception {
        // a persistent broker keeps its ports and data across the stop and start
        dataDir = Files.createTempDirectory("newsradar-outage-it-");
        broker = LocalKafkaBroker.start(dataDir, PollerKafka.brokerOverrides());
        PollerKafka.createTopics(broker, PollerKafka.PARTITIONS);
        TestFeedServer server = new TestFeedServer();
        FeedRecord feed = TestFeedServer.feed("outage-a", "a.outage.test", Duration.ofSeconds(1));
        server.addItems(feed.id(), 5);
        NewsradarConfig config = PollerKafka.config(broker, "outage-it", "outage-1");
        try (FeedListPublisher list = new FeedListPublisher(config)) {
            list.publish(List.of(feed));
        }
        CountDownLatch pollStarted = new CountDownLatch(1);
        CountDownLatch brokerStopped = new CountDownLatch(1);
        AtomicBoolean first = new AtomicBoolean(true);
        server.hook((instance, f) -> {
            if (first.compareAndSet(true, false)) {
                pollStarted.countDown();
                brokerStopped.await(); // the poll answers only once the broker is gone
            }
        });

        RecordingEvents events = new RecordingEvents();
        try (FeedPollerService poller = new FeedPollerService(
                config, PollerSettings.from(config), server.pollFor("outage-1"), events, Clock.systemUTC())) {
            poller.start();
            assertThat(pollStarted.await(60, TimeUnit.SECONDS)).isTrue();
            broker.close();
            brokerStopped.countDown();
            // the outcome is in hand and its transaction cannot complete
            await().atMost(Duration.ofSeconds(60)).until(poller::brokerUnavailable);
            assertThat(poller.isReady()).isFalse();
            assertThat(events.committed).isEmpty();

            broker = LocalKafkaBroker.start(dataDir, PollerKafka.brokerOverrides());

            // the state, once visible, comes with every item it counts
            await().atMost(Duration.ofSeconds(90)).until(() -> {
                FeedState state = PollerKafka.committedStates(broker).get(feed.id());
                if (state == null) {
                    return false;
                }
                assertThat(state.itemsPublished()).isEqualTo(5);
                assertThat(PollerKafka.committedArticles(broker)).hasSize(5);
                return true;
            });
            // later polls are conditional and publish nothing
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> events.committedWith(feed.id(), PollStatus.NOT_MODIFIED) >= 2);
            assertThat(poller.isStopped()).isFalse();
        }
        List<NewsArticle> articles = PollerKafka.committedArticles(broker);
        assertThat(articles).hasSize(5);
        assertThat(articles.stream().map(NewsArticle::getId).distinct()).hasSize(5);
        assertThat(events.committedWith(feed.id(), PollStatus.FETCHED)).isEqualTo(1);
    }
}
