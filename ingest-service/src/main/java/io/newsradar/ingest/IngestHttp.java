package io.newsradar.ingest;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.newsradar.http.EmbeddedHttpServer;
import io.newsradar.http.HttpSettings;
import io.newsradar.ingest.push.PushApi;
import io.newsradar.schemas.config.NewsradarConfig;
import java.util.OptionalInt;

/**
 * The HTTP side of a running ingest service, as {@code ingest --serve} wires it: the process's
 * {@link EmbeddedHttpServer} with {@code /health}, {@code /ready}, {@code /metrics} and the push
 * API ({@code POST /v1/articles}). Port {@value #DEFAULT_PORT} unless {@code http.port} or the
 * CLI's port option says otherwise; 0 takes any free port ({@link #port()} tells which).
 *
 * <pre>{@code
 * PrometheusMeterRegistry meters = ProcessMeters.newRegistry();
 * try (ArticlePublisher publisher = ArticlePublisher.forService(config, Duration.ofSeconds(5));
 *         IngestHttp http = IngestHttp.start(config, portOption, meters, publisher)) {
 *     http.server().readinessCheck("feed-poller", poller::isRunning); // more checks: any time
 *     ... run until Ctrl-C ...
 * }
 * }</pre>
 */
public final class IngestHttp implements AutoCloseable {
    /** Ingest's port when nothing else is set; the other services take the next ones. */
    public static final int DEFAULT_PORT = 8081;

    private final EmbeddedHttpServer server;
    private final PushApi push;

    private IngestHttp(EmbeddedHttpServer server, PushApi push) {
        this.server = server;
        this.push = push;
    }

    /**
     * Builds the server with the push API on {@code publisher} and starts it.
     *
     * @param portOverride the CLI's port option, when given; it wins over {@code http.port}
     */
    public static IngestHttp start(
            NewsradarConfig config,
            OptionalInt portOverride,
            PrometheusMeterRegistry meters,
            ArticlePublisher publisher) {
        HttpSettings settings = HttpSettings.from(config, DEFAULT_PORT, portOverride);
        EmbeddedHttpServer server = new EmbeddedHttpServer(settings, meters);
        PushApi push = PushApi.register(server, config, publisher);
        try {
            server.start();
        } catch (RuntimeException e) {
            push.close();
            server.close();
            throw e;
        }
        return new IngestHttp(server, push);
    }

    /** The running server: add readiness checks here; its {@code meters()} is the shared registry. */
    public EmbeddedHttpServer server() {
        return server;
    }

    /** The bound port. */
    public int port() {
        return server.port();
    }

    /** Stops serving (frees the port), then the push API's send thread. */
    @Override
    public void close() {
        try {
            server.close();
        } finally {
            push.close();
        }
    }
}
