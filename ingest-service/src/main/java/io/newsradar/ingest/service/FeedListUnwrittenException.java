package io.newsradar.ingest.service;

import org.apache.kafka.common.KafkaException;

/**
 * The feed list was not (or not wholly) written to {@code feeds.v1}: the cluster did not take or
 * did not acknowledge a record in the bounded wait, or the list could not be read to place the
 * feeds. The cluster's fault, not the list's: the CLI exits with its infrastructure code.
 */
public final class FeedListUnwrittenException extends KafkaException {
    private static final long serialVersionUID = 1L;

    public FeedListUnwrittenException(String message, Throwable cause) {
        super(message, cause);
    }
}
