package io.newsradar.ingest.service;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One RSS 2.0 feed served over real HTTP on a free loopback port, for the poller's end-to-end
 * tests. Every version of the feed (its item count) has an ETag naming it and a Last-Modified of
 * when it changed; a request whose If-None-Match names the current ETag gets a 304. On demand the
 * next request gets a 429 with Retry-After, or is held until the test lets it answer. Every
 * request is recorded with when it arrived and when it was answered.
 */
final class RssFeedServer implements AutoCloseable {
    /** The one path the feed lives at. */
    static final String PATH = "/feed.xml";

    /**
     * One request as the server saw it.
     *
     * @param arrivedAt  when the request arrived (before any hold)
     * @param answeredAt just before the status line was sent
     */
    record Request(Instant arrivedAt, String ifNoneMatch, String ifModifiedSince, int status, Instant answeredAt) {}

    /** An item of the feed: its number and publish time. */
    record Item(int number, Instant published) {
        String link() {
            return "https://wire.example.org/story-" + number;
        }
    }

    /** What a request sees of the feed: the items and their validators, taken together. */
    private record Version(List<Item> items, String etag, String lastModified) {}

    /** Runs inside the next request before it answers. */
    private interface Hold {
        void await() throws InterruptedException;
    }

    private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.RFC_1123_DATE_TIME;

    private final HttpServer server;
    // handlers off the dispatcher thread: a held request must not keep stop() waiting
    private final ExecutorService handlers = Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "rss-feed-server");
        t.setDaemon(true);
        return t;
    });
    private final List<Item> items = new ArrayList<>(); // guarded by this
    private String lastModified = ""; // guarded by this
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final AtomicReference<Duration> refuseNext = new AtomicReference<>();
    private final AtomicReference<Hold> holdNext = new AtomicReference<>();

    RssFeedServer() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext(PATH, this::handle);
        server.setExecutor(handlers);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + PATH;
    }

    /** Adds {@code count} items published a minute ago (fresh news): a new version of the feed. */
    synchronized List<Item> addItems(int count) {
        Instant now = Instant.now();
        List<Item> added = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Item item =
                    new Item(items.size() + 1, now.minus(Duration.ofMinutes(1)).truncatedTo(ChronoUnit.SECONDS));
            items.add(item);
            added.add(item);
        }
        lastModified = HTTP_DATE.format(now.atOffset(ZoneOffset.UTC));
        return added;
    }

    /** The ETag of the feed as it is now. */
    synchronized String etag() {
        return etagOf(items.size());
    }

    synchronized String lastModified() {
        return lastModified;
    }

    /** The next request gets a 429 with {@code Retry-After: <seconds>}. */
    void refuseNext(Duration retryAfter) {
        refuseNext.set(retryAfter);
    }

    /**
     * The next request counts {@code arrived} down and answers only once {@code release} is
     * counted down (at most a minute), with the feed as it is then.
     */
    void holdNext(CountDownLatch arrived, CountDownLatch release) {
        holdNext.set(() -> {
            arrived.countDown();
            if (!release.await(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the held request was never released");
            }
        });
    }

    List<Request> requests() {
        return List.copyOf(requests);
    }

    private static String etagOf(int version) {
        return "\"v" + version + "\"";
    }

    private synchronized Version version() {
        return new Version(List.copyOf(items), etagOf(items.size()), lastModified);
    }

    private void handle(HttpExchange ex) throws IOException {
        Instant arrived = Instant.now();
        try {
            Hold hold = holdNext.getAndSet(null);
            if (hold != null) {
                hold.await();
            }
            String ifNoneMatch = ex.getRequestHeaders().getFirst("If-None-Match");
            String ifModifiedSince = ex.getRequestHeaders().getFirst("If-Modified-Since");
            Duration refuse = refuseNext.getAndSet(null);
            Version v = version();
            if (refuse != null) {
                ex.getResponseHeaders().add("Retry-After", String.valueOf(refuse.toSeconds()));
                answer(ex, new Request(arrived, ifNoneMatch, ifModifiedSince, 429, Instant.now()), null);
            } else if (v.etag().equals(ifNoneMatch)) {
                ex.getResponseHeaders().add("ETag", v.etag());
                answer(ex, new Request(arrived, ifNoneMatch, ifModifiedSince, 304, Instant.now()), null);
            } else {
                ex.getResponseHeaders().add("ETag", v.etag());
                ex.getResponseHeaders().add("Last-Modified", v.lastModified());
                ex.getResponseHeaders().add("Content-Type", "application/rss+xml; charset=utf-8");
                answer(ex, new Request(arrived, ifNoneMatch, ifModifiedSince, 200, Instant.now()), rss(v.items()));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            ex.sendResponseHeaders(500, -1);
        } finally {
            ex.close();
        }
    }

    /** Records the request, then sends the answer: a client sees it only after it is recorded. */
    private void answer(HttpExchange ex, Request request, byte[] body) throws IOException {
        requests.add(request);
        ex.sendResponseHeaders(request.status(), body == null ? -1 : body.length);
        if (body != null) {
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private static byte[] rss(List<Item> items) {
        StringBuilder sb =
                new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\"><channel>"
                        + "<title>HTTP Wire</title><link>https://wire.example.org/</link>"
                        + "<description>Test wire</description><language>en</language>");
        // newest first, as feeds list them
        for (int i = items.size() - 1; i >= 0; i--) {
            Item item = items.get(i);
            sb.append("<item><title>Story ")
                    .append(item.number())
                    .append(" of the wire</title><link>")
                    .append(item.link())
                    .append("</link><guid>")
                    .append(item.link())
                    .append("</guid><description>The body of story ")
                    .append(item.number())
                    .append(", told in a few plain words.</description><pubDate>")
                    .append(HTTP_DATE.format(item.published().atOffset(ZoneOffset.UTC)))
                    .append("</pubDate></item>");
        }
        return sb.append("</channel></rss>").toString().getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        server.stop(0);
        handlers.shutdownNow(); // interrupts a request still held
    }
}
