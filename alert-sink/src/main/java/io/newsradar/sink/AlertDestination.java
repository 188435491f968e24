package io.newsradar.sink;

import io.newsradar.avro.Alert;

/**
 * Somewhere alerts are delivered to: a file, the console, later a webhook.
 *
 * <p>The sink calls {@link #deliver} for every alert of a polled batch, then {@link #flush} once,
 * and commits the batch's offsets only after every destination's flush returned. So a destination
 * may buffer in {@code deliver}, but when {@code flush} returns everything delivered so far must be
 * durable (on disk, acknowledged by the receiver): a committed offset must never refer to an alert
 * the destination could still lose.
 *
 * <p>{@code deliver} throwing means "this alert was not delivered here": the sink dead-letters that
 * alert with the reason and goes on. {@code flush} throwing means the destination cannot vouch for
 * the batch: the sink delivers the whole batch again later. Delivery is at-least-once; receivers
 * dedupe by {@link Alert#getAlertId()}.
 *
 * <p>Destinations are called from the sink's one loop thread only, so they need not be thread-safe.
 * The sink owns the destinations it is given and closes them when its loop ends.
 */
public interface AlertDestination extends AutoCloseable {

    /** Delivers one alert; throws if it was not delivered. */
    void deliver(Alert alert) throws Exception;

    /** Makes everything delivered so far durable. */
    void flush() throws Exception;

    /** A short name for logs and dead-letter reasons. */
    default String name() {
        return getClass().getSimpleName();
    }

    @Override
    default void close() throws Exception {}
}
