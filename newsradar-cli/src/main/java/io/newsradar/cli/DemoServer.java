package io.newsradar.cli;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.newsradar.http.EmbeddedHttpServer;
import io.newsradar.http.HttpSettings;
import io.newsradar.http.PortReservation;
import io.newsradar.http.ProcessMeters;
import io.newsradar.ingest.ArticlePublisher;
import io.newsradar.ingest.IngestHttp;
import io.newsradar.ingest.push.PushApi;
import io.newsradar.schemas.config.NewsradarConfig;
import io.newsradar.scoring.ScoringApp;
import io.newsradar.scoring.http.ScoringHttp;
import io.newsradar.sink.AlertSink;
import io.newsradar.sink.SinkHttp;
import io.newsradar.sink.SinkMeters;
import java.time.Duration;

/**
 * The demo's one HTTP server and one meter registry for all three services of the process: the
 * push API (ingest), the scoring service's meters and routes, the sink's meters, and
 * {@code /health}, {@code /ready}, {@code /metrics} over all of them.
 *
 * <p>Order (the scoring stream's settings may name the port, see {@link ScoringHttp}): {@link
 * #create} (port chosen, push API registered), build the scoring app and the sink (the sink with
 * {@link #sinkMeters()}), {@link #register}, {@link #start()}; {@link #close()} after the services.
 */
final class DemoServer implements AutoCloseable {
    private final PortReservation port;
    private final EmbeddedHttpServer http;
    private final SinkMeters sinkMeters;
    private final ArticlePublisher pushPublisher;
    private final PushApi push;
    private ScoringHttp scoring;

    private DemoServer(
            PortReservation port,
            EmbeddedHttpServer http,
            SinkMeters sinkMeters,
            ArticlePublisher pushPublisher,
            PushApi push) {
        this.port = port;
        this.http = http;
        this.sinkMeters = sinkMeters;
        this.pushPublisher = pushPublisher;
        this.push = push;
    }

    /** The server on {@code httpPort} (0: any free port, chosen now), with the push API; not started. */
    static DemoServer create(NewsradarConfig config, int httpPort) {
        PortReservation port = PortReservation.reserve(
                HttpSettings.from(config, IngestHttp.DEFAULT_PORT).withPort(httpPort));
        PrometheusMeterRegistry registry = ProcessMeters.newRegistry();
        EmbeddedHttpServer http = new EmbeddedHttpServer(port.settings(), registry);
        ArticlePublisher publisher = null;
        try {
            NewsradarConfig ingest = DemoFeeds.ingestConfig(config);
            publisher = ArticlePublisher.forService(ingest, IngestServe.PUSH_FAIL_FAST);
            PushApi push = PushApi.register(http, ingest, publisher);
            return new DemoServer(port, http, new SinkMeters(registry), publisher, push);
        } catch (RuntimeException e) {
            if (publisher != null) {
                publisher.close(Duration.ZERO);
            }
            port.release();
            throw e;
        }
    }

    /** The sink's meters: hand them to the {@link AlertSink} when building it. */
    SinkMeters sinkMeters() {
        return sinkMeters;
    }

    /** The scoring service's and the sink's meters, readiness checks and routes; before {@link #start()}. */
    void register(ScoringApp app, AlertSink sink) {
        scoring = ScoringHttp.on(http, port.port()).register(app);
        SinkHttp.register(http, sinkMeters, sink);
    }

    /** Binds the port and serves. */
    void start() {
        port.release();
        http.start();
    }

    /** The port, known from {@link #create} on. */
    int port() {
        return port.port();
    }

    /** The server, for readiness checks added later (the feed poller's). */
    EmbeddedHttpServer http() {
        return http;
    }

    @Override
    public void close() {
        try {
            http.close();
            port.release();
        } finally {
            try {
                if (scoring != null) {
                    scoring.close();
                }
                sinkMeters.close();
            } finally {
                push.close();
                pushPublisher.close(Duration.ofSeconds(5));
            }
        }
    }
}
