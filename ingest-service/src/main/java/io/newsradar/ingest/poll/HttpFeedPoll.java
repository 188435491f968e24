package io.newsradar.ingest.poll;

import io.newsradar.avro.IngestChannel;
import io.newsradar.avro.NewsArticle;
import io.newsradar.ingest.ArticleNormalizer;
import io.newsradar.ingest.ArticleReadResult;
import io.newsradar.ingest.FeedFetcher;
import io.newsradar.ingest.FeedReadException;
import io.newsradar.ingest.FeedReader;
import io.newsradar.ingest.FetchException;
import io.newsradar.ingest.FetchResponse;
import io.newsradar.ingest.HttpValidators;
import io.newsradar.schemas.config.NewsradarConfig;
import io.newsradar.schemas.feeds.FeedRecord;
import io.newsradar.schemas.feeds.FeedState;
import io.newsradar.schemas.limits.ArticleLimits;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link FeedPoll} over HTTP(S) and local files. One instance serves every feed of a process and
 * may be called from several threads at once (the runtime limits concurrency and keeps one
 * request per host).
 *
 * <ul>
 *   <li>Conditional GET with the state's ETag and Last-Modified; 304 is {@code NOT_MODIFIED}.
 *   <li>Redirects ({@link FeedFetcher}): when the poll succeeds, the state's URL becomes where the
 *       leading 301/308s lead; temporary ones (302/303/307) leave it alone. A failed poll never
 *       moves the URL.
 *   <li>429/503 is {@code RETRY_LATER}. With a usable Retry-After the next poll is at the later of
 *       {@code now + pollInterval} and {@code answeredAt + min(retryAfter, maxRetryAfter)}, where
 *       {@code answeredAt} is {@code now} plus the time the request took: the wait counts from
 *       when the answer arrived (RFC 9110 10.2.3), so the next request never comes early by the
 *       request's own duration. Never sooner than the feed's normal rhythm, since coming back
 *       early would poll it more often than a healthy feed. Without one, the error backoff
 *       applies. Either way the error is counted, so a server that keeps refusing backs the feed
 *       off further once it stops sending Retry-After.
 *   <li>Any other failure is {@code FAILED}, next poll after {@link Backoff}; success resets the
 *       count and polls again one interval on (no jitter: the runtime spreads due feeds).
 *   <li>Items: parsed and normalised by the {@link FeedReader}; those whose id the state has seen
 *       are dropped; the rest carry the feed id, the listed source name (when the feed record has
 *       one), channel FEED and the feed URL. Until the feed's first successful fetch every item
 *       is backlog ({@code alertHold FIRST_POLL}); after it, items older than the age gate are
 *       {@code TOO_OLD}. Held items are still published.
 * </ul>
 *
 * <p>All times come from the {@code now} given (tests pass a fixed one); only the download
 * timeout, and the time a request took (where a Retry-After counts from), are measured on a real
 * clock. Feed URLs are logged and stored without credentials ({@link LogSafe}).
 */
public final class HttpFeedPoll implements FeedPoll {
    private static final Logger log = LoggerFactory.getLogger(HttpFeedPoll.class);

    private final FeedReader reader;
    private final FeedFetcher fetcher;
    private final PollSettings settings;
    private final FeedMetrics metrics;
    private final Random random;
    private final LongSupplier nanoTime;

    /**
     * @param reader   parses and normalises fetched documents (its normaliser's clock stamps
     *                 {@code fetchedAt}, which the age gate compares with {@code publishedAt})
     * @param fetcher  the process's one fetcher ({@link PollSettings#newFetcher()})
     * @param metrics  per-feed meters
     * @param random   the backoff jitter (tests pass a seeded or fixed one)
     */
    public HttpFeedPoll(
            FeedReader reader, FeedFetcher fetcher, PollSettings settings, FeedMetrics metrics, Random random) {
        this(reader, fetcher, settings, metrics, random, System::nanoTime);
    }

