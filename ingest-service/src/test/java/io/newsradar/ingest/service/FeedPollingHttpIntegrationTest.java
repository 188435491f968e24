package io.newsradar.ingest.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.newsradar.avro.NewsArticle;
import io.newsradar.ingest.poll.FeedMetrics;
import io.newsradar.ingest.poll.HttpFeedPoll;
import io.newsradar.ingest.poll.PollStatus;
import io.newsradar.localkafka.LocalKafkaBroker;
import io.newsradar.schemas.article.ArticleMarks;
import io.newsradar.schemas.config.NewsradarConfig;
import io.newsradar.schemas.feeds.FeedRecord;
import io.newsradar.schemas.feeds.FeedState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.kafka.common.KafkaException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Issue 7, must-show 3, with the real pieces: {@link HttpFeedPoll} fetching an RSS feed from a
 * local HTTP server, run by {@link FeedPollerService} against a broker of its own (stopped and
 * started mid-test on the same ports and data). One feed goes through a first poll (backlog held
 * from alerts), a 304, a new item, a 429 with Retry-After, a restart of the service, and a poll
 * caught by a broker outage.
 *
 * <p>Counts of news.raw.v1 are taken read_committed once a later poll of the feed is visible on
 * feeds.state.v1: the poller's next transaction starts only after the previous one's markers are
 * written, so nothing the count should see is still pending then.
 */
@Tag("integration")
class FeedPollingHttpIntegrationTest {
    /** Short, so that the test is quick; in whole seconds, as feed records carry it. */
    private static final Duration INTERVAL = Duration.ofSeconds(2);
    /** Longer than the interval, so that honouring it shows. */
    private static final Duration RETRY_AFTER = Duration.ofSeconds(8);

    private static final Duration WAIT = Duration.ofSeconds(30);

    private Path dataDir;
    private LocalKafkaBroker broker;
    private RssFeedServer server;

