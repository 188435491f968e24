package io.newsradar.sink;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.newsradar.http.EmbeddedHttpServer;
import io.newsradar.http.HttpSettings;
import io.newsradar.schemas.config.NewsradarConfig;
import java.util.OptionalInt;

/**
 * The HTTP side of the alert sink, as {@code newsradar sink} wires it: the process's {@link
 * EmbeddedHttpServer} with {@code /health}, {@code /ready} (ready while the sink's loop runs) and
 * {@code /metrics} (the {@link SinkMeters} and the JVM's). Port {@value #DEFAULT_PORT} unless
 * {@code http.port} or the CLI's option says otherwise; 0 takes any free port ({@link #port()}).
 *
 * <pre>{@code
 * PrometheusMeterRegistry registry = ProcessMeters.newRegistry();
 * SinkMeters meters = new SinkMeters(registry);
 * AlertSink sink = new AlertSink(config, destinations, alert -> true, meters);
 * try (SinkHttp http = SinkHttp.start(config, portOption, registry, meters, sink)) {
 *     ... run the sink ...
 * }
 * }</pre>
 */
public final class SinkHttp implements AutoCloseable {
    /** The sink's port when nothing else is set (ingest 8081, scoring 8082). */
    public static final int DEFAULT_PORT = 8083;
    /** The name of the readiness check the sink adds. */
    public static final String READINESS_CHECK = "alert-sink";

    private final EmbeddedHttpServer server;
    private final SinkMeters meters;

    private SinkHttp(EmbeddedHttpServer server, SinkMeters meters) {
        this.server = server;
        this.meters = meters;
    }

    /**
     * Binds {@code meters} to {@code sink}, builds the server and starts it.
     *
     * @param portOverride the CLI's port option, when given; it wins over {@code http.port}
     */
    public static SinkHttp start(
            NewsradarConfig config,
            OptionalInt portOverride,
            PrometheusMeterRegistry registry,
            SinkMeters meters,
            AlertSink sink) {
        HttpSettings settings = HttpSettings.from(config, DEFAULT_PORT, portOverride);
        EmbeddedHttpServer server = new EmbeddedHttpServer(settings, registry);
        try {
            register(server, meters, sink);
            server.start();
        } catch (RuntimeException e) {
            server.close();
            meters.close();
            throw e;
        }
        return new SinkHttp(server, meters);
    }

    /**
     * The sink's meters and readiness check on a server someone else owns and starts (the demo's
     * one server); the caller closes {@code meters}.
     */
    public static void register(EmbeddedHttpServer server, SinkMeters meters, AlertSink sink) {
        meters.bind(sink);
        server.readinessCheck(READINESS_CHECK, sink::isRunning);
    }

    /** The bound port. */
    public int port() {
        return server.port();
    }

    public EmbeddedHttpServer server() {
        return server;
    }

    /** Stops serving (frees the port), then removes the meters. */
    @Override
    public void close() {
        try {
            server.close();
        } finally {
            meters.close();
        }
    }
}
