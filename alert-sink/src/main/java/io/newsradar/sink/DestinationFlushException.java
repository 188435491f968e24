package io.newsradar.sink;

/** A destination could not make a batch durable; the sink delivers the batch again after a pause. */
final class DestinationFlushException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    DestinationFlushException(String destination, Throwable cause) {
        super("destination " + destination + " could not flush: " + SinkErrors.describe(cause), cause);
    }
}
