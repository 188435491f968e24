package io.newsradar.ingest.poll;

import io.newsradar.ingest.FeedFetcher;
import io.newsradar.ingest.FeedReader;
import io.newsradar.schemas.config.NewsradarConfig;
import java.time.Duration;
import java.util.Objects;

/**
 * How one poll of one feed behaves ({@link HttpFeedPoll}); read from the {@code ingest.*} settings.
 * Durations take {@code 48h}, {@code 30s}, {@code 500ms} or ISO-8601 ({@code PT48H}).
 *
 * @param fetch           connect and request (headers) timeouts, largest feed accepted (as sent
 *                        and once decompressed), User-Agent
 * @param downloadTimeout a whole fetch, redirects and body included
 * @param maxRedirects    redirects followed before the poll fails
 * @param maxAge          the age gate: an item whose {@code fetchedAt - publishedAt} exceeds this
 *                        is published with {@code alertHold = TOO_OLD}
 * @param maxBackoff      the longest delay after failed polls (a feed polled less often than this
 *                        keeps its own interval as the longest delay)
 * @param maxRetryAfter   the longest Retry-After honoured; a longer one is cut to this
 */
public record PollSettings(
        FeedReader.Options fetch,
        Duration downloadTimeout,
        int maxRedirects,
        Duration maxAge,
        Duration maxBackoff,
        Duration maxRetryAfter) {
    public static final String USER_AGENT = "ingest.http.user.agent";
    public static final String CONNECT_TIMEOUT = "ingest.http.connect.timeout";
    public static final String REQUEST_TIMEOUT = "ingest.http.request.timeout";
    public static final String DOWNLOAD_TIMEOUT = "ingest.http.download.timeout";
    public static final String MAX_BYTES = "ingest.http.max.bytes";
    public static final String MAX_REDIRECTS = "ingest.http.max.redirects";
    public static final String MAX_AGE = "ingest.max.age";
    public static final String MAX_BACKOFF = "ingest.backoff.max";
    public static final String MAX_RETRY_AFTER = "ingest.retry.after.max";

    /** Two days: older news is backlog, not news (a weekly digest's items are held from alerts). */
    public static final Duration DEFAULT_MAX_AGE = Duration.ofHours(48);
    /** A feed down for days is still tried twice a day, and picked up within hours once it is back. */
    public static final Duration DEFAULT_MAX_BACKOFF = Duration.ofHours(12);
    /** A server asking for more than a day is more likely wrong than serious. */
    public static final Duration DEFAULT_MAX_RETRY_AFTER = Duration.ofHours(24);

    public PollSettings {
        Objects.requireNonNull(fetch, "fetch");
        Objects.requireNonNull(downloadTimeout, "downloadTimeout");
        Objects.requireNonNull(maxAge, "maxAge");
        Objects.requireNonNull(maxBackoff, "maxBackoff");
        Objects.requireNonNull(maxRetryAfter, "maxRetryAfter");
        if (maxRedirects < 0) {
            throw new IllegalArgumentException("max redirects must not be negative: " + maxRedirects);
        }
        for (Duration d : new Duration[] {downloadTimeout, maxAge, maxBackoff, maxRetryAfter}) {
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException("poll durations must be positive: " + d);
            }
        }
    }

    /**
     * The defaults: FeedReader's fetch options (10 s connect, 20 s request, 10 MiB, a User-Agent
     * naming newsradar, its version and URL), a 40 s download, 5 redirects, a 48 h age gate, 12 h
     * longest backoff, 24 h longest Retry-After.
     */
    public static PollSettings defaults() {
        FeedReader.Options fetch = FeedReader.Options.defaults();
        return new PollSettings(
                fetch,
                fetch.requestTimeout().multipliedBy(2),
                FeedFetcher.DEFAULT_MAX_REDIRECTS,
                DEFAULT_MAX_AGE,
                DEFAULT_MAX_BACKOFF,
                DEFAULT_MAX_RETRY_AFTER);
    }

    /** The {@code ingest.*} settings above, each defaulting as in {@link #defaults()}. */
    public static PollSettings from(NewsradarConfig config) {
        PollSettings d = defaults();
        long maxBytes = config.getInt(MAX_BYTES, (int) d.fetch().maxBytes());
        if (maxBytes <= 0) {
            throw new IllegalStateException("setting '" + MAX_BYTES + "' must be positive, got " + maxBytes);
        }
        String userAgent = config.get(USER_AGENT, d.fetch().userAgent()).strip();
        if (userAgent.isEmpty() || userAgent.chars().anyMatch(c -> c < 0x20 || c > 0x7e)) {
            throw new IllegalStateException(
                    "setting '" + USER_AGENT + "' must be printable ASCII text, such as 'newsradar-ingest/0.1 "
                            + "(+https://your.site/contact)'");
        }
        Duration request =
                DurationSetting.get(config, REQUEST_TIMEOUT, d.fetch().requestTimeout());
        FeedReader.Options fetch = new FeedReader.Options(
                DurationSetting.get(config, CONNECT_TIMEOUT, d.fetch().connectTimeout()), request, maxBytes, userAgent);
        int redirects = config.getInt(MAX_REDIRECTS, d.maxRedirects());
        if (redirects < 0 || redirects > 20) {
            throw new IllegalStateException(
                    "setting '" + MAX_REDIRECTS + "' must be between 0 and 20, got " + redirects);
        }
        return new PollSettings(
                fetch,
                DurationSetting.get(config, DOWNLOAD_TIMEOUT, request.multipliedBy(2)),
                redirects,
                DurationSetting.get(config, MAX_AGE, d.maxAge()),
                DurationSetting.get(config, MAX_BACKOFF, d.maxBackoff()),
                DurationSetting.get(config, MAX_RETRY_AFTER, d.maxRetryAfter()));
    }

    /** The one fetcher (one HTTP client, one connection pool) every poll of a process shares. */
    public FeedFetcher newFetcher() {
        return new FeedFetcher(fetch, downloadTimeout, maxRedirects);
    }
}
