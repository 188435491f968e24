package io.newsradar.scoring.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.streams.state.HostInfo;

/**
 * GETs another instance's internal endpoints over plain HTTP, passing the caller's bearer token on
 * (every instance of an application shares it), with a timeout on connecting and on the whole call.
 * The token goes only into the request header, never into a message or a log line.
 */
final class PeerClient {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http;
    private final Duration timeout;

    PeerClient(Duration timeout) {
        this.timeout = timeout;
        this.http = HttpClient.newBuilder()
                .connectTimeout(timeout)
                // peers answer directly; a redirect would be a misconfigured address
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    /** A peer's answer: its status and JSON body. */
    record Answer(int status, JsonNode body) {}

    /**
     * Completes with the peer's answer (any status), or exceptionally with a {@link PeerFailure}
     * saying why there is none (refused, timed out, not JSON).
     */
    CompletableFuture<Answer> get(HostInfo peer, String path, String query, Optional<String> authorization) {
        URI uri;
        try {
            uri = new URI("http", null, peer.host(), peer.port(), path, query, null);
        } catch (URISyntaxException e) {
            return CompletableFuture.failedFuture(new PeerFailure("bad address: " + e.getMessage()));
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .timeout(timeout)
                .header("Accept", "application/json")
                .GET();
        authorization.ifPresent(a -> request.header("Authorization", a));
        return http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofByteArray())
                .handle((response, error) -> {
                    if (error != null) {
                        Throwable cause = error.getCause() != null ? error.getCause() : error;
                        throw new PeerFailure("no answer: " + cause.getClass().getSimpleName()
                                + (cause.getMessage() == null ? "" : " " + cause.getMessage()));
                    }
                    try {
                        return new Answer(response.statusCode(), JSON.readTree(response.body()));
                    } catch (IOException e) {
                        throw new PeerFailure("answered " + response.statusCode() + " without a JSON body");
                    }
                });
    }

    /** Why a peer gave no usable answer. */
    static final class PeerFailure extends RuntimeException {
        PeerFailure(String message) {
            super(message, null, false, false);
        }
    }
}
