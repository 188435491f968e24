package io.newsradar.ingest.poll;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.newsradar.ingest.ArticleNormalizer;
import io.newsradar.ingest.FeedReader;
import io.newsradar.schemas.feeds.FeedRecord;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Random;
import java.util.function.LongSupplier;

/** Feeds, feed records and a poller with fixed time for the poll tests. */
final class TestFeeds {
    static final Instant NOW = Instant.parse("2026-11-30T00:00:00Z");
    static final Duration INTERVAL = Duration.ofMinutes(15);

    private TestFeeds() {}

    /** An RSS item: its link path (under news.example.org) and its publish time. */
    record Item(String path, Instant published) {}

    static Item item(String path, Duration age) {
        return new Item(path, NOW.minus(age));
    }

    static byte[] rss(Item... items) {
        StringBuilder sb = new StringBuilder(
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel><title>Test Wire</title>"
                        + "<link>https://news.example.org/</link>");
        for (Item i : items) {
            sb.append("<item><title>Story ")
                    .append(i.path())
                    .append("</title><link>https://news.example.org/")
                    .append(i.path())
                    .append("</link><description>Body of ")
                    .append(i.path())
                    .append(".</description><pubDate>")
                    .append(DateTimeFormatter.RFC_1123_DATE_TIME.format(
                            i.published().atOffset(ZoneOffset.UTC)))
                    .append("</pubDate></item>");
        }
        return sb.append("</channel></rss>").toString().getBytes(StandardCharsets.UTF_8);
    }

    static FeedRecord feed(String url) {
        return new FeedRecord("feed-1", url, "", INTERVAL, 0.5, List.of(), "", "");
    }

    static FeedRecord feed(String url, String source) {
        return new FeedRecord("feed-1", url, source, INTERVAL, 0.5, List.of(), "", "");
    }

    /**
     * A poller whose normaliser stamps NOW as fetchedAt, with its own registry; on its monotonic
     * clock no time passes during a request (like NOW, the time stands still).
     */
    static Poller poller(PollSettings settings, Random random) {
        return poller(settings, random, () -> 0L);
    }

    /** As {@link #poller(PollSettings, Random)}, measuring requests on {@code nanoTime}. */
    static Poller poller(PollSettings settings, Random random, LongSupplier nanoTime) {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        FeedReader reader = new FeedReader(new ArticleNormalizer(Clock.fixed(NOW, ZoneOffset.UTC)), settings.fetch());
        HttpFeedPoll poll =
                new HttpFeedPoll(reader, settings.newFetcher(), settings, new FeedMetrics(registry), random, nanoTime);
        return new Poller(poll, registry);
    }

    static Poller poller() {
        return poller(PollSettings.defaults(), new Random(7));
    }

    record Poller(HttpFeedPoll poll, SimpleMeterRegistry registry) {
        double count(String meter, String... tags) {
            var search = registry.find(meter).tag(FeedMetrics.FEED_TAG, "feed-1");
            for (int i = 0; i + 1 < tags.length; i += 2) {
                search = search.tag(tags[i], tags[i + 1]);
            }
            var counter = search.counter();
            return counter == null ? 0 : counter.count();
        }
    }

    /** A Random whose nextDouble is always the same value: the jitter at a known point. */
    static Random fixedRandom(double value) {
        return new Random() {
            private static final long serialVersionUID = 1L;

            @Override
            public double nextDouble() {
                return value;
            }
        };
    }
}
