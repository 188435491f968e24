package io.newsradar.http;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The before-handler that asks for {@code Authorization: Bearer <token>} on every path but the
 * open ones, when a token is configured (RFC 6750). Open: {@code /health} and {@code /ready}, which
 * orchestrators and load balancers probe without credentials and which tell nothing but "up" and
 * the names of failing checks. Everything else, {@code /metrics} and every service API, needs the
 * token: metrics name feeds, topics and volumes, and the APIs write data. Unknown paths need it
 * too, so a caller without the token cannot map the routes.
 *
 * <p>Failures answer 401 with {@code WWW-Authenticate: Bearer realm="newsradar"} (plus
 * {@code error="invalid_token"} for a wrong token) and the JSON error body. Neither the expected
 * nor the presented token ever appears in a response or a log line.
 */
final class BearerAuth implements Handler {
    static final Set<String> OPEN_PATHS = Set.of(EmbeddedHttpServer.HEALTH_PATH, EmbeddedHttpServer.READY_PATH);
    static final String REALM = "Bearer realm=\"newsradar\"";

    private static final String PREFIX = "bearer ";

    private final BearerToken token;

    BearerAuth(BearerToken token) {
        this.token = token;
    }

    @Override
    public void handle(Context ctx) {
        if (OPEN_PATHS.contains(ctx.path())) {
            return;
        }
        Optional<String> presented = presentedToken(ctx.header("Authorization"));
        if (presented.isEmpty()) {
            throw HttpError.of(401, "this endpoint needs the header 'Authorization: Bearer <token>'")
                    .withHeader("WWW-Authenticate", REALM);
        }
        if (!token.matches(presented.get())) {
            throw HttpError.of(401, "the bearer token is not the configured one")
                    .withHeader("WWW-Authenticate", REALM + ", error=\"invalid_token\"");
        }
    }

    /** The token of a {@code Bearer} authorization header (scheme case-insensitive), if it is one. */
    static Optional<String> presentedToken(String header) {
        if (header == null) {
            return Optional.empty();
        }
        String h = header.strip();
        if (h.length() <= PREFIX.length()
                || !h.substring(0, PREFIX.length()).toLowerCase(Locale.ROOT).equals(PREFIX)) {
            return Optional.empty();
        }
        String t = h.substring(PREFIX.length()).strip();
        return t.isEmpty() ? Optional.empty() : Optional.of(t);
    }
}
