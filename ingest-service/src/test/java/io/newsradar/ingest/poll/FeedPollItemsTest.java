package io.newsradar.ingest.poll;

import static io.newsradar.ingest.poll.TestFeeds.INTERVAL;
import static io.newsradar.ingest.poll.TestFeeds.NOW;
import static io.newsradar.ingest.poll.TestFeeds.feed;
import static io.newsradar.ingest.poll.TestFeeds.item;
import static io.newsradar.ingest.poll.TestFeeds.rss;
import static org.assertj.core.api.Assertions.assertThat;

import io.newsradar.avro.IngestChannel;
import io.newsradar.avro.NewsArticle;
import io.newsradar.schemas.article.ArticleMarks;
import io.newsradar.schemas.config.NewsradarConfig;
import io.newsradar.schemas.feeds.FeedRecord;
import io.newsradar.schemas.feeds.FeedState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a poll publishes: new items only, marked with the feed and with alert holds. */
class FeedPollItemsTest {
    private final FeedServer server = new FeedServer();
    private final AtomicReference<byte[]> served = new AtomicReference<>();
    private final TestFeeds.Poller poller = TestFeeds.poller();

    @TempDir
    Path dir;

    FeedPollItemsTest() {
        // no validators: only the seen ids keep repeats out
        server.on("/feed.xml", ex -> FeedServer.send(ex, 200, "application/rss+xml", served.get()));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private static List<String> paths(List<NewsArticle> articles) {
        return articles.stream()
                .map(a -> a.getUrl().replace("https://news.example.org/", ""))
                .toList();
    }

    @Test
    void shouldHoldTheWholeBacklogOfAFirstPollAndMarkEveryArticleWithItsFeed() throws Exception {
        served.set(rss(item("a", Duration.ofMinutes(5)), item("b", Duration.ofDays(30))));
        FeedRecord feed = TestFeeds.feed(server.url("/feed.xml"), "Test Wire Service");

        PollOutcome outcome = poller.poll().poll(feed, Optional.empty(), NOW);

        assertThat(outcome.status()).isEqualTo(PollStatus.FETCHED);
        assertThat(outcome.articles()).hasSize(2).allSatisfy(a -> {
            assertThat(a.getAlertHold()).isEqualTo(ArticleMarks.FIRST_POLL);
            assertThat(a.getFeedId()).isEqualTo("feed-1");
            assertThat(a.getSource()).isEqualTo("Test Wire Service");
            assertThat(a.getChannel()).isEqualTo(IngestChannel.FEED);
            assertThat(a.getFeedUrl()).isEqualTo(server.url("/feed.xml"));
        });
        assertThat(outcome.state().seenItemIds())
                .containsExactlyElementsOf(
                        outcome.articles().stream().map(NewsArticle::getId).toList());
        assertThat(outcome.state().itemsPublished()).isEqualTo(2);
        assertThat(outcome.state().lastSuccessAt()).isEqualTo(NOW);
        assertThat(outcome.state().nextPollAt()).isEqualTo(NOW.plus(INTERVAL));
    }

    @Test
    void shouldKeepTheFeedsOwnTitleAsSourceWhenTheListNamesNone() throws Exception {
        served.set(rss(item("a", Duration.ofMinutes(5))));

        PollOutcome outcome = poller.poll().poll(feed(server.url("/feed.xml")), Optional.empty(), NOW);

        assertThat(outcome.articles())
                .singleElement()
                .satisfies(a -> assertThat(a.getSource()).isEqualTo("Test Wire"));
    }

    @Test
    void shouldPublishOnlyItemsNotSeenBeforeAndRememberNewOnesFirst() throws Exception {
        served.set(rss(item("a", Duration.ofMinutes(50)), item("b", Duration.ofMinutes(40))));
        FeedRecord feed = feed(server.url("/feed.xml"));
        PollOutcome first = poller.poll().poll(feed, Optional.empty(), NOW);
        served.set(rss(
                item("c", Duration.ofMinutes(1)),
                item("a", Duration.ofMinutes(50)),
                item("b", Duration.ofMinutes(40))));

        PollOutcome second = poller.poll().poll(feed, Optional.of(first.state()), NOW.plus(INTERVAL));
        PollOutcome third = poller.poll().poll(feed, Optional.of(second.state()), NOW.plus(INTERVAL.multipliedBy(2)));

        assertThat(paths(second.articles())).containsExactly("c");
        assertThat(second.articles())
                .singleElement()
                .satisfies(a -> assertThat(a.getAlertHold())
                        .as("after the first poll a fresh item may alert")
                        .isNull());
        List<String> ids = new ArrayList<>();
        ids.add(second.articles().get(0).getId());
        ids.addAll(first.state().seenItemIds());
        assertThat(second.state().seenItemIds()).containsExactlyElementsOf(ids);
        assertThat(second.state().itemsPublished()).isEqualTo(3);
        assertThat(third.status()).isEqualTo(PollStatus.FETCHED);
        assertThat(third.articles()).isEmpty();
        assertThat(third.state().seenItemIds()).isEqualTo(second.state().seenItemIds());
    }

    @Test
    void shouldBoundTheSeenIdsAndKeepTheIdsTheFeedStillCarries() throws Exception {
        List<String> old =
                IntStream.range(0, FeedState.MAX_SEEN).mapToObj(i -> "old-" + i).toList();
        served.set(rss(item("a", Duration.ofMinutes(1)), item("b", Duration.ofMinutes(2))));
        FeedRecord feed = feed(server.url("/feed.xml"));
        PollOutcome seenB = poller.poll().poll(feed, Optional.empty(), NOW);
        String idB = seenB.articles().get(1).getId();
        List<String> seen = new ArrayList<>(old);
        seen.set(FeedState.MAX_SEEN - 1, idB); // b is the oldest remembered id
        FeedState state = new FeedState("feed-1", feed.url(), "", "", NOW, NOW, NOW, 0, "", 200, 1, 1000, seen);

        PollOutcome outcome = poller.poll().poll(feed, Optional.of(state), NOW.plus(INTERVAL));

        assertThat(paths(outcome.articles())).containsExactly("a");
        assertThat(outcome.state().seenItemIds()).hasSize(FeedState.MAX_SEEN);
        assertThat(outcome.state().seenItemIds().subList(0, 2))
                .containsExactly(outcome.articles().get(0).getId(), idB);
        assertThat(outcome.state().seenItemIds()).doesNotContain("old-998");
    }

    @Test
    void shouldHoldItemsOlderThanTheAgeGateAfterTheFirstPoll() throws Exception {
        served.set(rss(item("seed", Duration.ofMinutes(30))));
        FeedRecord feed = feed(server.url("/feed.xml"));
        PollOutcome first = poller.poll().poll(feed, Optional.empty(), NOW);
        served.set(rss(
                item("fresh", Duration.ofHours(1)),
                item("edge", PollSettings.DEFAULT_MAX_AGE),
                item("stale", PollSettings.DEFAULT_MAX_AGE.plusMinutes(1)),
                item("ancient", Duration.ofDays(400))));

        PollOutcome second = poller.poll().poll(feed, Optional.of(first.state()), NOW);

        assertThat(second.articles())
                .extracting(a -> paths(List.of(a)).get(0), NewsArticle::getAlertHold)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("fresh", null),
                        org.assertj.core.groups.Tuple.tuple("edge", null),
                        org.assertj.core.groups.Tuple.tuple("stale", ArticleMarks.TOO_OLD),
                        org.assertj.core.groups.Tuple.tuple("ancient", ArticleMarks.TOO_OLD));
    }

