package io.newsradar.ingest;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Locale;
import java.util.zip.GZIPInputStream;

/**
 * Undoes a response's Content-Encoding. Only gzip is asked for ({@code Accept-Encoding: gzip}),
 * so only gzip (and identity) is accepted. The size limit applies to the decompressed bytes too:
 * a small gzip body can expand a thousandfold (a "gzip bomb"), and it is refused as soon as the
 * output passes the limit, without inflating the rest.
 */
final class ContentDecoding {
    private static final int CHUNK = 8192;

    private ContentDecoding() {}

    static byte[] decode(byte[] body, String contentEncoding, long maxBytes) throws FetchException {
        String encoding = contentEncoding == null ? "" : contentEncoding.strip().toLowerCase(Locale.ROOT);
        if (encoding.isEmpty() || encoding.equals("identity")) {
            return body;
        }
        if (!encoding.equals("gzip") && !encoding.equals("x-gzip")) {
            throw new FetchException(
                    FetchException.Kind.ENCODING,
                    "the server sent Content-Encoding '" + encoding + "', which was not asked for (only gzip)");
        }
        if (body.length == 0) {
            return body;
        }
        return gunzip(body, maxBytes);
    }

    private static byte[] gunzip(byte[] body, long maxBytes) throws FetchException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(body), CHUNK)) {
            byte[] chunk = new byte[CHUNK];
            long total = 0;
            int n;
            while ((n = in.read(chunk)) > 0) {
                total += n;
                if (total > maxBytes) {
                    throw new FetchException(
                            FetchException.Kind.TOO_LARGE,
                            "feed is larger than the limit of " + maxBytes + " bytes once decompressed (gzip)");
                }
                out.write(chunk, 0, n);
            }
        } catch (IOException e) {
            throw new FetchException(
                    FetchException.Kind.ENCODING, "the gzip body is corrupt (" + e.getMessage() + ")", e);
        }
        return out.toByteArray();
    }
}
