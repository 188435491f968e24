package io.newsradar.http;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An HTTP error a handler ends a request with: the status, the sentence for the body's
 * {@code "error"} field, more body fields when a client can use them (the rejected lines of a
 * batch), and response headers ({@code Retry-After}, {@code WWW-Authenticate}). The server turns
 * it into the one error body shape ({@link JsonResponses#error}); handlers throw it.
 *
 * <p>The message goes to the client: it must never hold a secret.
 */
public final class HttpError extends RuntimeException {
    private final int status;
    private final Map<String, Object> fields;
    private final Map<String, String> headers;

    private HttpError(int status, String message, Map<String, Object> fields, Map<String, String> headers) {
        super(message, null, false, false); // no stack trace: this is a reply, not a fault
        this.status = status;
        this.fields = fields;
        this.headers = headers;
    }

    public static HttpError of(int status, String message) {
        return new HttpError(status, message, Map.of(), Map.of());
    }

    /** The same error with one more body field (next to {@code "error"}). */
    public HttpError withField(String name, Object value) {
        Map<String, Object> f = new LinkedHashMap<>(fields);
        f.put(name, value);
        return new HttpError(status, getMessage(), Map.copyOf(f), headers);
    }

    /** The same error with one more response header. */
    public HttpError withHeader(String name, String value) {
        Map<String, String> h = new LinkedHashMap<>(headers);
        h.put(name, value);
        return new HttpError(status, getMessage(), fields, Map.copyOf(h));
    }

    public int status() {
        return status;
    }

    /** Body fields besides {@code "error"}, in the order added. */
    public Map<String, Object> fields() {
        return fields;
    }

    public Map<String, String> headers() {
        return headers;
    }
}
