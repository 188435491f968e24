package io.newsradar.scoring.query;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.newsradar.http.EmbeddedHttpServer;
import io.newsradar.http.HttpError;
import io.newsradar.http.HttpSettings;
import io.newsradar.http.JsonResponses;
import io.newsradar.schemas.config.NewsradarConfig;
import io.newsradar.scoring.ScoringApp;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The interactive-query REST API of scoring-stream on the process's {@link EmbeddedHttpServer}
 * (docs/query-api.md). Every public answer covers the whole application; the internal endpoints
 * ({@code /v1/internal/...}) answer with this instance's part only, for the other instances.
 *
 * <p>Wiring: the routes go on before the server starts, the stream needs the server's port before
 * it is built ({@code application.server}), and the routes need the stream: so register, start the
 * server, build the app with the port advertised, then attach it. Until then every endpoint answers
 * 503.
 *
 * <pre>{@code
 * ScoringApi api = ScoringApi.register(server, QuerySettings.from(config));
 * server.start();
 * ScoringApp app = new ScoringApp(QuerySettings.advertising(config, settings.host(), server.port()));
 * api.attach(app);
 * app.start();
 * }</pre>
 */
public final class ScoringApi {
    static final String TAGS_TOP = "/v1/tags/top";
    static final String ALERTS_RECENT = "/v1/alerts/recent";
    static final String STORIES = "/v1/stories/{id}";
    static final String FRESHNESS = "/v1/freshness";
    static final String SCORES = "/v1/scores/histogram";

    static final int DEFAULT_MINUTES = 60;
    /** The tag windows are kept 2 h by default: a longer range would silently be shorter. */
    static final int MAX_MINUTES = 24 * 60;

    static final int DEFAULT_TAGS = 10;
    static final int DEFAULT_ALERTS = 20;
    static final int MAX_LIMIT = 500;

    private static final Logger LOG = LoggerFactory.getLogger(ScoringApi.class);

    private final PeerClient peers;
    private volatile ClusterQueries queries;
    // sent to the other instances for a caller without an Authorization header of its own (a
    // browser with a session cookie): the token every instance of the application is configured with
    private volatile Optional<String> serviceAuthorization = Optional.empty();

    private ScoringApi(QuerySettings settings) {
        Objects.requireNonNull(settings, "settings");
        this.peers = new PeerClient(settings.peerTimeout());
    }

    /**
     * Adds the routes to {@code server} (before its start) answering from {@code app}, which is
     * built with the server's port advertised ({@link QuerySettings#advertising}): the one line for
     * wiring where the app exists before the server starts ({@code ScoringHttp.register}).
     */
    public static ScoringApi register(EmbeddedHttpServer server, ScoringApp app) {
        ScoringApi api = register(server, app.querySettings());
        api.authenticatingPeersWith(app.config());
        api.attach(app);
        return api;
    }

    /**
     * The token ({@code http.token}) to send to the other instances when the caller came with a
     * browser session rather than a header: the dashboard's page carries only its session cookie,
     * which is valid on this instance alone. A caller's own header is passed on as it came.
     */
    public ScoringApi authenticatingPeersWith(NewsradarConfig config) {
        String token = config.get(HttpSettings.TOKEN);
        serviceAuthorization =
                token == null || token.isBlank() ? Optional.empty() : Optional.of("Bearer " + token.strip());
        return this;
    }

    /** Adds the routes to {@code server} (before its start); they answer 503 until {@link #attach}. */
    public static ScoringApi register(EmbeddedHttpServer server, QuerySettings settings) {
        ScoringApi api = new ScoringApi(settings);
        server.routes(api::routes);
        return api;
    }

    /**
     * Answers from {@code app} from now on: its stores and recorders, and the other instances its
     * Kafka Streams metadata names. Without {@value QuerySettings#ADVERTISED} the app cannot learn
     * the others, and the API answers from this instance alone.
     */
    public void attach(ScoringApp app) {
        Cluster cluster = app.applicationServer()
                .<Cluster>map(self -> new StreamsCluster(app.streams(), self))
                .orElseGet(() -> {
                    LOG.info("no '{}' set: the query API answers from this instance alone", QuerySettings.ADVERTISED);
                    return new LocalCluster();
                });
        attach(new StreamsLocalQueries(app.streams(), app.queryRecorders()), cluster);
    }

