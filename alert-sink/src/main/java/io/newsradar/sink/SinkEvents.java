package io.newsradar.sink;

/**
 * What the alert sink tells its meters ({@link SinkMeters}) as it works. Called on the sink's
 * loop thread; each call must be cheap and must not throw. Delivery is at-least-once, so every
 * count here can count an alert again when its batch is delivered again (a rewind after a failure,
 * a restart before the commit): exact figures come from the committed alert and dead-letter topics.
 */
public interface SinkEvents {
    /** Does nothing: a sink without meters. */
    SinkEvents NONE = new SinkEvents() {};

    /** An alert of {@code route} was polled (before filter and delivery). */
    default void received(String route) {}

    /**
     * A batch was made durable and is about to be committed: {@code destination} took {@code
     * count} alerts of it.
     */
    default void delivered(String destination, long count) {}

    /**
     * {@code destination} failed {@code count} alerts: it rejected them (they were dead-lettered,
     * counted once their batch is durable) or it failed for good (the sink stops).
     */
    default void failed(String destination, long count) {}

    /** {@code destination} failed for a while and the write or flush is tried again. */
    default void retried(String destination) {}

    /**
     * {@code count} records were written to the delivery dead-letter topic and acknowledged;
     * {@code reason} is {@link DeadLetters#UNDELIVERABLE} or {@link DeadLetters#UNDECODABLE}.
     */
    default void deadLettered(String reason, long count) {}
}