    @Test
    void shouldTakeTheAgeGateFromTheSettings() throws Exception {
        PollSettings oneHour = PollSettings.from(NewsradarConfig.defaults().with(PollSettings.MAX_AGE, "1h"));
        TestFeeds.Poller strict = TestFeeds.poller(oneHour, new Random(1));
        served.set(rss(item("seed", Duration.ofMinutes(1))));
        FeedRecord feed = feed(server.url("/feed.xml"));
        PollOutcome first = strict.poll().poll(feed, Optional.empty(), NOW);
        served.set(rss(item("recent", Duration.ofMinutes(59)), item("hours", Duration.ofHours(3))));

        PollOutcome second = strict.poll().poll(feed, Optional.of(first.state()), NOW);

        assertThat(second.articles()).extracting(NewsArticle::getAlertHold).containsExactly(null, ArticleMarks.TOO_OLD);
    }

    @Test
    void shouldStillTreatTheBacklogAsFirstPollWhenTheVeryFirstPollFailed() throws Exception {
        FeedServer flaky = new FeedServer();
        try {
            AtomicReference<Boolean> up = new AtomicReference<>(false);
            byte[] body = rss(item("a", Duration.ofMinutes(5)));
            flaky.on("/feed.xml", ex -> {
                if (up.get()) {
                    FeedServer.send(ex, 200, "application/rss+xml", body);
                } else {
                    FeedServer.status(ex, 500);
                }
            });
            FeedRecord feed = feed(flaky.url("/feed.xml"));
            PollOutcome failed = poller.poll().poll(feed, Optional.empty(), NOW);
            up.set(true);

            PollOutcome outcome = poller.poll()
                    .poll(feed, Optional.of(failed.state()), failed.state().nextPollAt());

            assertThat(outcome.articles())
                    .singleElement()
                    .satisfies(a -> assertThat(a.getAlertHold()).isEqualTo(ArticleMarks.FIRST_POLL));
        } finally {
            flaky.close();
        }
    }

