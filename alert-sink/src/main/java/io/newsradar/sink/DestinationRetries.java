package io.newsradar.sink;

import io.newsradar.avro.Alert;
import java.time.Duration;
import java.util.Objects;
import java.util.function.LongSupplier;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers to and flushes one destination, retrying its temporary failures in place with
 * backoff: the failed alert is delivered again, a failed flush is flushed again, and nothing
 * that already succeeded is repeated, so a retry never writes an alert twice. A permanent failure,
 * or temporary ones that last past the budget of the batch, end in {@link
 * DestinationFailedException}; a close requested while waiting ends in a {@link WakeupException}.
 *
 * <p>The budget is per batch (reset by {@link #startBatch()}), counted from the batch's first
 * failure, so one batch never spends much longer than the budget without polling.
 */
final class DestinationRetries {
    private static final Logger log = LoggerFactory.getLogger(DestinationRetries.class);
    private static final long NO_FAILURE = Long.MIN_VALUE;

    /** Waits between attempts; false when the sink is closing (or the thread was interrupted). */
    @FunctionalInterface
    interface Pause {
        boolean await(long millis);
    }

    private final Duration budget;
    private final long minBackoffMs;
    private final long maxBackoffMs;
    private final Pause pause;
    private final LongSupplier nanoTime;
    private final SinkEvents events;
    private long firstFailureNanos = NO_FAILURE;

    DestinationRetries(Duration budget, long minBackoffMs, long maxBackoffMs, Pause pause, LongSupplier nanoTime) {
        this(budget, minBackoffMs, maxBackoffMs, pause, nanoTime, SinkEvents.NONE);
    }

    DestinationRetries(
            Duration budget,
            long minBackoffMs,
            long maxBackoffMs,
            Pause pause,
            LongSupplier nanoTime,
            SinkEvents events) {
        if (budget.isNegative() || budget.isZero()) {
            throw new IllegalArgumentException("the retry budget must be positive: " + budget);
        }
        this.budget = budget;
        this.minBackoffMs = minBackoffMs;
        this.maxBackoffMs = maxBackoffMs;
        this.pause = Objects.requireNonNull(pause, "pause");
        this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
        this.events = Objects.requireNonNull(events, "events");
    }

    /** A new batch gets the whole budget again. */
    void startBatch() {
        firstFailureNanos = NO_FAILURE;
    }

    /**
     * Delivers one alert; null when delivered, the failure when the destination rejected the alert
     * itself (to be dead-lettered).
     */
    DeliveryFailure deliver(AlertDestination destination, Alert alert) {
        long backoffMs = minBackoffMs;
        for (int attempt = 1; ; attempt++) {
            try {
                destination.deliver(alert);
                return null;
            } catch (AlertRejectedException e) {
                return new DeliveryFailure(destination.name(), SinkErrors.describe(e));
            } catch (RuntimeException e) {
                // A bug tied to this alert's content: dead-letter it, or this one alert would stop
                // every delivery for good (a restarted sink would meet it again).
                return new DeliveryFailure(destination.name(), SinkErrors.describe(e));
            } catch (Exception e) {
                backoffMs = afterFailure(destination, "writing alert " + alert.getAlertId(), attempt, backoffMs, e);
            }
        }
    }

    /** Makes everything delivered to the destination durable, or throws. */
    void flush(AlertDestination destination) {
        long backoffMs = minBackoffMs;
        for (int attempt = 1; ; attempt++) {
            try {
                destination.flush();
                return;
            } catch (RuntimeException e) {
                // not an I/O failure of the device: a bug or a closed destination, retrying cannot help
                throw DestinationFailedException.permanent(destination.name(), "flush", e);
            } catch (Exception e) {
                backoffMs = afterFailure(destination, "flush", attempt, backoffMs, e);
            }
        }
    }

    /** Waits before the next attempt and returns the backoff after that one, or throws. */
    private long afterFailure(
            AlertDestination destination, String operation, int attempt, long backoffMs, Exception e) {
        if (SinkErrors.isPermanentIoError(e)) {
            throw DestinationFailedException.permanent(destination.name(), operation, e);
        }
        long now = nanoTime.getAsLong();
        if (firstFailureNanos == NO_FAILURE) {
            firstFailureNanos = now;
        }
        long leftMs =
                budget.toMillis() - Duration.ofNanos(now - firstFailureNanos).toMillis();
        if (leftMs <= 0) {
            throw DestinationFailedException.retriesExhausted(destination.name(), operation, attempt, budget, e);
        }
        long waitMs = Math.min(backoffMs, leftMs);
        log.warn(
                "destination {} failed ({}, attempt {}), retrying in {} ms: {}",
                destination.name(),
                operation,
                attempt,
                waitMs,
                SinkErrors.describe(e));
        if (!pause.await(waitMs)) {
            // close() was called: give the batch up uncommitted, a restarted sink delivers it
            throw new WakeupException();
        }
        events.retried(destination.name());
        return Math.min(backoffMs * 2, maxBackoffMs);
    }
}
