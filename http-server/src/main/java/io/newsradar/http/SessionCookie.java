package io.newsradar.http;

import io.javalin.http.Context;
import java.util.Locale;

/**
 * The browser session cookie's name and {@code Set-Cookie} lines. {@code HttpOnly}: no script on
 * the page can read it. {@code SameSite=Strict}: a browser never sends it on a request another
 * site starts (no cross-site request forgery on the APIs it opens). {@code Path=/}: the page's
 * polls of {@code /v1/...} carry it. {@code Secure} only when the request came over HTTPS (directly
 * or through a proxy saying so): the demo serves plain HTTP on 127.0.0.1, where a Secure cookie
 * would be dropped.
 */
final class SessionCookie {
    static final String NAME = "newsradar_session";

    private SessionCookie() {}

    static void set(Context ctx, String sessionId) {
        ctx.header(
                "Set-Cookie",
                NAME + "=" + sessionId + "; Path=/; Max-Age=" + BrowserSessions.TTL.toSeconds()
                        + "; HttpOnly; SameSite=Strict" + secure(ctx));
    }

    static void clear(Context ctx) {
        ctx.header("Set-Cookie", NAME + "=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict" + secure(ctx));
    }

    private static String secure(Context ctx) {
        String forwarded = ctx.header("X-Forwarded-Proto");
        boolean https = "https".equals(ctx.scheme().toLowerCase(Locale.ROOT))
                || (forwarded != null
                        && forwarded.strip().toLowerCase(Locale.ROOT).equals("https"));
        return https ? "; Secure" : "";
    }
}
