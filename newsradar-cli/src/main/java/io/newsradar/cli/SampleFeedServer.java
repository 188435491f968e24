package io.newsradar.cli;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.newsradar.schemas.hash.Sha256;
import java.io.IOException;
import java.io.OutputStream;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The demo's stand-in for outlets' web servers: serves the sample feed files of one directory on
 * 127.0.0.1 the way a well-behaved server does (ETag and Last-Modified, 304 Not Modified on a
 * matching conditional request), so the demo's poller shows real polling: a first fetch, then 304s.
 * Files are read on every request, so editing a sample while the demo runs publishes its new items.
 * Only names in the directory are served (no paths); anything else is a 404.
 */
final class SampleFeedServer implements AutoCloseable {
    private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.RFC_1123_DATE_TIME.withLocale(Locale.ROOT);

    private final HttpServer server;
    private final Path dir;
    private final AtomicLong fullResponses = new AtomicLong();
    private final AtomicLong notModified = new AtomicLong();

    private SampleFeedServer(HttpServer server, Path dir) {
        this.server = server;
        this.dir = dir;
    }

    /**
     * Starts serving {@code dir} on 127.0.0.1 at {@code port}, or on a free port when it is 0 or
     * taken (the demo keeps its port between runs so the feed URLs, and so their ids, stay the same).
     */
    static SampleFeedServer start(Path dir, int port) throws IOException {
        HttpServer server;
        InetAddress loopback = InetAddress.getLoopbackAddress();
        try {
            server = HttpServer.create(new InetSocketAddress(loopback, port), 0);
        } catch (BindException e) {
            server = HttpServer.create(new InetSocketAddress(loopback, 0), 0);
        }
        SampleFeedServer s = new SampleFeedServer(server, dir.toAbsolutePath().normalize());
        server.createContext("/", s::handle);
        server.start();
        return s;
    }

    int port() {
        return server.getAddress().getPort();
    }

    /** The URL of a file of the served directory. */
    String urlOf(String fileName) {
        return "http://127.0.0.1:" + port() + "/" + fileName;
    }

    /** The feed files served (xml, rss, atom, json), sorted by name. */
    List<String> feedFiles() throws IOException {
        List<String> names = new ArrayList<>();
        try (var stream = Files.newDirectoryStream(dir, "*.{xml,rss,atom,json}")) {
            stream.forEach(p -> names.add(p.getFileName().toString()));
        }
        names.sort(Comparator.naturalOrder());
        return names;
    }

    long fullResponses() {
        return fullResponses.get();
    }

    long notModifiedResponses() {
        return notModified.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String name = exchange.getRequestURI().getPath().substring(1);
            Path file = dir.resolve(name).normalize();
            boolean servable =
                    !name.isEmpty() && !name.contains("/") && file.getParent().equals(dir) && Files.isRegularFile(file);
            if (!exchange.getRequestMethod().equals("GET") || !servable) {
                exchange.sendResponseHeaders(servable ? 405 : 404, -1);
                return;
            }
            byte[] body = Files.readAllBytes(file);
            String etag = "\"" + Sha256.hex(body).substring(0, 16) + "\"";
            Instant modified = Files.getLastModifiedTime(file).toInstant().truncatedTo(ChronoUnit.SECONDS);
            exchange.getResponseHeaders().set("ETag", etag);
            exchange.getResponseHeaders().set("Last-Modified", HTTP_DATE.format(modified.atZone(ZoneOffset.UTC)));
            exchange.getResponseHeaders().set("Cache-Control", "max-age=60");
            if (unchanged(exchange, etag, modified)) {
                notModified.incrementAndGet();
                exchange.sendResponseHeaders(304, -1);
                return;
            }
            exchange.getResponseHeaders().set("Content-Type", contentType(name));
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
            fullResponses.incrementAndGet();
        }
    }

    /** RFC 9110: If-None-Match decides when present; If-Modified-Since only without it. */
    private static boolean unchanged(HttpExchange exchange, String etag, Instant modified) {
        String ifNoneMatch = exchange.getRequestHeaders().getFirst("If-None-Match");
        if (ifNoneMatch != null) {
            for (String tag : ifNoneMatch.split(",")) {
                String t = tag.strip();
                if (t.equals("*") || t.equals(etag) || t.equals("W/" + etag)) {
                    return true;
                }
            }
            return false;
        }
        String ifModifiedSince = exchange.getRequestHeaders().getFirst("If-Modified-Since");
        if (ifModifiedSince == null) {
            return false;
        }
        try {
            return !modified.isAfter(
                    ZonedDateTime.parse(ifModifiedSince, HTTP_DATE).toInstant());
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private static String contentType(String name) {
        if (name.endsWith(".atom") || name.endsWith(".atom.xml")) {
            return "application/atom+xml; charset=utf-8";
        }
        if (name.endsWith(".json")) {
            return "application/feed+json; charset=utf-8";
        }
        return name.endsWith(".rss") || name.endsWith(".rss.xml")
                ? "application/rss+xml; charset=utf-8"
                : "application/xml";
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