    /** For tests: any local part and cluster view. */
    void attach(LocalQueries local, Cluster cluster) {
        this.queries = new ClusterQueries(local, cluster, peers);
    }

    private void routes(RoutesConfig r) {
        r.get(
                TAGS_TOP,
                ctx -> answer(
                        ctx,
                        q -> q.topTags(
                                intParam(ctx, "minutes", DEFAULT_MINUTES, MAX_MINUTES),
                                intParam(ctx, "limit", DEFAULT_TAGS, MAX_LIMIT),
                                auth(ctx))));
        r.get(
                ALERTS_RECENT,
                ctx -> answer(ctx, q -> q.recentAlerts(intParam(ctx, "limit", DEFAULT_ALERTS, MAX_LIMIT), auth(ctx))));
        r.get(STORIES, ctx -> answer(ctx, q -> q.story(ctx.pathParam("id"), auth(ctx))));
        r.get(FRESHNESS, ctx -> answer(ctx, q -> q.freshness(auth(ctx))));
        r.get(SCORES, ctx -> answer(ctx, q -> q.scoreHistogram(auth(ctx))));

        // each instance's own part, for the instance merging them
        r.get(
                ClusterQueries.INTERNAL_TAGS,
                ctx -> local(
                        ctx,
                        l -> Parts.tagMinutes(l.tagMinutes(intParam(ctx, "minutes", DEFAULT_MINUTES, MAX_MINUTES)))));
        r.get(
                ClusterQueries.INTERNAL_ALERTS,
                ctx -> local(
                        ctx, l -> Parts.alerts(l.recentAlerts(intParam(ctx, "limit", DEFAULT_ALERTS, MAX_LIMIT)))));
        r.get(ClusterQueries.INTERNAL_STORIES + "{id}", ctx -> answer(ctx, q -> q.localStory(ctx.pathParam("id"))));
        r.get(
                ClusterQueries.INTERNAL_FRESHNESS,
                ctx -> local(ctx, l -> Parts.freshness(l.fetchedToScored(), l.publishedToScored())));
        r.get(ClusterQueries.INTERNAL_SCORES, ctx -> local(ctx, l -> Parts.scores(l.scoreCounts())));
    }

    private void answer(Context ctx, Function<ClusterQueries, ClusterQueries.Answer> query) {
        ClusterQueries.Answer a;
        try {
            a = query.apply(attached());
        } catch (QueryUnavailableException e) {
            throw HttpError.of(503, e.getMessage());
        }
        JsonResponses.send(ctx, a.status(), a.body());
    }

    private void local(Context ctx, Function<LocalQueries, Map<String, Object>> part) {
        Map<String, Object> body;
        try {
            body = part.apply(attached().local());
        } catch (QueryUnavailableException e) {
            throw HttpError.of(503, e.getMessage());
        }
        JsonResponses.send(ctx, 200, body);
    }

    private ClusterQueries attached() {
        ClusterQueries q = queries;
        if (q == null) {
            throw HttpError.of(503, "the scoring stream is not built yet; retry");
        }
        return q;
    }

    /**
     * The caller's Authorization header, passed on to the other instances as it came; for a caller
     * let in by its session cookie, the configured token (see {@link #authenticatingPeersWith}).
     */
    private Optional<String> auth(Context ctx) {
        String header = ctx.header("Authorization");
        return header != null ? Optional.of(header) : serviceAuthorization;
    }

    static int intParam(Context ctx, String name, int fallback, int max) {
        String v = ctx.queryParam(name);
        if (v == null || v.isBlank()) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(v.strip());
            if (n >= 1 && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw HttpError.of(400, "parameter '" + name + "' must be a whole number from 1 to " + max)
                .withField("parameter", name);
    }
}
