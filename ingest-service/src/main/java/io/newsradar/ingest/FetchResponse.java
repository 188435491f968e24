package io.newsradar.ingest;

import java.net.URI;
import java.net.http.HttpHeaders;
import java.util.Objects;
import java.util.Optional;

/**
 * The last response of a fetch, after any redirects.
 *
 * @param status       its HTTP status
 * @param headers      its headers (validators, Retry-After, Content-Type)
 * @param body         a 2xx response's body, decompressed and within the size limit; empty for any
 *                     other status (such bodies are not read)
 * @param finalUri     where the response came from
 * @param permanentUri where the resource lives now as far as permanent redirects say: the URL
 *                     asked for, moved along each 301/308 until the first temporary redirect
 */
public record FetchResponse(int status, HttpHeaders headers, byte[] body, URI finalUri, URI permanentUri) {
    public FetchResponse {
        Objects.requireNonNull(headers, "headers");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(finalUri, "finalUri");
        Objects.requireNonNull(permanentUri, "permanentUri");
    }

    public boolean isSuccess() {
        return status >= 200 && status <= 299;
    }

    /** The first value of a header, stripped, or empty when absent or blank. */
    public Optional<String> header(String name) {
        return headers.firstValue(name).map(String::strip).filter(v -> !v.isEmpty());
    }

    /** The Content-Type, or null: the feed reader decides the charset with it. */
    public String contentType() {
        return header("Content-Type").orElse(null);
    }
}
