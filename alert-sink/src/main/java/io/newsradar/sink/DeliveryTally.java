package io.newsradar.sink;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one batch did per destination and per dead-letter reason, reported to {@link SinkEvents}
 * only once the batch is durable: a batch that fails before its commit is delivered again, and
 * counting its first attempt as well would count its alerts twice in the same process.
 */
final class DeliveryTally {
    private final List<String> destinations;
    private final Map<String, Long> delivered = new LinkedHashMap<>();
    private final Map<String, Long> failed = new LinkedHashMap<>();
    private final Map<String, Long> deadLettered = new LinkedHashMap<>();

    DeliveryTally(List<String> destinations) {
        this.destinations = destinations;
    }

    /** One alert given to every destination: those named by a failure did not take it. */
    void delivery(List<DeliveryFailure> failures) {
        for (String destination : destinations) {
            boolean rejected = failures.stream().anyMatch(f -> f.destination().equals(destination));
            (rejected ? failed : delivered).merge(destination, 1L, Long::sum);
        }
    }

    /** One record sent to the delivery dead-letter topic for {@code reason}. */
    void deadLetter(String reason) {
        deadLettered.merge(reason, 1L, Long::sum);
    }

    /** Reports the batch, now durable. */
    void report(SinkEvents events) {
        delivered.forEach(events::delivered);
        failed.forEach(events::failed);
        deadLettered.forEach(events::deadLettered);
    }
}
