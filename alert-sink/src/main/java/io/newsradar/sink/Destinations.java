package io.newsradar.sink;

import io.newsradar.avro.Alert;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sink's destinations, each alert delivered to every one of them in order, with their
 * temporary failures retried in place ({@link DestinationRetries}).
 */
final class Destinations {
    private static final Logger log = LoggerFactory.getLogger(Destinations.class);

    private final List<AlertDestination> all;
    private final DestinationRetries retries;

    Destinations(List<AlertDestination> destinations, DestinationRetries retries) {
        this.all = List.copyOf(destinations);
        this.retries = retries;
        if (all.isEmpty()) {
            throw new IllegalArgumentException("the alert sink needs at least one destination");
        }
    }

    List<String> names() {
        return all.stream().map(AlertDestination::name).toList();
    }

    /** A new batch: the retry budget starts again. */
    void startBatch() {
        retries.startBatch();
    }

    /** Delivers to every destination; the rejections, empty when all took the alert. */
    List<DeliveryFailure> deliver(Alert alert) {
        List<DeliveryFailure> failures = new ArrayList<>();
        for (AlertDestination destination : all) {
            DeliveryFailure failure = retries.deliver(destination, alert);
            if (failure != null) {
                failures.add(failure);
            }
        }
        return failures;
    }

    /** Makes the batch durable in every destination, or throws. */
    void flush() {
        for (AlertDestination destination : all) {
            retries.flush(destination);
        }
    }

    /** The batch will not be committed: each destination takes back what it can. */
    void discardUnflushed() {
        for (AlertDestination destination : all) {
            try {
                destination.discardUnflushed();
            } catch (Exception e) {
                log.warn(
                        "destination {} could not take back its unflushed alerts, they may appear twice: {}",
                        destination.name(),
                        SinkErrors.describe(e));
            }
        }
    }

    void close() {
        for (AlertDestination destination : all) {
            try {
                destination.close();
            } catch (Exception e) {
                log.warn("closing destination {} failed: {}", destination.name(), SinkErrors.describe(e));
            }
        }
    }
}
