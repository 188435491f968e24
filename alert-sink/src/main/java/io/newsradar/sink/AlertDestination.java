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
 * <p>Failures:
 *
 * <ul>
 *   <li>{@code deliver} throwing {@link AlertRejectedException}: this destination will never take
 *       this alert (its content is the problem); the sink dead-letters the alert and goes on.
 *   <li>{@code deliver} throwing an unchecked exception: a bug tied to this alert; handled like a
 *       rejection, so one odd alert cannot stop every delivery for good.
 *   <li>{@code deliver} throwing any other (checked) exception, an {@code IOException} above all:
 *       the destination failed, not the alert. It must leave nothing of that alert behind (a
 *       torn line is cut back). The sink delivers the same alert again after a pause, unless the
 *       failure is permanent ({@link SinkErrors#isPermanentIoError}) or keeps on past the retry
 *       budget: then the sink stops without committing the batch.
 *   <li>{@code flush} throwing: the sink calls {@code flush} again after a pause, without
 *       delivering the batch again, so the destination itself must make everything delivered
 *       since its last successful flush durable on a later call, each alert once.
 * </ul>
 *
 * <p>When the sink gives up on a batch (shutdown in the middle of a retry, a permanent failure,
 * a Kafka error before the commit) it calls {@link #discardUnflushed}: those alerts are not
 * committed and will be delivered again, so a destination that can take them back should.
 * Delivery is at-least-once; receivers dedupe by {@link Alert#getAlertId()} (from {@code Alert}
 * v2 on {@code <story>:<route>:<sequence>}, unique per route, so the sink itself never dedupes)
 * and group the alerts of one story by {@link Alert#getStoryId()}.
 *
 * <p>Destinations are called from the sink's one loop thread only, so they need not be thread-safe.
 * The sink owns the destinations it is given and closes them when its loop ends.
 */
public interface AlertDestination extends AutoCloseable {

    /** Delivers one alert; throws if it was not delivered. */
    void deliver(Alert alert) throws Exception;

    /** Makes everything delivered so far durable. */
    void flush() throws Exception;

    /**
     * Takes back, where it can, what was delivered since the last successful {@link #flush}: the
     * sink will deliver it again. Best effort; the default keeps it (a duplicate, not a loss).
     */
    default void discardUnflushed() throws Exception {}

    /** A short name for logs and dead-letter reasons. */
    default String name() {
        return getClass().getSimpleName();
    }

    @Override
    default void close() throws Exception {}
}
