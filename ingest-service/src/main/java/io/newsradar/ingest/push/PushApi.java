package io.newsradar.ingest.push;

import io.newsradar.http.EmbeddedHttpServer;
import io.newsradar.ingest.ArticleNormalizer;
import io.newsradar.ingest.ArticlePublisher;
import io.newsradar.ingest.JsonLinesArticleReader;
import io.newsradar.schemas.config.NewsradarConfig;

/**
 * The push API of ingest-service on the process's {@link EmbeddedHttpServer}:
 * {@code POST /v1/articles}. Register it before the server starts; close it after the server
 * stopped (it owns the thread that sends).
 *
 * <pre>{@code
 * try (PushApi push = PushApi.register(http, config, publisher)) {
 *     http.start();
 *     ...
 * }
 * }</pre>
 */
public final class PushApi implements AutoCloseable {
    /** The one push path; a later incompatible API gets {@code /v2/...} beside it. */
    public static final String PATH = "/v1/articles";
    /** The readiness check this API adds: false once the publisher gave up on the cluster. */
    public static final String READINESS_CHECK = "kafka-publisher";

    private final AckWait acks;

    private PushApi(AckWait acks) {
        this.acks = acks;
    }

    /** The push API on {@code server}, publishing through the service's {@code publisher}. */
    public static PushApi register(EmbeddedHttpServer server, NewsradarConfig config, ArticlePublisher publisher) {
        server.readinessCheck(READINESS_CHECK, () -> publisher.failure().isEmpty());
        return register(server, PushSettings.from(config), new ArticleNormalizer(), publisher::publish);
    }

    /** With any publisher and normaliser (tests). */
    static PushApi register(
            EmbeddedHttpServer server, PushSettings settings, ArticleNormalizer normalizer, PushPublisher publisher) {
        AckWait acks = new AckWait(publisher, settings.ackTimeout());
        PushHandler handler = new PushHandler(settings, new JsonLinesArticleReader(normalizer), acks, server.meters());
        server.routes(routes -> routes.post(PATH, handler));
        return new PushApi(acks);
    }

    @Override
    public void close() {
        acks.close();
    }
}
