package io.newsradar.ingest;

/**
 * The Kafka cluster could not take articles: unreachable, a topic missing, access refused, a send
 * that timed out. Not the input's fault, so ingest stops at the first one rather than failing
 * every article after it the same way; the message names the cluster or topic.
 */
public class BrokerUnavailableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public BrokerUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
