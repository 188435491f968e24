package io.newsradar.scoring.dashboard;

import io.newsradar.http.EmbeddedHttpServer;
import io.newsradar.http.HttpError;
import io.newsradar.http.JsonResponses;
import io.newsradar.schemas.config.NewsradarConfig;
import io.newsradar.scoring.ScoringApp;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The built-in dashboard: the page at {@code /} and {@code /dashboard} (HTML, CSS and JS of our
 * own, nothing from another origin) that polls the process's JSON APIs every two seconds, and the
 * two APIs it adds:
 *
 * <ul>
 *   <li>{@code GET /v1/feeds/health}: every feed's state from {@code feeds.state.v1}, stale or
 *       failing ({@link FeedHealth}), read by a background consumer ({@link FeedStateReader}).
 *   <li>{@code GET /v1/dlq/counts}: the records on {@code news.dlq.v1} and {@code delivery.dlq.v1}
 *       ({@link AdminDlqCounter}).
 * </ul>
 *
 * <p>The other figures come from the scoring API ({@code /v1/tags/top}, {@code /v1/scores/histogram},
 * {@code /v1/alerts/recent}, {@code /v1/freshness}), registered on the same server. The page paths are
 * browser pages ({@link EmbeddedHttpServer#browserPage}): with a token configured, a visitor without a
 * session gets the login form. See docs/dashboard.md.
 */
public final class Dashboard implements AutoCloseable {
    public static final String ROOT_PATH = "/";
    public static final String PAGE_PATH = "/dashboard";
    public static final String FEEDS_HEALTH_PATH = "/v1/feeds/health";
    public static final String DLQ_COUNTS_PATH = "/v1/dlq/counts";

    private static final Logger log = LoggerFactory.getLogger(Dashboard.class);

    private final FeedStates feeds;
    private final DlqCounter dlq;
    private final DashboardSettings settings;
    private final Clock clock;
    private final List<AutoCloseable> resources;
    private final AtomicBoolean closed = new AtomicBoolean();

    private Dashboard(
            FeedStates feeds, DlqCounter dlq, DashboardSettings settings, Clock clock, List<AutoCloseable> resources) {
        this.feeds = feeds;
        this.dlq = dlq;
        this.settings = settings;
        this.clock = clock;
        this.resources = resources;
    }

    /**
     * Adds the page and its two APIs to {@code server} (before it starts) and starts reading the
     * feed states from the cluster {@code config} names. The server closes the dashboard (the
     * reader and the admin client) when it closes; closing it earlier is harmless.
     */
    public static Dashboard register(EmbeddedHttpServer server, NewsradarConfig config) {
        Map<String, Object> client = config.kafkaClientProps();
        DashboardSettings settings = DashboardSettings.from(config);
        FeedStateReader reader = new FeedStateReader(client);
        AdminDlqCounter counter = new AdminDlqCounter(client, Clock.systemUTC(), settings.dlqCacheFor());
        try {
            Dashboard d = register(server, reader, counter, settings, Clock.systemUTC(), List.of(reader, counter));
            server.closeWith(d);
            reader.start();
            return d;
        } catch (RuntimeException e) {
            // a server already started (or closed): nothing may be left running
            reader.close();
            counter.close();
            throw e;
        }
    }

    /**
     * {@link #register(EmbeddedHttpServer, NewsradarConfig)} with the settings {@code app} was built
     * with: the one line for wiring in {@code ScoringHttp.register(app)}.
     */
    public static Dashboard register(EmbeddedHttpServer server, ScoringApp app) {
        return register(server, app.config());
    }

    /** The page and APIs over the given sources: for tests, and for callers that have their own. */
    static Dashboard register(
            EmbeddedHttpServer server,
            FeedStates feeds,
            DlqCounter dlq,
            DashboardSettings settings,
            Clock clock,
            List<AutoCloseable> resources) {
        Dashboard d = new Dashboard(
                Objects.requireNonNull(feeds, "feeds"), Objects.requireNonNull(dlq, "dlq"), settings, clock, resources);
        StaticAsset page = StaticAsset.load("index.html", "text/html; charset=utf-8");
        StaticAsset script = StaticAsset.load("dashboard.js", "text/javascript; charset=utf-8");
        StaticAsset style = StaticAsset.load("dashboard.css", "text/css; charset=utf-8");
        server.browserPage(ROOT_PATH).browserPage(PAGE_PATH);
        server.routes(r -> {
            r.get(ROOT_PATH, page::send);
            r.get(PAGE_PATH, page::send);
            r.get(PAGE_PATH + "/dashboard.js", script::send);
            r.get(PAGE_PATH + "/dashboard.css", style::send);
            r.get(FEEDS_HEALTH_PATH, ctx -> JsonResponses.send(ctx, 200, d.feedsHealth()));
            r.get(DLQ_COUNTS_PATH, ctx -> JsonResponses.send(ctx, 200, d.dlqCounts()));
        });
        return d;
    }

    Map<String, Object> feedsHealth() {
        feeds.failure().ifPresent(why -> {
            throw HttpError.of(503, why);
        });
        Instant now = clock.instant();
        List<FeedHealth> all = FeedHealth.all(feeds.states(), now, settings.staleAfter());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("asOf", now.toString());
        body.put("loaded", feeds.loaded());
        body.put("staleAfterSeconds", settings.staleAfter().toSeconds());
        body.put("stale", all.stream().filter(FeedHealth::stale).count());
        body.put("failing", all.stream().filter(FeedHealth::failing).count());
        body.put("feeds", all.stream().map(Dashboard::feedJson).toList());
        return body;
    }

    Map<String, Object> dlqCounts() {
        List<DlqCounter.DlqCount> counts;
        try {
            counts = dlq.counts();
        } catch (RuntimeException e) {
            log.warn("dashboard: cannot count the dead-letter topics: {}", e.toString());
            throw HttpError.of(503, "cannot count the dead-letter topics: " + e.getMessage());
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("asOf", clock.instant().toString());
        body.put(
                "topics",
                counts.stream()
                        .map(c -> {
                            Map<String, Object> t = new LinkedHashMap<>();
                            t.put("topic", c.topic());
                            t.put("exists", c.records() >= 0);
                            t.put("records", Math.max(0, c.records()));
                            return t;
                        })
                        .toList());
        return body;
    }

    private static Map<String, Object> feedJson(FeedHealth h) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("feedId", h.feedId());
        f.put("lastPollAt", text(h.lastPollAt()));
        f.put("lastSuccessAt", text(h.lastSuccessAt()));
        f.put("nextPollAt", text(h.nextPollAt()));
        f.put("overdueSeconds", h.overdueSeconds());
        f.put("consecutiveErrors", h.consecutiveErrors());
        f.put("lastError", h.lastError());
        f.put("lastStatus", h.lastStatus());
        f.put("polls", h.polls());
        f.put("itemsPublished", h.itemsPublished());
        f.put("stale", h.stale());
        f.put("failing", h.failing());
        return f;
    }

    private static String text(Instant t) {
        return t == null ? null : t.toString();
    }

    /** Stops the feed-state reader and the admin client; idempotent. */
    @Override
    public void close() {
        if (closed.getAndSet(true)) {
            return;
        }
        for (AutoCloseable r : resources) {
            try {
                r.close();
            } catch (Exception e) {
                log.warn("dashboard: closing {} failed: {}", r.getClass().getSimpleName(), e.toString());
            }
        }
    }
}
