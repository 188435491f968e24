package io.newsradar.http;

import io.javalin.http.Context;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads a request body up to a limit. A declared {@code Content-Length} over the limit is refused
 * before a byte is read; a body without one (chunked) is read until it passes the limit and then
 * refused, so no body costs more memory than the limit whatever its headers say. Both answer 413
 * with the JSON error body.
 */
public final class BoundedBody {
    private static final int CHUNK = 16 * 1024;

    private BoundedBody() {}

    /**
     * The whole body, at most {@code maxBytes} long.
     *
     * @throws HttpError 413 over the limit, 400 when the client stops sending mid-body
     */
    public static byte[] read(Context ctx, long maxBytes) {
        long declared = ctx.req().getContentLengthLong();
        if (declared > maxBytes) {
            throw tooLarge(maxBytes, "Content-Length is " + declared + " bytes");
        }
        try (InputStream in = ctx.req().getInputStream()) {
            return readAtMost(in, maxBytes);
        } catch (IOException e) {
            throw HttpError.of(400, "could not read the request body: " + e.getMessage());
        }
    }

    static byte[] readAtMost(InputStream in, long maxBytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream((int) Math.min(maxBytes, CHUNK));
        byte[] buf = new byte[CHUNK];
        long total = 0;
        int n;
        while ((n = in.read(buf)) != -1) {
            total += n;
            if (total > maxBytes) {
                throw tooLarge(maxBytes, "the body is longer");
            }
            out.write(buf, 0, n);
        }
        return out.toByteArray();
    }

    private static HttpError tooLarge(long maxBytes, String what) {
        return HttpError.of(413, "request body over the limit of " + maxBytes + " bytes (" + what + ")")
                .withField("limitBytes", maxBytes);
    }
}
