package io.newsradar.ingest.service;

/**
 * The poller cannot go on and stops by itself: its producer was fenced by another instance with
 * the same transactional id (or a newer owner), it lacks an authorisation, or the feed topics are
 * missing or mismatched. {@link #infrastructure()} tells a broken or unreachable cluster from a
 * configuration or programming error (CLI exit code 4 vs 1).
 */
public final class PollerFailedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final boolean infrastructure;

    public PollerFailedException(String message, Throwable cause, boolean infrastructure) {
        super(message, cause);
        this.infrastructure = infrastructure;
    }

    public boolean infrastructure() {
        return infrastructure;
    }
}
