package io.newsradar.ingest.push;

import io.newsradar.http.HttpError;
import java.util.List;
import java.util.Locale;

/**
 * What a push body holds, from its {@code Content-Type}: one article ({@code application/json}) or
 * a batch, one article per line ({@code application/x-ndjson}, also spelled
 * {@code application/ndjson} or {@code application/jsonl}). Bodies are UTF-8, as JSON is (RFC
 * 8259): a {@code charset} parameter naming anything else is refused.
 */
enum PushFormat {
    SINGLE,
    BATCH;

    static final String JSON = "application/json";
    static final List<String> BATCH_TYPES = List.of("application/x-ndjson", "application/ndjson", "application/jsonl");

    /**
     * @throws HttpError 415 for a missing or other media type, or a charset other than UTF-8
     */
    static PushFormat of(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            throw unsupported("the request has no Content-Type");
        }
        String[] parts = contentType.split(";");
        String mediaType = parts[0].strip().toLowerCase(Locale.ROOT);
        for (int i = 1; i < parts.length; i++) {
            String[] param = parts[i].split("=", 2);
            if (param[0].strip().equalsIgnoreCase("charset") && param.length == 2) {
                String charset = param[1].strip().replace("\"", "").toLowerCase(Locale.ROOT);
                if (!charset.equals("utf-8") && !charset.equals("utf8")) {
                    throw unsupported("push bodies are UTF-8, the request says charset=" + charset);
                }
            }
        }
        if (mediaType.equals(JSON)) {
            return SINGLE;
        }
        if (BATCH_TYPES.contains(mediaType)) {
            return BATCH;
        }
        throw unsupported("Content-Type " + mediaType + " is not accepted");
    }

    private static HttpError unsupported(String why) {
        return HttpError.of(
                        415,
                        why + ": send one article as " + JSON + " or a batch, one article per line, as "
                                + BATCH_TYPES.get(0))
                .withField(
                        "acceptedContentTypes",
                        List.of(JSON, BATCH_TYPES.get(0), BATCH_TYPES.get(1), BATCH_TYPES.get(2)));
    }
}
