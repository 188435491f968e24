package io.newsradar.sink;

/** What the sink's loop does about an exception; see {@link SinkErrors#classify(Throwable)}. */
public enum ErrorKind {
    /** {@code close()} woke the consumer up, or the thread was interrupted: leave the loop quietly. */
    SHUTDOWN,
    /** A record whose bytes are not an alert: dead-letter it and seek past it. */
    UNDECODABLE,
    /** The committed offset is gone or missing: start the affected partitions again from the beginning. */
    OFFSET_RESET,
    /** Worth trying again after a pause: the broker, network, group or a destination may recover. */
    RETRIABLE,
    /** Retrying cannot help (credentials, permissions, versions, a bug): stop with a clear log. */
    FATAL
}
