package io.newsradar.sink;

import java.time.Duration;
import java.util.Locale;

/**
 * A destination failed in a way the sink will not retry any further: the failure is permanent
 * (the file cannot be written for a reason retrying cannot fix) or a temporary one lasted past
 * the retry budget. The sink stops without committing the batch, so a restarted sink delivers
 * it again; {@link AlertSink#failure()} returns this, its message says which destination and why.
 */
public final class DestinationFailedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String destination;

    private DestinationFailedException(String destination, String message, Throwable cause) {
        super(message, cause);
        this.destination = destination;
    }

    static DestinationFailedException permanent(String destination, String operation, Throwable cause) {
        return new DestinationFailedException(
                destination,
                "destination " + destination + " failed permanently (" + operation + "): " + SinkErrors.describe(cause),
                cause);
    }

    static DestinationFailedException retriesExhausted(
            String destination, String operation, int attempts, Duration budget, Throwable cause) {
        return new DestinationFailedException(
                destination,
                "destination " + destination + " still failing after " + attempts
                        + " attempts within the retry budget of "
                        + String.format(Locale.ROOT, "%.1f s", budget.toMillis() / 1000.0) + " (" + operation + "): "
                        + SinkErrors.describe(cause),
                cause);
    }

    /** The name of the destination that failed. */
    public String destination() {
        return destination;
    }
}
