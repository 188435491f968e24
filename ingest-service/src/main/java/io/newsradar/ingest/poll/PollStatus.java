package io.newsradar.ingest.poll;

/** How a poll ended. */
public enum PollStatus {
    /** The feed was fetched and parsed (its new items, if any, are in the outcome). */
    FETCHED,
    /** 304 Not Modified (or an unchanged file): nothing new. */
    NOT_MODIFIED,
    /** The server asked to come back later (429/503, Retry-After honoured in the next-poll time). */
    RETRY_LATER,
    /** Any other failure (network, HTTP error, not a feed, too large): backoff in the next-poll time. */
    FAILED
}