    /**
     * @param nanoTime the monotonic clock on which the time a request took is measured (added to
     *                 {@code now} to know when its answer arrived); tests pass a fake one
     */
    HttpFeedPoll(
            FeedReader reader,
            FeedFetcher fetcher,
            PollSettings settings,
            FeedMetrics metrics,
            Random random,
            LongSupplier nanoTime) {
        this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
        this.reader = Objects.requireNonNull(reader, "reader");
        this.fetcher = Objects.requireNonNull(fetcher, "fetcher");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        this.random = Objects.requireNonNull(random, "random");
    }

    /** The poll a service runs: settings from the config ({@link PollSettings#from}), one fetcher. */
    public static HttpFeedPoll from(NewsradarConfig config, FeedMetrics metrics) {
        PollSettings settings = PollSettings.from(config);
        // one HTTP client for the process: the reader's URL reads go through the poll's fetcher
        FeedFetcher fetcher = settings.newFetcher();
        return new HttpFeedPoll(
                new FeedReader(new ArticleNormalizer(), fetcher), fetcher, settings, metrics, new Random());
    }

    /** With a fetcher of its own, made from the settings, and an unseeded jitter. */
    public HttpFeedPoll(FeedReader reader, PollSettings settings, FeedMetrics metrics) {
        this(reader, settings.newFetcher(), settings, metrics, new Random());
    }

    @Override
    public PollOutcome poll(FeedRecord feed, Optional<FeedState> state, Instant now) throws InterruptedException {
        FeedState old = state.orElseGet(() -> FeedState.initial(feed.id(), feed.url(), now));
        // backlog until the feed was fetched once: a feed whose first poll failed must not
        // publish its whole backlog as fresh news on the second
        boolean firstPoll = old.lastSuccessAt() == null;
        metrics.polled(feed.id(), old.lastSuccessAt());
        PollOutcome outcome;
        try {
            outcome = FileFeed.isHttp(old.url())
                    ? pollHttp(feed, old, firstPoll, now)
                    : pollFile(feed, old, firstPoll, now);
        } catch (RuntimeException e) {
            // a bug or an input nobody foresaw costs this poll, never the poller
            log.error("feed {}: poll failed unexpectedly", feed.id(), e);
            outcome = failed(
                    feed,
                    old,
                    now,
                    0,
                    PollFailure.INTERNAL,
                    "unexpected " + e.getClass().getSimpleName());
        }
        report(feed, old, outcome);
        return outcome;
    }

    private PollOutcome pollHttp(FeedRecord feed, FeedState old, boolean firstPoll, Instant now)
            throws InterruptedException {
        URI uri;
        try {
            uri = new URI(old.url().strip());
        } catch (URISyntaxException e) {
            return failed(feed, old, now, 0, PollFailure.REQUEST, "the feed URL is not a valid URI: " + e.getReason());
        }
        FetchResponse r;
        long started = nanoTime.getAsLong();
        try {
            r = fetcher.fetch(uri, new HttpValidators(old.etag(), old.lastModified()));
        } catch (FetchException e) {
            return failed(feed, old, now, 0, PollFailure.of(e.kind()), e.getMessage());
        }
        int status = r.status();
        String url = r.permanentUri().toString();
        if (status == 304) {
            // a 304 may carry refreshed validators; where it carries none, the old ones still hold
            FeedState next = NextStates.notModified(
                    old,
                    url,
                    r.header("ETag").orElse(old.etag()),
                    r.header("Last-Modified").orElse(old.lastModified()),
                    status,
                    now,
                    feed.pollInterval());
            metrics.notModified(feed.id(), now);
            return new PollOutcome(PollStatus.NOT_MODIFIED, List.of(), next, List.of());
        }
        if (status == 429 || status == 503) {
            Instant answeredAt = now.plusNanos(Math.max(0, nanoTime.getAsLong() - started));
            return retryLater(feed, old, now, answeredAt, r);
        }
        if (!r.isSuccess()) {
            String where = r.finalUri().equals(uri) ? "" : " after redirects";
            String noLocation = status >= 300 && status <= 399 ? " without a Location" : "";
            return failed(feed, old, now, status, PollFailure.ofStatus(status), "HTTP " + status + noLocation + where);
        }
        // the server's validators, or none: a validator it stopped sending must not be replayed
        return parsed(
                feed,
                old,
                firstPoll,
                now,
                new Document(
                        r.body(),
                        r.contentType(),
                        url,
                        status,
                        r.header("ETag").orElse(""),
                        r.header("Last-Modified").orElse("")));
    }

