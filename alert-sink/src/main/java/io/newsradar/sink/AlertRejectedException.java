package io.newsradar.sink;

/**
 * A destination will never take this one alert, whatever the retries (the receiver refuses its
 * content, it cannot be encoded). The sink dead-letters the alert with this message and goes on.
 * Failures of the destination itself (a full disk, a network error) are not rejections: they are
 * retried, or stop the sink.
 */
public class AlertRejectedException extends Exception {
    private static final long serialVersionUID = 1L;

    public AlertRejectedException(String message) {
        super(message);
    }

    public AlertRejectedException(String message, Throwable cause) {
        super(message, cause);
    }
}
