package io.newsradar.sink;

import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.consumer.CommitFailedException;
import org.apache.kafka.clients.consumer.InvalidOffsetException;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.FencedInstanceIdException;
import org.apache.kafka.common.errors.GroupMaxSizeReachedException;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.InvalidGroupIdException;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.OutOfOrderSequenceException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.errors.RebalanceInProgressException;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.SecurityDisabledException;
import org.apache.kafka.common.errors.UnsupportedVersionException;
import org.apache.kafka.common.errors.WakeupException;

/**
 * Sorts what the consumer, the dead-letter producer and the destinations throw into the few
 * things the loop can do about them, the way Kafka's own consumer examples do: fatal, reset
 * offsets, or retry. Pure functions, so the sorting is unit-tested without a broker.
 */
public final class SinkErrors {
    private SinkErrors() {}

    public static ErrorKind classify(Throwable error) {
        Throwable e = unwrap(error);
        if (e instanceof WakeupException || e instanceof InterruptException || e instanceof InterruptedException) {
            return ErrorKind.SHUTDOWN;
        }
        if (e instanceof RecordDeserializationException) {
            return ErrorKind.UNDECODABLE;
        }
        if (e instanceof InvalidOffsetException) {
            return ErrorKind.OFFSET_RESET;
        }
        if (e instanceof AuthenticationException
                || e instanceof AuthorizationException
                || e instanceof SecurityDisabledException
                || e instanceof UnsupportedVersionException
                || e instanceof InvalidGroupIdException
                || e instanceof GroupMaxSizeReachedException
                || e instanceof FencedInstanceIdException
                || e instanceof InvalidTopicException
                || e instanceof ProducerFencedException
                // the idempotent producer cannot continue after a sequence gap
                || e instanceof OutOfOrderSequenceException
                // a dead letter larger than the broker accepts stays too large however often it is sent
                || e instanceof RecordTooLargeException
                || e instanceof ConfigException) {
            return ErrorKind.FATAL;
        }
        if (e instanceof RetriableException
                || e instanceof CommitFailedException
                || e instanceof RebalanceInProgressException
                || e instanceof DestinationFlushException) {
            return ErrorKind.RETRIABLE;
        }
        if (e instanceof KafkaException) {
            // Kafka's own consumer example logs any other client error and carries on: the client
            // recovers from most of them (lost connections, coordinator moves) by itself.
            return ErrorKind.RETRIABLE;
        }
        // Not from Kafka and not a destination flush: a bug or a broken environment. Retrying the
        // same batch would fail the same way forever, so stop and say why.
        return ErrorKind.FATAL;
    }

    /** The exception a future or executor wrapped. */
    public static Throwable unwrap(Throwable error) {
        Throwable e = error;
        while ((e instanceof ExecutionException || e instanceof CompletionException) && e.getCause() != null) {
            e = e.getCause();
        }
        return e;
    }

    /** "IOException: No space left on device", for logs and dead-letter reasons. */
    public static String describe(Throwable error) {
        Throwable e = unwrap(error);
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null || message.isBlank() ? "" : ": " + message);
    }
}
