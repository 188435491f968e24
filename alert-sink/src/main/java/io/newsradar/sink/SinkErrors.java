package io.newsradar.sink;

import java.io.IOException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.NonWritableChannelException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.Set;
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
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.UnsupportedVersionException;
import org.apache.kafka.common.errors.WakeupException;

/**
 * Sorts what the consumer, the dead-letter producer and the destinations throw into the few
 * things the loop can do about them, the way Kafka's own consumer examples do: fatal, reset
 * offsets, or retry. Pure functions, so the sorting is unit-tested without a broker.
 */
public final class SinkErrors {
    /**
     * The {@code strerror} texts of the errnos a retry cannot fix: EROFS, EISDIR, EFBIG (the file
     * reached the file system's size limit), EACCES, EPERM, EBADF.
     */
    private static final Set<String> PERMANENT_ERRNO_MESSAGES = Set.of(
            "Read-only file system",
            "Is a directory",
            "File too large",
            "Permission denied",
            "Operation not permitted",
            "Bad file descriptor");

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
        if (e instanceof DestinationFailedException) {
            // the destination's own retries are spent, or retrying cannot help
            return ErrorKind.FATAL;
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
                || e instanceof RebalanceInProgressException) {
            return ErrorKind.RETRIABLE;
        }
        if (e instanceof KafkaException) {
            // Kafka's own consumer example logs any other client error and carries on: the client
            // recovers from most of them (lost connections, coordinator moves) by itself.
            return ErrorKind.RETRIABLE;
        }
        // Not from Kafka: a bug or a broken environment. Retrying the
        // same batch would fail the same way forever, so stop and say why.
        return ErrorKind.FATAL;
    }

    /**
     * Whether an I/O error of a destination is permanent: retrying the same write cannot succeed
     * until someone changes the file, its directory or the file system. Everything else (no space
     * left, quota exceeded, an I/O error of the device, a network file system that went away) is
     * temporary: the sink retries it with backoff within a bounded budget, so a permanent error
     * this list misses still ends the sink, only later.
     *
     * <p>The JDK reports most {@code errno}s of a write as a plain {@link IOException} carrying
     * the C library's message, so a few are matched by that message; under a non-English
     * {@code LC_MESSAGES} they are not recognised and count as temporary (safe, see above).
     */
    public static boolean isPermanentIoError(Throwable error) {
        Throwable e = unwrap(error);
        if (e instanceof AccessDeniedException
                || e instanceof NoSuchFileException
                || e instanceof NotDirectoryException
                // the path (or one of its parents) exists but is not what it should be
                || e instanceof FileAlreadyExistsException
                // closed under us: nothing written through this channel can succeed again
                || e instanceof ClosedChannelException
                || e instanceof NonWritableChannelException
                || e instanceof SecurityException) {
            return true;
        }
        if (e instanceof FileSystemException fs && fs.getReason() != null) {
            return PERMANENT_ERRNO_MESSAGES.contains(fs.getReason());
        }
        return e instanceof IOException && e.getMessage() != null && PERMANENT_ERRNO_MESSAGES.contains(e.getMessage());
    }

    /**
     * Whether a failure that stopped the sink is the infrastructure's (a destination that cannot
     * be written, a cluster that cannot be reached in time) rather than the configuration's or a
     * bug: a supervisor restarts the first kind, a person fixes the second.
     */
    public static boolean isInfrastructure(Throwable error) {
        Throwable e = unwrap(error);
        return e instanceof DestinationFailedException || e instanceof TimeoutException;
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
