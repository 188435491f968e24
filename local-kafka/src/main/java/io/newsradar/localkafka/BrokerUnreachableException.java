package io.newsradar.localkafka;

/**
 * No broker answered at the configured bootstrap servers within the bounded wait: an
 * infrastructure failure (the cluster is down or the address is wrong), not bad input or a bug.
 * The message names the bootstrap servers and the wait.
 */
public class BrokerUnreachableException extends TopicAdminException {

    private static final long serialVersionUID = 1L;

    public BrokerUnreachableException(String message, Throwable cause) {
        super(message, cause);
    }
}