    @Test
    void shouldReportItemsThatCannotBecomeArticlesNextToTheOthers() throws Exception {
        served.set(("<rss version=\"2.0\"><channel><title>T</title><link>https://news.example.org/</link>"
                        + "<item><title>Good</title><link>https://news.example.org/good</link></item>"
                        + "<item><description></description></item></channel></rss>")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));

        PollOutcome outcome = poller.poll().poll(feed(server.url("/feed.xml")), Optional.empty(), NOW);

        assertThat(outcome.status()).isEqualTo(PollStatus.FETCHED);
        assertThat(paths(outcome.articles())).containsExactly("good");
        assertThat(outcome.itemErrors())
                .singleElement()
                .satisfies(e -> assertThat(e.location()).isEqualTo("item 2"));
        assertThat(poller.count(FeedMetrics.ITEMS_REJECTED)).isEqualTo(1);
    }

    @Test
    void shouldReadAFileFeedAndSeeItUnchangedNextTime() throws Exception {
        Path file = dir.resolve("wire.xml");
        Files.write(file, rss(item("a", Duration.ofMinutes(5))));
        Files.setLastModifiedTime(file, FileTime.from(NOW.minusSeconds(600)));
        FeedRecord feed = feed(file.toAbsolutePath().toString());

        PollOutcome first = poller.poll().poll(feed, Optional.empty(), NOW);
        PollOutcome unchanged = poller.poll().poll(feed, Optional.of(first.state()), NOW.plus(INTERVAL));
        Files.write(file, rss(item("b", Duration.ofMinutes(1)), item("a", Duration.ofMinutes(5))));
        Files.setLastModifiedTime(file, FileTime.from(NOW.plusSeconds(60)));
        PollOutcome changed = poller.poll().poll(feed, Optional.of(unchanged.state()), NOW.plus(INTERVAL));

        assertThat(first.status()).isEqualTo(PollStatus.FETCHED);
        assertThat(paths(first.articles())).containsExactly("a");
        assertThat(first.state().etag()).startsWith("file:");
        assertThat(first.state().lastStatus()).isZero();
        assertThat(unchanged.status()).isEqualTo(PollStatus.NOT_MODIFIED);
        assertThat(unchanged.articles()).isEmpty();
        assertThat(changed.status()).isEqualTo(PollStatus.FETCHED);
        assertThat(paths(changed.articles())).containsExactly("b");
        assertThat(poller.count(FeedMetrics.NOT_MODIFIED)).isEqualTo(1);
    }

    @Test
    void shouldFailAMissingFileFeedWithAReason() throws Exception {
        PollOutcome outcome = poller.poll().poll(feed(dir.resolve("absent.xml").toString()), Optional.empty(), NOW);

        assertThat(outcome.status()).isEqualTo(PollStatus.FAILED);
        assertThat(outcome.state().lastError()).startsWith("cannot read the feed file: NoSuchFileException");
        assertThat(poller.count(FeedMetrics.ERRORS, FeedMetrics.REASON_TAG, "file"))
                .isEqualTo(1);
    }
}
