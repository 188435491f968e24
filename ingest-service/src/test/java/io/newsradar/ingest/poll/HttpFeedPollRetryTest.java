package io.newsradar.ingest.poll;

import static io.newsradar.ingest.poll.TestFeeds.INTERVAL;
import static io.newsradar.ingest.poll.TestFeeds.NOW;
import static io.newsradar.ingest.poll.TestFeeds.feed;
import static io.newsradar.ingest.poll.TestFeeds.item;
import static io.newsradar.ingest.poll.TestFeeds.rss;
import static org.assertj.core.api.Assertions.assertThat;

import io.newsradar.schemas.feeds.FeedRecord;
import io.newsradar.schemas.feeds.FeedState;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** 429/503 with and without Retry-After, and the backoff after errors. */
class HttpFeedPollRetryTest {
    private final FeedServer server = new FeedServer();

    @AfterEach
    void stop() {
        server.close();
    }

    private PollOutcome pollOnce(String path, int status, String retryAfter) throws InterruptedException {
        server.on(path, ex -> {
            if (retryAfter == null) {
                FeedServer.status(ex, status);
            } else {
                FeedServer.status(ex, status, "Retry-After", retryAfter);
            }
        });
        return TestFeeds.poller().poll().poll(feed(server.url(path)), Optional.empty(), NOW);
    }

    @Test
    void shouldComeBackAfterRetryAfterSecondsOn429() throws Exception {
        PollOutcome outcome = pollOnce("/feed.xml", 429, "7200");

        assertThat(outcome.status()).isEqualTo(PollStatus.RETRY_LATER);
        assertThat(outcome.articles()).isEmpty();
        assertThat(outcome.state().nextPollAt()).isEqualTo(NOW.plusSeconds(7200));
        assertThat(outcome.state().consecutiveErrors()).isEqualTo(1);
        assertThat(outcome.state().lastStatus()).isEqualTo(429);
        assertThat(outcome.state().lastError()).isEqualTo("HTTP 429, Retry-After 7200 s");
    }

    @Test
    void shouldComeBackAtTheHttpDateOfRetryAfterOn503() throws Exception {
        Instant at = NOW.plus(Duration.ofHours(3));
        String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(at.atOffset(ZoneOffset.UTC));

        PollOutcome outcome = pollOnce("/feed.xml", 503, date);

        assertThat(outcome.status()).isEqualTo(PollStatus.RETRY_LATER);
        assertThat(outcome.state().nextPollAt()).isEqualTo(at);
        assertThat(outcome.state().lastStatus()).isEqualTo(503);
    }

    @Test
    void shouldCountRetryAfterSecondsFromWhenTheAnswerArrivedNotFromThePollStart() throws Exception {
        // the request takes 3 s on the poll's monotonic clock: "7200" means 7200 s after the 429
        // arrived (RFC 9110 10.2.3), so coming back at NOW + 7200 s would be 3 s early
        AtomicLong nanos = new AtomicLong();
        server.on("/feed.xml", ex -> {
            nanos.addAndGet(Duration.ofSeconds(3).toNanos());
            FeedServer.status(ex, 429, "Retry-After", "7200");
        });
        TestFeeds.Poller poller = TestFeeds.poller(PollSettings.defaults(), new Random(7), nanos::get);

        PollOutcome outcome = poller.poll().poll(feed(server.url("/feed.xml")), Optional.empty(), NOW);

        assertThat(outcome.state().nextPollAt()).isEqualTo(NOW.plusSeconds(3 + 7200));
        assertThat(outcome.state().lastPollAt()).isEqualTo(NOW);
    }

    @Test
    void shouldComeBackAtTheHttpDateOfRetryAfterHoweverLongTheRequestTook() throws Exception {
        Instant at = NOW.plus(Duration.ofHours(3));
        String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(at.atOffset(ZoneOffset.UTC));
        AtomicLong nanos = new AtomicLong();
        server.on("/feed.xml", ex -> {
            nanos.addAndGet(Duration.ofSeconds(3).toNanos());
            FeedServer.status(ex, 503, "Retry-After", date);
        });
        TestFeeds.Poller poller = TestFeeds.poller(PollSettings.defaults(), new Random(7), nanos::get);

        PollOutcome outcome = poller.poll().poll(feed(server.url("/feed.xml")), Optional.empty(), NOW);

        assertThat(outcome.state().nextPollAt()).isEqualTo(at);
    }

    @Test
    void shouldNeverComeBackSoonerThanThePollIntervalWhateverRetryAfterSays() throws Exception {
        PollOutcome outcome = pollOnce("/feed.xml", 429, "5");

        assertThat(outcome.state().nextPollAt()).isEqualTo(NOW.plus(INTERVAL));
    }

    @Test
    void shouldCapAnAbsurdRetryAfter() throws Exception {
        PollOutcome outcome =
                pollOnce("/feed.xml", 503, String.valueOf(Duration.ofDays(400).toSeconds()));

        assertThat(outcome.state().nextPollAt()).isEqualTo(NOW.plus(PollSettings.DEFAULT_MAX_RETRY_AFTER));
    }

