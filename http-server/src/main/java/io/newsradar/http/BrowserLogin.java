package io.newsradar.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Set;

/**
 * The routes of browser logins, present when a token is configured: {@code GET /login} (the form),
 * {@code POST /login} (form fields {@code token} and {@code next}: a right token opens a session,
 * sets the cookie and redirects with 303 to {@code next}, a path on this server; a wrong one shows
 * the form again with 401), and {@code POST /logout} (ends the session, clears the cookie, shows
 * the form). These paths are open: they are how a browser gets credentials.
 */
final class BrowserLogin {
    static final Set<String> PATHS = Set.of(LoginPage.PATH, LoginPage.LOGOUT_PATH);

    private final BearerToken token;
    private final BrowserSessions sessions;

    BrowserLogin(BearerToken token, BrowserSessions sessions) {
        this.token = token;
        this.sessions = sessions;
    }

    void addRoutes(RoutesConfig routes) {
        routes.get(LoginPage.PATH, ctx -> LoginPage.send(ctx, 200, "", LoginPage.safeNext(ctx.queryParam("next"))));
        routes.post(LoginPage.PATH, this::login);
        routes.post(LoginPage.LOGOUT_PATH, this::logout);
    }

    private void login(Context ctx) {
        String next = LoginPage.safeNext(ctx.formParam("next"));
        if (!token.matches(ctx.formParam("token"))) {
            LoginPage.send(ctx, 401, "That is not the configured token.", next);
            return;
        }
        LoginPage.noStore(ctx);
        SessionCookie.set(ctx, sessions.open());
        ctx.status(303).header("Location", next);
    }

    private void logout(Context ctx) {
        sessions.close(ctx.cookie(SessionCookie.NAME));
        SessionCookie.clear(ctx);
        LoginPage.send(ctx, 200, "Logged out.", "/");
    }
}
