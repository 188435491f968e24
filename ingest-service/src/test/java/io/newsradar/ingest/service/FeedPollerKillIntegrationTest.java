package io.newsradar.ingest.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.newsradar.avro.NewsArticle;
import io.newsradar.localkafka.LocalKafkaBroker;
import io.newsradar.schemas.config.NewsradarConfig;
import io.newsradar.schemas.feeds.FeedPartitions;
import io.newsradar.schemas.feeds.FeedRecord;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Must-show 4 with a real kill: one poller runs in a JVM of its own and is killed with SIGKILL
 * (no leave, no abort, maybe mid-transaction). The survivor gets its partitions after the
 * session timeout, waits out any transaction the dead one left open (KIP-447), resumes every feed
 * from its committed state, and no item is ever on news.raw.v1 twice.
 */
@Tag("integration")
class FeedPollerKillIntegrationTest {
    private static final int PARTITIONS = 4;
    private static final int FEEDS = 20;
    private static final Duration INTERVAL = Duration.ofSeconds(2);

    @TempDir
    Path dir;

    private LocalKafkaBroker broker;
    private Process child;

    static String feedId(int i) {
        return "kill-" + i;
    }

    static FeedRecord feed(int i) {
        return TestFeedServer.feed(feedId(i), "feed" + i + ".kill.test", INTERVAL);
    }

    @BeforeEach
    void startBroker() {
        broker = LocalKafkaBroker.startTemporary(PollerKafka.brokerOverrides());
        PollerKafka.createTopics(broker, PARTITIONS);
    }

    @AfterEach
    void stop() throws InterruptedException {
        if (child != null && child.isAlive()) {
            child.destroyForcibly();
            child.waitFor(30, TimeUnit.SECONDS);
        }
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void theSurvivorOfAKilledInstancePollsEveryFeedAndNothingIsPublishedTwice() throws Exception {
        List<FeedRecord> feeds = IntStream.range(0, FEEDS)
                .mapToObj(FeedPollerKillIntegrationTest::feed)
                .toList();
        TestFeedServer server = new TestFeedServer();
        feeds.forEach(f -> server.addItems(f.id(), 2));
        NewsradarConfig config = PollerKafka.config(broker, "kill-it", "kill-b");
        try (FeedListPublisher list = new FeedListPublisher(config)) {
            list.publish(feeds);
        }
        Path childOut = dir.resolve("child.out");
        child = startChild("kill-a", childOut);
        await().atMost(Duration.ofSeconds(90))
                .untilAsserted(
                        () -> assertThat(PollerKafka.committedArticles(broker)).hasSize(2 * FEEDS));

        RecordingEvents events = new RecordingEvents();
        Set<Integer> all = IntStream.range(0, PARTITIONS).boxed().collect(Collectors.toSet());
        try (FeedPollerService survivor = new FeedPollerService(
                config, PollerSettings.from(config), server.pollFor("kill-b"), events, Clock.systemUTC())) {
            survivor.start();
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> survivor.isReady()
                            && !survivor.health().partitions().isEmpty()
                            && survivor.health().partitions().size() < PARTITIONS);
            Set<Integer> own = survivor.health().partitions();
            await().atMost(Duration.ofSeconds(30)).until(() -> events.committed.size() >= 2 * own.size());
            // while both run, this one polls only the feeds of its own partitions
            assertThat(server.polls())
                    .allSatisfy(p -> assertThat(own)
                            .contains(FeedPartitions.partitionFor(
                                    feed(Integer.parseInt(p.feedId().substring(5)))
                                            .url(),
                                    PARTITIONS)));
            assertThat(server.polls()).allSatisfy(p -> assertThat(p.newItems()).isZero());

            child.destroyForcibly(); // SIGKILL
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();

            await().atMost(Duration.ofSeconds(60))
                    .until(() ->
                            survivor.isReady() && survivor.health().partitions().equals(all));
            int afterKill = server.polls().size();
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> feeds.stream()
                            .allMatch(f -> server
                                    .polls()
                                    .subList(afterKill, server.polls().size())
                                    .stream()
                                    .anyMatch(p -> p.feedId().equals(f.id()))));
            // resumed from the committed states: nothing fetched again
            assertThat(server.polls()).allSatisfy(p -> assertThat(p.newItems()).isZero());

            feeds.forEach(f -> server.addItems(f.id(), 1));
            await().atMost(Duration.ofSeconds(60))
                    .untilAsserted(() ->
                            assertThat(PollerKafka.committedArticles(broker)).hasSize(3 * FEEDS));
            assertThat(survivor.failure()).isEmpty();
        }
        List<NewsArticle> articles = PollerKafka.committedArticles(broker);
        assertThat(articles).hasSize(3 * FEEDS);
        assertThat(articles.stream().map(NewsArticle::getId).distinct()).hasSize(3 * FEEDS);
        assertThat(server.overlaps()).isEmpty();
        assertThat(Files.readString(childOut, StandardCharsets.UTF_8)).contains("PARTITIONS");
    }

    private Process startChild(String instance, Path out) throws Exception {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        return new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Xmx256m",
                        "-cp",
                        classpath,
                        PollerChildProcess.class.getName(),
                        broker.bootstrapServers(),
                        "kill-it",
                        instance,
                        Integer.toString(FEEDS),
                        "2")
                .redirectErrorStream(true)
                .redirectOutput(out.toFile())
                .start();
    }
}
