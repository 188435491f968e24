package io.newsradar.scoring.query;

/**
 * A query that cannot be answered now, and may be later: the stream is not running, a rebalance is
 * moving the store, the key's owner is not known yet. Answered 503.
 */
public final class QueryUnavailableException extends RuntimeException {
    public QueryUnavailableException(String message) {
        super(message);
    }

    public QueryUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
