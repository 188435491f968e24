package io.newsradar.localkafka;

/** A topic of the catalogue could not be created or listed; the message names the topic and the cause. */
public class TopicAdminException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public TopicAdminException(String message, Throwable cause) {
        super(message, cause);
    }
}
