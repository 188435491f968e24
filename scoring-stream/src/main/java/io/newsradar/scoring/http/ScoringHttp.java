package io.newsradar.scoring.http;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.newsradar.http.EmbeddedHttpServer;
import io.newsradar.http.HttpSettings;
import io.newsradar.http.PortReservation;
import io.newsradar.schemas.config.NewsradarConfig;
import io.newsradar.scoring.ScoringApp;
import io.newsradar.scoring.dashboard.Dashboard;
import io.newsradar.scoring.query.QuerySettings;
import io.newsradar.scoring.query.ScoringApi;
import java.util.Objects;
import java.util.OptionalInt;
import org.apache.kafka.streams.KafkaStreams;

/**
 * The HTTP side of the scoring service: {@code /health}, {@code /ready}, {@code /metrics} with the
 * {@link ScoringMeters}, and the scoring routes, on the process's one {@link EmbeddedHttpServer}.
 *
 * <p>The order matters, because Kafka Streams' interactive queries need this instance's
 * host:port ({@code application.server}) when the {@link KafkaStreams} object is built, and the
 * server takes routes only before it starts:
 *
 * <ol>
 *   <li>{@link #create} (the {@code score} command's own server) or {@link #on} (a server the
 *       caller owns, e.g. the demo's): the port is known now ({@link #port()}; a port of 0 is
 *       chosen and held, see {@link PortReservation}), nothing serves yet;
 *   <li>build the {@link ScoringApp} with that port in its settings;
 *   <li>{@link #register(ScoringApp)}: meters, the readiness check and the routes of the scoring
 *       service (the query API and the dashboard register theirs there);
 *   <li>{@link #start()}: binds the port and serves (a no-op for a server the caller owns, which
 *       the caller starts once every service of the process has registered);
 *   <li>{@link #close()}: stops the meters' binder, then the server it owns.
 * </ol>
 *
 * <pre>{@code
 * PrometheusMeterRegistry meters = ProcessMeters.newRegistry();
 * try (ScoringHttp http = ScoringHttp.create(config, portOption, meters)) {
 *     ScoringApp app = new ScoringApp(http.advertised(config), rules);
 *     http.register(app).start();
 *     app.start();
 *     ...
 * }
 * }</pre>
 *
 * <p>Ready ({@code GET /ready}) while the stream is {@code RUNNING} or {@code REBALANCING}: a
 * rebalance is a normal, short phase of a healthy instance (a load balancer should not drop it for
 * one); {@code CREATED} (not started yet), {@code PENDING_SHUTDOWN}, {@code NOT_RUNNING},
 * {@code PENDING_ERROR} and {@code ERROR} are not ready.
 */
public final class ScoringHttp implements AutoCloseable {
    /** The scoring service's port when nothing else is set (ingest 8081, sink 8083). */
    public static final int DEFAULT_PORT = 8082;
    /** The name of the readiness check this adds. */
    public static final String READINESS_CHECK = "scoring-stream";

    private final EmbeddedHttpServer server;
    private final PortReservation reservation; // null for a server the caller owns
    private final int port;
    private ScoringMeters meters;

    private ScoringHttp(EmbeddedHttpServer server, PortReservation reservation, int port) {
        this.server = server;
        this.reservation = reservation;
        this.port = port;
    }

    /**
     * The {@code score} command's server, not started: {@code http.port} (default {@value
     * #DEFAULT_PORT}), or {@code portOverride} (the CLI's option) when given; 0 takes a free port,
     * chosen now.
     */
    public static ScoringHttp create(NewsradarConfig config, OptionalInt portOverride, PrometheusMeterRegistry meters) {
        HttpSettings settings = HttpSettings.from(config, DEFAULT_PORT, portOverride);
        PortReservation reservation = PortReservation.reserve(settings);
        return new ScoringHttp(new EmbeddedHttpServer(reservation.settings(), meters), reservation, reservation.port());
    }

    /**
     * The scoring service on a server the caller owns and starts (the demo's one server);
     * {@code port} is the port it will bind.
     */
    public static ScoringHttp on(EmbeddedHttpServer server, int port) {
        return new ScoringHttp(Objects.requireNonNull(server, "server"), null, port);
    }

    /** The port the server binds (or has bound); known before {@link #start()}. */
    public int port() {
        return port;
    }

    /**
     * {@code config} with this server's address advertised to the other instances of the
     * application ({@code scoring.advertised.url}, unless the operator set it): build the {@link
     * ScoringApp} with it, so the query API can find the instance holding a key.
     */
    public NewsradarConfig advertised(NewsradarConfig config) {
        return advertised(config, port);
    }

    /** {@link #advertised(NewsradarConfig)} for a server on {@code port} that the caller owns. */
    public static NewsradarConfig advertised(NewsradarConfig config, int port) {
        return QuerySettings.advertising(config, config.get(HttpSettings.HOST), port);
    }

    /** The line a command prints for the dashboard and the query API of a server on {@code port}. */
    public static String dashboardBanner(int port) {
        return "dashboard at http://127.0.0.1:" + port + "/ (live tags, scores, alerts, feed health, DLQ counts,"
                + " freshness); query API under http://127.0.0.1:" + port + "/v1/ (docs/query-api.md)";
    }

    /** The server, for routes and readiness checks of other parts of the process. */
    public EmbeddedHttpServer server() {
        return server;
    }

    /**
     * The scoring service's meters, readiness check and routes for {@code app}; before the server
     * starts (routes can only be added then). Once per instance.
     */
    public synchronized ScoringHttp register(ScoringApp app) {
        Objects.requireNonNull(app, "app");
        if (meters != null) {
            throw new IllegalStateException("the scoring service is registered already");
        }
        meters = ScoringMeters.bind(server.meters(), app);
        server.readinessCheck(READINESS_CHECK, () -> isReady(app.state()));
        // the scoring routes: the interactive-query API and the dashboard page with its two APIs
        ScoringApi.register(server, app);
        Dashboard.register(server, app);
        return this;
    }

    /** Binds the port and serves; for a server the caller owns, nothing (the caller starts it). */
    public ScoringHttp start() {
        if (reservation != null) {
            reservation.release();
            server.start();
        }
        return this;
    }

    /** Whether a stream in {@code state} counts as ready (see the class comment). */
    static boolean isReady(KafkaStreams.State state) {
        return state == KafkaStreams.State.RUNNING || state == KafkaStreams.State.REBALANCING;
    }

    /** Removes the meters and stops their refresh thread; stops the server when this owns it. */
    @Override
    public synchronized void close() {
        try {
            if (meters != null) {
                meters.close();
            }
        } finally {
            if (reservation != null) {
                reservation.release();
                server.close();
            }
        }
    }
}
