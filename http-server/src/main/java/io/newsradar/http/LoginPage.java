package io.newsradar.http;

import io.javalin.http.Context;

/**
 * The login page: one password field for the bearer token, posted to {@code /login} with the page
 * to return to. Everything inline and nothing fetched from elsewhere; the form never echoes a
 * presented token back. Served with 200 at {@code GET /login} and with 401 wherever a browser page
 * was asked for without a session.
 */
final class LoginPage {
    static final String PATH = "/login";
    static final String LOGOUT_PATH = "/logout";

    private LoginPage() {}

    static void send(Context ctx, int status, String message, String next) {
        noStore(ctx);
        // nothing but our own form may run here, and no other site may frame it (clickjacking)
        ctx.header(
                "Content-Security-Policy",
                "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'");
        ctx.status(status).contentType("text/html; charset=utf-8").result(html(message, next));
    }

    /** The token must not stay in caches, and the next page must not send it on as a Referer. */
    static void noStore(Context ctx) {
        ctx.header("Cache-Control", "no-store");
        ctx.header("Referrer-Policy", "no-referrer");
    }

    static String html(String message, String next) {
        return """
                <!DOCTYPE html>
                <html lang="en">
                <head>
                <meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>newsradar: log in</title>
                <style>
                body { font-family: system-ui, sans-serif; background: #f4f5f7; color: #1d2330; margin: 0; }
                main { max-width: 26rem; margin: 10vh auto; background: #fff; padding: 2rem; border-radius: 8px;
                       box-shadow: 0 1px 4px rgba(0,0,0,.15); }
                h1 { font-size: 1.3rem; margin-top: 0; }
                label { display: block; margin: 1rem 0 .3rem; }
                input[type=password] { width: 100%%; box-sizing: border-box; padding: .5rem; font-size: 1rem; }
                button { margin-top: 1rem; padding: .5rem 1.2rem; font-size: 1rem; }
                .message { color: #a4161a; }
                </style>
                </head>
                <body>
                <main>
                <h1>newsradar</h1>
                <p class="message" id="login-message">%s</p>
                <form method="post" action="/login" id="login-form">
                <input type="hidden" name="next" value="%s">
                <label for="token">Access token</label>
                <input type="password" id="token" name="token" autocomplete="current-password" required autofocus>
                <button type="submit">Log in</button>
                </form>
                </main>
                </body>
                </html>
                """.formatted(escape(message), escape(next));
    }

    /**
     * Where to go after logging in: a path on this server only ({@code /...}, not {@code //host}
     * nor a backslash trick), so the form cannot be used to send a user elsewhere.
     */
    static String safeNext(String next) {
        if (next == null
                || !next.startsWith("/")
                || next.startsWith("//")
                || next.contains("\\")
                || next.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            return "/";
        }
        return next;
    }

    static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