    private PollOutcome pollFile(FeedRecord feed, FeedState old, boolean firstPoll, Instant now) {
        Path path;
        BasicFileAttributes attributes;
        try {
            path = FileFeed.path(old.url());
            attributes = Files.readAttributes(path, BasicFileAttributes.class);
        } catch (IllegalArgumentException | IOException e) {
            return failed(feed, old, now, 0, PollFailure.FILE, "cannot read the feed file: " + describe(e));
        }
        if (!attributes.isRegularFile()) {
            return failed(feed, old, now, 0, PollFailure.FILE, "the feed file is not a regular file");
        }
        String validator = FileFeed.validator(attributes);
        if (validator.equals(old.etag())) {
            FeedState next = NextStates.notModified(old, old.url(), validator, "", 0, now, feed.pollInterval());
            metrics.notModified(feed.id(), now);
            return new PollOutcome(PollStatus.NOT_MODIFIED, List.of(), next, List.of());
        }
        long maxBytes = settings.fetch().maxBytes();
        byte[] body;
        try {
            body = attributes.size() > maxBytes ? null : Files.readAllBytes(path);
        } catch (IOException e) {
            return failed(feed, old, now, 0, PollFailure.FILE, "cannot read the feed file: " + describe(e));
        }
        if (body == null || body.length > maxBytes) {
            return failed(
                    feed,
                    old,
                    now,
                    0,
                    PollFailure.TOO_LARGE,
                    "feed is larger than the limit of " + maxBytes + " bytes");
        }
        return parsed(feed, old, firstPoll, now, new Document(body, null, old.url(), 0, validator, ""));
    }

    /** A fetched feed document and what the state keeps of its response. */
    private record Document(
            byte[] body, String contentType, String url, int status, String etag, String lastModified) {}

    private PollOutcome parsed(FeedRecord feed, FeedState old, boolean firstPoll, Instant now, Document doc) {
        ArticleReadResult result;
        try {
            // named by where the feed lives now (listed, or moved by a permanent redirect); that
            // is also the base of relative links
            result = reader.parse(doc.body(), doc.contentType(), doc.url());
        } catch (FeedReadException e) {
            String prefix = "feed " + doc.url() + ": ";
            String reason =
                    e.getMessage().startsWith(prefix) ? e.getMessage().substring(prefix.length()) : e.getMessage();
            return failed(feed, old, now, doc.status(), PollFailure.NOT_A_FEED, reason);
        }
        List<NewsArticle> fresh = SeenItems.unseen(result.articles(), old.seenItemIds());
        List<NewsArticle> articles =
                fresh.stream().map(a -> stamped(a, feed, firstPoll)).toList();
        List<String> seen = SeenItems.remember(fresh, result.articles(), old.seenItemIds(), FeedState.MAX_SEEN);
        FeedState next = NextStates.fetched(
                old,
                doc.url(),
                doc.etag(),
                doc.lastModified(),
                doc.status(),
                now,
                feed.pollInterval(),
                seen,
                articles.size());
        metrics.fetched(feed.id(), now, result.errors().size());
        return new PollOutcome(PollStatus.FETCHED, articles, next, result.errors());
    }

    /**
     * The article with the feed's marks. Set in place: the reader made it for this poll alone, and
     * a builder copy would deep-copy every field (and look the enum class up by name, which Avro
     * only allows for trusted classes).
     */
    private NewsArticle stamped(NewsArticle a, FeedRecord feed, boolean firstPoll) {
        a.setAlertHold(AlertHolds.holdFor(a, firstPoll, settings.maxAge()));
        a.setFeedId(feed.id());
        a.setChannel(IngestChannel.FEED);
        // feedUrl is already the URL the reader was given (or absent when over its size limit)
        String source = feed.source().strip();
        if (!source.isEmpty() && ArticleLimits.utf8Length(source) <= ArticleLimits.MAX_FIELD_BYTES) {
            a.setSource(source);
        }
        return a;
    }