    @Test
    void shouldBackOffOn503WithoutAUsableRetryAfter() throws Exception {
        for (String retryAfter : new String[] {null, "soon", "-30"}) {
            FeedServer s = new FeedServer();
            try {
                s.on("/feed.xml", ex -> {
                    if (retryAfter == null) {
                        FeedServer.status(ex, 503);
                    } else {
                        FeedServer.status(ex, 503, "Retry-After", retryAfter);
                    }
                });
                PollOutcome outcome = TestFeeds.poller(PollSettings.defaults(), TestFeeds.fixedRandom(0.5))
                        .poll()
                        .poll(feed(s.url("/feed.xml")), Optional.empty(), NOW);

                assertThat(outcome.status()).as(retryAfter).isEqualTo(PollStatus.RETRY_LATER);
                // the first error's backoff, jittered halfway between one minute and one interval
                assertThat(outcome.state().nextPollAt())
                        .as(retryAfter)
                        .isEqualTo(NOW.plus(Backoff.FLOOR)
                                .plus(INTERVAL.minus(Backoff.FLOOR).dividedBy(2)));
                assertThat(outcome.state().lastError()).as(retryAfter).contains("without a usable Retry-After");
            } finally {
                s.close();
            }
        }
    }

    @Test
    void shouldBackOffExponentiallyUpToTheCapOnServerErrorsAndResetOnSuccess() throws Exception {
        AtomicBoolean healthy = new AtomicBoolean(false);
        byte[] body = rss(item("a", Duration.ofMinutes(5)));
        server.on("/feed.xml", ex -> {
            if (healthy.get()) {
                FeedServer.send(ex, 200, "application/rss+xml", body);
            } else {
                FeedServer.status(ex, 500);
            }
        });
        FeedRecord feed = feed(server.url("/feed.xml"));
        // the top of the jitter range: each delay is its ceiling
        TestFeeds.Poller poller = TestFeeds.poller(PollSettings.defaults(), TestFeeds.fixedRandom(0.9999999999));

        List<Duration> delays = new ArrayList<>();
        Optional<FeedState> state = Optional.empty();
        Instant now = NOW;
        for (int i = 0; i < 8; i++) {
            PollOutcome outcome = poller.poll().poll(feed, state, now);
            assertThat(outcome.status()).isEqualTo(PollStatus.FAILED);
            assertThat(outcome.state().consecutiveErrors()).isEqualTo(i + 1);
            assertThat(outcome.state().lastError()).isEqualTo("HTTP 500");
            delays.add(Duration.between(now, outcome.state().nextPollAt()));
            now = outcome.state().nextPollAt();
            state = Optional.of(outcome.state());
        }
        healthy.set(true);
        PollOutcome recovered = poller.poll().poll(feed, state, now);

        assertThat(delays)
                .containsExactly(
                        Duration.ofMinutes(15),
                        Duration.ofMinutes(30),
                        Duration.ofHours(1),
                        Duration.ofHours(2),
                        Duration.ofHours(4),
                        Duration.ofHours(8),
                        PollSettings.DEFAULT_MAX_BACKOFF,
                        PollSettings.DEFAULT_MAX_BACKOFF);
        assertThat(poller.count(FeedMetrics.ERRORS, FeedMetrics.REASON_TAG, "http_5xx"))
                .isEqualTo(8);
        assertThat(recovered.status()).isEqualTo(PollStatus.FETCHED);
        assertThat(recovered.state().consecutiveErrors()).isZero();
        assertThat(recovered.state().lastError()).isEmpty();
        assertThat(recovered.state().nextPollAt()).isEqualTo(now.plus(INTERVAL));
        assertThat(recovered.state().polls()).isEqualTo(9);
    }

    @Test
    void shouldJitterEachBackoffBetweenTheFloorAndItsCeiling() throws Exception {
        server.on("/feed.xml", ex -> FeedServer.status(ex, 500));
        FeedRecord feed = feed(server.url("/feed.xml"));
        TestFeeds.Poller poller = TestFeeds.poller(PollSettings.defaults(), new Random(42));

        Optional<FeedState> state = Optional.empty();
        List<Duration> delays = new ArrayList<>();
        for (int errors = 1; errors <= 7; errors++) {
            PollOutcome outcome = poller.poll().poll(feed, state, NOW);
            Duration delay = Duration.between(NOW, outcome.state().nextPollAt());
            Duration ceiling = Backoff.ceiling(INTERVAL, PollSettings.DEFAULT_MAX_BACKOFF, errors);
            assertThat(delay).as("error %d", errors).isBetween(Backoff.FLOOR, ceiling);
            delays.add(delay);
            state = Optional.of(outcome.state());
        }
        // jitter, not a fixed schedule: the delays are not all at their ceilings
        assertThat(delays).doesNotHaveDuplicates();
    }

    @Test
    void shouldKeepTheValidatorsAndSeenIdsOfAFeedThatFails() throws Exception {
        AtomicBoolean broken = new AtomicBoolean(false);
        byte[] body = rss(item("a", Duration.ofMinutes(5)));
        server.on("/feed.xml", ex -> {
            if (broken.get()) {
                FeedServer.status(ex, 502);
            } else {
                ex.getResponseHeaders().add("ETag", "\"e1\"");
                FeedServer.send(ex, 200, "application/rss+xml", body);
            }
        });
        TestFeeds.Poller poller = TestFeeds.poller();
        PollOutcome ok = poller.poll().poll(feed(server.url("/feed.xml")), Optional.empty(), NOW);
        broken.set(true);

        PollOutcome failed = poller.poll().poll(feed(server.url("/feed.xml")), Optional.of(ok.state()), NOW);

        assertThat(failed.state().etag()).isEqualTo("\"e1\"");
        assertThat(failed.state().seenItemIds()).isEqualTo(ok.state().seenItemIds());
        assertThat(failed.state().lastSuccessAt()).isEqualTo(ok.state().lastSuccessAt());
        assertThat(failed.state().itemsPublished()).isEqualTo(1);
    }
}
