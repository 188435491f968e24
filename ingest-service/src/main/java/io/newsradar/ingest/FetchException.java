package io.newsradar.ingest;

import java.util.Objects;

/**
 * A fetch that got no usable response: the network, a timeout, a body over the size limit or in
 * an encoding we cannot undo, a redirect we do not follow. (A response with an error status is
 * not this: it is returned, with its headers, for the caller to judge.) The message names the
 * reason, without the URL.
 */
public final class FetchException extends Exception {
    private static final long serialVersionUID = 1L;

    /** What kind of failure, coarse enough to be a metric tag. */
    public enum Kind {
        /** No connection: refused, unknown host, connect timeout. */
        CONNECT,
        /** No complete response in time (headers or the whole download). */
        TIMEOUT,
        /** The body, as sent or once decompressed, is over the size limit. */
        TOO_LARGE,
        /** A redirect loop, too many redirects, or a redirect we refuse to follow. */
        REDIRECT,
        /** A content encoding we did not ask for, or a corrupt compressed body. */
        ENCODING,
        /** The request could not be made (a URL the HTTP client refuses). */
        REQUEST,
        /** Any other I/O failure (TLS, reset connection, protocol error). */
        NETWORK
    }

    private final Kind kind;

    public FetchException(Kind kind, String message) {
        super(message);
        this.kind = Objects.requireNonNull(kind, "kind");
    }

    public FetchException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = Objects.requireNonNull(kind, "kind");
    }

    public Kind kind() {
        return kind;
    }
}
