package io.newsradar.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * JSON response bodies, written with our own Jackson mapper (Javalin's JSON mapping would need its
 * Kotlin-aware setup). Every error any endpoint sends has one shape:
 * {@code {"error": "<sentence>", ...more fields}}, so a client reads every failure the same way.
 */
public final class JsonResponses {
    public static final String JSON = "application/json; charset=utf-8";

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private JsonResponses() {}

    /** Writes {@code body} as JSON with {@code status}. */
    public static void send(Context ctx, int status, Object body) {
        try {
            ctx.status(status).contentType(JSON).result(MAPPER.writeValueAsBytes(body));
        } catch (JsonProcessingException e) {
            // our own maps and records of strings and numbers: cannot happen short of a bug
            throw new IllegalStateException("cannot write a JSON response", e);
        }
    }

    /** Writes the error body (and headers) of {@code error}. */
    public static void error(Context ctx, HttpError error) {
        error.headers().forEach(ctx::header);
        send(ctx, error.status(), errorBody(error.getMessage(), error.fields()));
    }

    /** {@code {"error": message, ...fields}}. */
    public static Map<String, Object> errorBody(String message, Map<String, Object> fields) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", message);
        fields.forEach(body::putIfAbsent);
        return body;
    }
}