    @AfterEach
    void cleanUp() throws IOException {
        if (server != null) {
            server.close();
        }
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
    void pollsARealFeedPolitelyAndPublishesEveryItemOnceAcrossARestartAndABrokerOutage() throws Exception {
        // a persistent broker keeps its ports and data across the stop and start of step 5
        dataDir = Files.createTempDirectory("newsradar-http-poll-it-");
        broker = LocalKafkaBroker.start(dataDir, PollerKafka.brokerOverrides());
        PollerKafka.createTopics(broker, PollerKafka.PARTITIONS);
        server = new RssFeedServer();
        List<RssFeedServer.Item> backlog = server.addItems(3);
        FeedRecord feed = new FeedRecord("http-wire", server.url(), "HTTP Wire", INTERVAL, 0.5, List.of(), "", "");
        NewsradarConfig config = PollerKafka.config(broker, "http-poll-it", "http-poll-1");
        try (FeedListPublisher list = new FeedListPublisher(config)) {
            list.publish(List.of(feed));
        }

        try (FeedPollerService poller = poller(config, new RecordingEvents())) {
            poller.start();

            // (1) the first poll publishes the backlog, held from alerts; the next one is a 304
            await().atMost(WAIT).until(() -> committedArticles().size() >= 3);
            RssFeedServer.Request notModified = awaitRequest(0, r -> r.status() == 304);
            assertThat(server.requests().get(0).status()).isEqualTo(200);
            assertThat(server.requests().get(0).ifNoneMatch()).isNull();
            assertThat(notModified.ifNoneMatch()).isEqualTo(server.etag());
            assertThat(notModified.ifModifiedSince()).isEqualTo(server.lastModified());
            awaitState(s -> s.lastStatus() == 304);
            Map<String, NewsArticle> afterFirst = exactly(backlog.size());
            assertThat(afterFirst.keySet()).isEqualTo(links(backlog));
            assertThat(afterFirst.values()).allSatisfy(a -> {
                assertThat(a.getFeedId()).isEqualTo(feed.id());
                assertThat(a.getAlertHold()).isEqualTo(ArticleMarks.FIRST_POLL);
            });

            // (2) a new item is published once, with no hold
            List<RssFeedServer.Item> fresh = server.addItems(1);
            String v4 = server.etag();
            awaitState(s -> s.etag().equals(v4) && s.lastStatus() == 304); // fetched, then a 304 after it
            Map<String, NewsArticle> afterNew = exactly(4);
            NewsArticle added = afterNew.get(fresh.get(0).link());
            assertThat(added.getAlertHold()).isNull();
            assertThat(added.getFeedId()).isEqualTo(feed.id());

            // (3) a 429 with Retry-After: the committed next poll and the server's next request wait for it
            int before = server.requests().size();
            server.refuseNext(RETRY_AFTER);
            RssFeedServer.Request refused = awaitRequest(before, r -> r.status() == 429);
            Instant retryAt = refused.answeredAt().plus(RETRY_AFTER);
            FeedState refusedState = awaitState(s -> s.lastStatus() == 429);
            assertThat(refusedState.nextPollAt()).isAfterOrEqualTo(retryAt);
            assertThat(refusedState.consecutiveErrors()).isEqualTo(1);
            assertThat(refusedState.etag()).isEqualTo(v4);
            int refusedIndex = server.requests().indexOf(refused);
            RssFeedServer.Request afterRefusal = awaitRequest(refusedIndex + 1, r -> true);
            assertThat(afterRefusal.arrivedAt()).isAfterOrEqualTo(retryAt);
            assertThat(afterRefusal.ifNoneMatch()).isEqualTo(v4);
            assertThat(afterRefusal.status()).isEqualTo(304);
        }

        // (4) a restarted service resumes from feeds.state.v1: its first poll is conditional
        int beforeRestart = server.requests().size();
        RecordingEvents events = new RecordingEvents();
        try (FeedPollerService poller = poller(config, events)) {
            poller.start();
            RssFeedServer.Request first = awaitRequest(beforeRestart, r -> true);
            assertThat(first.ifNoneMatch()).isEqualTo(server.etag());
            assertThat(first.status()).isEqualTo(304);
            // two polls committed: the first one's transaction is complete once the second's is
            await().atMost(WAIT).until(() -> events.committedWith(feed.id(), PollStatus.NOT_MODIFIED) >= 2);
            assertThat(events.committed)
                    .allSatisfy(c -> assertThat(c.published()).isZero());
            exactly(4);

            // (5) the broker stops while a poll is in flight; the poll then answers with new items
            CountDownLatch arrived = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            server.holdNext(arrived, release);
            assertThat(arrived.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
            int committedBefore = events.committed.size();
            List<RssFeedServer.Item> duringOutage = server.addItems(3);
            String v7 = server.etag();
            broker.close();
            release.countDown();
            // the outcome is in hand and its transaction cannot complete
            await().atMost(WAIT).until(poller::brokerUnavailable);
            assertThat(events.committed).hasSize(committedBefore);

            broker = LocalKafkaBroker.start(dataDir, PollerKafka.brokerOverrides());
            // every state that becomes visible comes with the items it says it has seen
            await().atMost(Duration.ofSeconds(60))
                    // reads of a broker that has only just come back may time out
                    .ignoreExceptionsInstanceOf(KafkaException.class)
                    .until(() -> {
                        FeedState state = PollerKafka.committedStates(broker).get(feed.id());
                        assertSeenItemsArePublished(state);
                        return state.etag().equals(v7);
                    });
            awaitState(s -> s.etag().equals(v7) && s.lastStatus() == 304);
            Map<String, NewsArticle> all = exactly(7);
            assertThat(all.keySet()).containsAll(links(duringOutage));
            assertThat(duringOutage)
                    .allSatisfy(item ->
                            assertThat(all.get(item.link()).getAlertHold()).isNull());
            assertThat(events.committedWith(feed.id(), PollStatus.FETCHED)).isEqualTo(1);
            assertThat(poller.isStopped()).isFalse();
        }
        // every request after the first was conditional
        assertThat(server.requests().subList(1, server.requests().size()))
                .allSatisfy(r -> assertThat(r.ifNoneMatch()).isNotNull());
    }

    private FeedPollerService poller(NewsradarConfig config, RecordingEvents events) {
        return new FeedPollerService(
                config,
                PollerSettings.from(config),
                HttpFeedPoll.from(config, new FeedMetrics(new SimpleMeterRegistry())),
                events,
                Clock.systemUTC());
    }

    private List<NewsArticle> committedArticles() {
        return PollerKafka.committedArticles(broker);
    }

    /**
     * The committed articles by URL, once there are exactly {@code count} of them, each once. A
     * count read while a transaction's markers are still on their way can be short for a moment;
     * one that is too long, or has an article twice, never comes right.
     */
    private Map<String, NewsArticle> exactly(int count) {
        AtomicReference<List<NewsArticle>> read = new AtomicReference<>();
        await().atMost(WAIT).untilAsserted(() -> {
            List<NewsArticle> articles = committedArticles();
            read.set(articles);
            assertThat(articles).hasSize(count);
            assertThat(articles.stream().map(NewsArticle::getId).distinct()).hasSize(count);
        });
        return read.get().stream().collect(Collectors.toMap(NewsArticle::getUrl, Function.identity()));
    }

    private static Set<String> links(List<RssFeedServer.Item> items) {
        return items.stream().map(RssFeedServer.Item::link).collect(Collectors.toSet());
    }

    /** The first request from index {@code from} on that matches, once the server has seen it. */
    private RssFeedServer.Request awaitRequest(int from, Predicate<RssFeedServer.Request> match) {
        return await().atMost(WAIT)
                .until(
                        () -> {
                            List<RssFeedServer.Request> all = server.requests();
                            return all.subList(Math.min(from, all.size()), all.size()).stream()
                                    .filter(match)
                                    .findFirst();
                        },
                        Optional::isPresent)
                .orElseThrow();
    }

    /** The feed's committed state on feeds.state.v1, once it matches. */
    private FeedState awaitState(Predicate<FeedState> match) {
        return await().atMost(WAIT)
                .until(() -> PollerKafka.committedStates(broker).get("http-wire"), s -> s != null && match.test(s));
    }

    /**
     * A committed state's seen ids are all on news.raw.v1 read_committed: at once, or within the
     * moment the transaction's markers take to reach the other partitions.
     */
    private void assertSeenItemsArePublished(FeedState state) {
        Set<String> seen = Set.copyOf(state.seenItemIds());
        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(committedArticles().stream()
                                .map(NewsArticle::getId)
                                .collect(Collectors.toSet()))
                        .containsAll(seen));
    }
}