    /** @param answeredAt when the answer arrived: the instant a Retry-After counts from */
    private PollOutcome retryLater(FeedRecord feed, FeedState old, Instant now, Instant answeredAt, FetchResponse r) {
        int errors = NextStates.errorsAfterFailure(old);
        Optional<Duration> asked =
                RetryAfter.parse(r.header("Retry-After").orElse(null), answeredAt, settings.maxRetryAfter());
        Duration delay;
        String reason;
        if (asked.isPresent()) {
            // the delay from the poll's start (the time all of its state's times count from)
            Duration untilAsked = Duration.between(now, answeredAt).plus(asked.get());
            delay = untilAsked.compareTo(feed.pollInterval()) > 0 ? untilAsked : feed.pollInterval();
            reason = "HTTP " + r.status() + ", Retry-After " + asked.get().toSeconds() + " s";
        } else {
            delay = Backoff.delay(feed.pollInterval(), settings.maxBackoff(), errors, random);
            reason = "HTTP " + r.status() + " without a usable Retry-After: backing off";
        }
        metrics.failed(feed.id(), PollFailure.RETRY_LATER);
        FeedState next = NextStates.failed(old, r.status(), reason, now, delay);
        return new PollOutcome(PollStatus.RETRY_LATER, List.of(), next, List.of());
    }

    private PollOutcome failed(
            FeedRecord feed, FeedState old, Instant now, int status, PollFailure failure, String reason) {
        int errors = NextStates.errorsAfterFailure(old);
        Duration delay = Backoff.delay(feed.pollInterval(), settings.maxBackoff(), errors, random);
        metrics.failed(feed.id(), failure);
        FeedState next = NextStates.failed(old, status, reason, now, delay);
        return new PollOutcome(PollStatus.FAILED, List.of(), next, List.of());
    }

    private static String describe(Exception e) {
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }

    /**
     * The poll as it happened, at DEBUG: the INFO line a reader follows is the runtime's, written
     * once the outcome committed (FeedPollerService). A first failure in a row is a WARN here too,
     * with the URL, which the runtime's line leaves out.
     */
    private static void report(FeedRecord feed, FeedState old, PollOutcome outcome) {
        FeedState s = outcome.state();
        String url = LogSafe.text(s.url());
        switch (outcome.status()) {
            case FETCHED ->
                log.debug(
                        "feed {} ({}): fetched, {} new item(s){}{}; next poll at {}",
                        feed.id(),
                        url,
                        outcome.articles().size(),
                        outcome.itemErrors().isEmpty()
                                ? ""
                                : ", " + outcome.itemErrors().size() + " rejected",
                        old.lastSuccessAt() == null ? " (first fetch: backlog held from alerts)" : "",
                        s.nextPollAt());
            case NOT_MODIFIED ->
                log.debug("feed {} ({}): not modified; next poll at {}", feed.id(), url, s.nextPollAt());
            default -> {
                // the first failure is news; the ones after it, until a success, are not
                if (s.consecutiveErrors() <= 1) {
                    log.warn("feed {} ({}): {}; next poll at {}", feed.id(), url, s.lastError(), s.nextPollAt());
                } else {
                    log.debug(
                            "feed {} ({}): {} (failure {} in a row); next poll at {}",
                            feed.id(),
                            url,
                            s.lastError(),
                            s.consecutiveErrors(),
                            s.nextPollAt());
                }
            }
        }
        if (!old.url().equals(s.url())) {
            log.info(
                    "feed {}: moved permanently from {} to {}",
                    feed.id(),
                    LogSafe.text(old.url()),
                    LogSafe.text(s.url()));
        }
    }
}
