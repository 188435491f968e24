package io.newsradar.http;

import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.newsradar.schemas.config.Secrets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one embedded HTTP server of a process (Javalin on Jetty). Create it once in {@code main},
 * let every service of the process add its routes, readiness checks and meters, then
 * {@link #start()}; {@link #close()} stops it and frees the port.
 *
 * <pre>{@code
 * PrometheusMeterRegistry meters = ProcessMeters.newRegistry();
 * EmbeddedHttpServer http = new EmbeddedHttpServer(HttpSettings.from(config, 8081), meters);
 * http.routes(r -> r.post("/v1/articles", pushHandler));   // before start()
 * http.readinessCheck("kafka-producer", () -> publisher.failure().isEmpty());
 * Counter.builder("newsradar.push.articles").register(http.meters());
 * http.start();
 * int port = http.port();
 * }</pre>
 *
 * <p>Built in:
 *
 * <ul>
 *   <li>{@code GET /health}: 200 while the process serves requests (liveness).
 *   <li>{@code GET /ready}: 200 when every readiness check passes, else 503 naming the failing ones.
 *   <li>{@code GET /metrics}: the shared registry in the Prometheus text format.
 *   <li>With a token configured, every path but {@code /health}, {@code /ready} and the login
 *       form requires it, as a bearer header or as a browser session cookie got by showing the
 *       token once ({@link BearerAuth}, {@link BrowserLogin}).
 *   <li>Every error, Javalin's own 404/405 included, has the JSON body {@code {"error": ...}};
 *       handlers end a request with an error by throwing {@link HttpError}.
 * </ul>
 *
 * <p>Javalin is told to stay quiet (no banner, no request log): a request log could carry
 * {@code Authorization} headers, and the logging config keeps {@code io.javalin} and
 * {@code org.eclipse.jetty} at WARN.
 */
public final class EmbeddedHttpServer implements AutoCloseable {
    public static final String HEALTH_PATH = "/health";
    public static final String READY_PATH = "/ready";
    public static final String METRICS_PATH = "/metrics";

    /** The Prometheus text exposition format, version 0.0.4, which {@code scrape()} writes. */
    static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

    private static final Logger log = LoggerFactory.getLogger(EmbeddedHttpServer.class);

    private final HttpSettings settings;
    private final PrometheusMeterRegistry meters;
    private final ReadinessChecks readiness = new ReadinessChecks();
    private final List<Consumer<RoutesConfig>> serviceRoutes = new ArrayList<>();
    private final Set<String> browserPages = new LinkedHashSet<>();
    private final List<AutoCloseable> closeWith = new ArrayList<>();
    private Javalin app;
    private boolean stopped;

    public EmbeddedHttpServer(HttpSettings settings, PrometheusMeterRegistry meters) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.meters = Objects.requireNonNull(meters, "meters");
    }

    /**
     * Adds a service's routes. Javalin 7 takes routes only before the server starts, so this throws
     * once {@link #start()} has run. Every route the service adds is behind the bearer token.
     */
    public synchronized EmbeddedHttpServer routes(Consumer<RoutesConfig> routes) {
        requireNotStarted("routes");
        serviceRoutes.add(Objects.requireNonNull(routes, "routes"));
        return this;
    }

    /**
     * Marks {@code path} as a page people open in a browser (the dashboard): with a token
     * configured, a request without credentials gets the login form (401, HTML) instead of the
     * JSON error, and a {@code ?token=} on its URL is exchanged for a session cookie and redirected
     * away ({@link BearerAuth}). The service still adds the route itself, with {@link #routes}.
     */
    public synchronized EmbeddedHttpServer browserPage(String path) {
        requireNotStarted("browserPage");
        if (path == null || !path.startsWith("/")) {
            throw new IllegalArgumentException("a browser page's path starts with '/': " + path);
        }
        browserPages.add(path);
        return this;
    }

    /**
     * Adds a readiness check, asked on every {@code GET /ready}: cheap and non-blocking (see
     * {@link ReadinessChecks}). May be added after the start too.
     */
    public EmbeddedHttpServer readinessCheck(String name, BooleanSupplier ready) {
        readiness.add(name, ready);
        return this;
    }

    /** The process's registry: services register their meters here. */
    public MeterRegistry meters() {
        return meters;
    }

    /**
     * Binds the port and serves.
     *
     * @throws IllegalStateException when started twice or after {@link #close()}
     * @throws io.javalin.util.JavalinBindException when the port is taken
     */
    public synchronized EmbeddedHttpServer start() {
        requireNotStarted("start");
        Javalin created = Javalin.create(this::configure);
        app = created;
        created.start(settings.host(), settings.port());
        log.info(
                "HTTP server on port {} ({}; {} and {} open)",
                created.port(),
                settings.token().isPresent() ? "bearer token required" : "no token configured",
                HEALTH_PATH,
                READY_PATH);
        return this;
    }

    /** The bound port (the chosen one when the settings asked for 0). */
    public synchronized int port() {
        if (app == null) {
            throw new IllegalStateException("the HTTP server is not started");
        }
        return app.port();
    }

    /** Stops serving and frees the port; idempotent. */
    @Override
    public synchronized void close() {
        stopped = true;
        if (app != null) {
            app.stop();
            app = null;
        }
        // after the stop: no request still uses them
        for (int i = closeWith.size() - 1; i >= 0; i--) {
            AutoCloseable r = closeWith.remove(i);
            try {
                r.close();
            } catch (Exception e) {
                log.warn(
                        "closing {} with the HTTP server failed: {}",
                        r.getClass().getSimpleName(),
                        Secrets.scrub(e.toString()));
            }
        }
    }

    /**
     * Closes {@code resource} when this server closes, after it stopped serving (last added, first
     * closed): for what a service's routes read from, such as the dashboard's background readers.
     */
    public synchronized EmbeddedHttpServer closeWith(AutoCloseable resource) {
        if (stopped) {
            throw new IllegalStateException("the HTTP server is closed already");
        }
        closeWith.add(Objects.requireNonNull(resource, "resource"));
        return this;
    }

    private void requireNotStarted(String what) {
        if (app != null || stopped) {
            throw new IllegalStateException("cannot " + what + ": the HTTP server has already been started");
        }
    }

    private void configure(JavalinConfig config) {
        config.startup.showJavalinBanner = false;
        // it compares the build date with the clock and warns: noise on a long-lived deployment
        config.startup.showOldJavalinVersionWarning = false;
        // 405 for a known path with another method, rather than 404
        config.http.prefer405over404 = true;
        // the handlers read bodies themselves, bounded (BoundedBody); this only guards ctx.body()
        config.http.maxRequestSize = 1024 * 1024;
        RoutesConfig routes = config.routes;
        settings.token().ifPresent(token -> {
            // sessions of browsers that logged in with the token: one store per server start
            BrowserSessions sessions = new BrowserSessions(Clock.systemUTC());
            routes.before(new BearerAuth(token, sessions, browserPages));
            new BrowserLogin(token, sessions).addRoutes(routes);
        });
        routes.get(HEALTH_PATH, ctx -> JsonResponses.send(ctx, 200, Map.of("status", "up")));
        routes.get(READY_PATH, this::ready);
        routes.get(
                METRICS_PATH,
                ctx -> ctx.status(200).contentType(PROMETHEUS_TEXT).result(meters.scrape()));
        serviceRoutes.forEach(r -> r.accept(routes));
        routes.exception(HttpError.class, (e, ctx) -> JsonResponses.error(ctx, e));
        // Javalin's own 404, 405, 413...: same body shape as ours
        routes.exception(HttpResponseException.class, (e, ctx) -> JsonResponses.error(ctx, fromJavalin(e)));
        routes.exception(Exception.class, EmbeddedHttpServer::unexpected);
    }

    private void ready(Context ctx) {
        List<String> failed = readiness.failing();
        if (failed.isEmpty()) {
            JsonResponses.send(ctx, 200, Map.of("status", "ready", "checks", readiness.names()));
        } else {
            JsonResponses.error(ctx, HttpError.of(503, "not ready").withField("failed", failed));
        }
    }

    private static HttpError fromJavalin(HttpResponseException e) {
        String message = e.getMessage() == null || e.getMessage().isBlank() ? "HTTP " + e.getStatus() : e.getMessage();
        return HttpError.of(e.getStatus(), message.toLowerCase(Locale.ROOT));
    }

    /** A handler's bug: logged here, answered without details. */
    private static void unexpected(Exception e, Context ctx) {
        String text = Secrets.scrub(e.toString());
        if (text.equals(e.toString())) {
            log.error("{} {} failed", ctx.method(), ctx.path(), e);
        } else {
            // the message held something that looks like a credential: no stack trace, which repeats it
            log.error("{} {} failed: {}", ctx.method(), ctx.path(), text);
        }
        JsonResponses.error(ctx, HttpError.of(500, "internal error"));
    }
}
