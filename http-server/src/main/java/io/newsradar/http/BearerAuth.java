package io.newsradar.http;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The before-handler that asks for credentials on every path but the open ones, when a token is
 * configured. Credentials are either {@code Authorization: Bearer <token>} (RFC 6750; scripts,
 * Prometheus, peers) or the browser session cookie ({@link SessionCookie}) that a browser gets by
 * showing the token once: on the login form ({@link BrowserLogin}) or with a one-time {@code
 * ?token=} on a browser page's URL, which is exchanged at once for the cookie and redirected away
 * (303 to the same path without the token), so the token leaves the address bar and the history.
 * A page cannot put a header on an EventSource or on a link; the cookie is what it sends.
 *
 * <p>Open: {@code /health} and {@code /ready}, which orchestrators and load balancers probe without
 * credentials and which tell nothing but "up" and the names of failing checks; and the login form.
 * Everything else, {@code /metrics} and every service API, needs credentials: metrics name feeds,
 * topics and volumes, and the APIs write data. Unknown paths need them too, so a caller without
 * the token cannot map the routes.
 *
 * <p>Failures on a browser page (a path the services registered with {@link
 * EmbeddedHttpServer#browserPage}) answer 401 with the login form; everywhere else 401 with {@code
 * WWW-Authenticate: Bearer realm="newsradar"} (plus {@code error="invalid_token"} for a wrong token)
 * and the JSON error body. Neither the expected nor a presented token, nor a session id, ever
 * appears in a response or a log line.
 */
final class BearerAuth implements Handler {
    static final Set<String> OPEN_PATHS = Set.of(EmbeddedHttpServer.HEALTH_PATH, EmbeddedHttpServer.READY_PATH);
    static final String REALM = "Bearer realm=\"newsradar\"";
    /** The one-time query parameter of a browser page's link. */
    static final String TOKEN_PARAM = "token";

    private static final String PREFIX = "bearer ";

    private final BearerToken token;
    private final BrowserSessions sessions;
    private final Set<String> browserPages;

    BearerAuth(BearerToken token, BrowserSessions sessions, Set<String> browserPages) {
        this.token = token;
        this.sessions = sessions;
        this.browserPages = Set.copyOf(browserPages);
    }

    @Override
    public void handle(Context ctx) {
        String path = ctx.path();
        if (OPEN_PATHS.contains(path) || BrowserLogin.PATHS.contains(path)) {
            return;
        }
        boolean page = browserPages.contains(path) && ctx.method() == HandlerType.GET;
        if (page && ctx.queryParam(TOKEN_PARAM) != null) {
            exchangeQueryToken(ctx);
            return;
        }
        String header = ctx.header("Authorization");
        if (header != null) {
            Optional<String> presented = presentedToken(header);
            if (presented.isPresent() && token.matches(presented.get())) {
                return;
            }
            if (presented.isPresent()) {
                throw HttpError.of(401, "the bearer token is not the configured one")
                        .withHeader("WWW-Authenticate", REALM + ", error=\"invalid_token\"");
            }
        }
        if (sessions.isValid(ctx.cookie(SessionCookie.NAME))) {
            return;
        }
        if (page) {
            String message = ctx.cookie(SessionCookie.NAME) == null
                    ? "Log in with the access token to see this page."
                    : "Your session has ended (expired, logged out or the server restarted): log in again.";
            LoginPage.send(ctx, 401, message, pathWithQuery(ctx));
            ctx.skipRemainingHandlers();
            return;
        }
        throw HttpError.of(
                        401,
                        "this endpoint needs the header 'Authorization: Bearer <token>' or a browser session"
                                + " (log in at " + LoginPage.PATH + ")")
                .withHeader("WWW-Authenticate", REALM);
    }

    /**
     * {@code GET /page?token=...}: a right token opens a session and redirects to the page without
     * the token; a wrong one gets the login form (no cookie, no redirect).
     */
    private void exchangeQueryToken(Context ctx) {
        LoginPage.noStore(ctx);
        if (!token.matches(ctx.queryParam(TOKEN_PARAM))) {
            LoginPage.send(ctx, 401, "The link's token is not the configured one: log in.", ctx.path());
            ctx.skipRemainingHandlers();
            return;
        }
        SessionCookie.set(ctx, sessions.open());
        String rest = QueryStrings.without(ctx.queryString(), TOKEN_PARAM);
        ctx.status(303).header("Location", rest.isEmpty() ? ctx.path() : ctx.path() + "?" + rest);
        ctx.skipRemainingHandlers();
    }

    private static String pathWithQuery(Context ctx) {
        String q = ctx.queryString();
        return q == null || q.isEmpty() ? ctx.path() : ctx.path() + "?" + q;
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
