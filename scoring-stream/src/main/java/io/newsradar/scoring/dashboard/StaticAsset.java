package io.newsradar.scoring.dashboard;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * One file of the page, read from the classpath once (a missing file fails at registration, not on
 * the first visit) and served with its type. Every asset is ours: the page loads nothing from any
 * other origin, and the Content-Security-Policy ({@code default-src 'self'}) makes the browser
 * refuse anything that would.
 */
record StaticAsset(String contentType, byte[] bytes) {
    static final String CSP = "default-src 'self'; img-src 'self' data:; frame-ancestors 'none'; form-action 'self'";

    static StaticAsset load(String name, String contentType) {
        String resource = "/io/newsradar/scoring/dashboard/" + name;
        try (InputStream in = StaticAsset.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("dashboard file missing from the jar: " + resource);
            }
            return new StaticAsset(contentType, in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    void send(Context ctx) {
        ctx.header("Content-Security-Policy", CSP);
        // the page's links to articles must not tell outlets where the reader came from
        ctx.header("Referrer-Policy", "no-referrer");
        ctx.header("X-Content-Type-Options", "nosniff");
        // a new jar's page is picked up at once; the files are small
        ctx.header("Cache-Control", "no-cache");
        ctx.status(200).contentType(contentType).result(bytes);
    }
}
