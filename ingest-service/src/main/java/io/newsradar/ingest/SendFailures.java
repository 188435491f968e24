package io.newsradar.ingest;

import org.apache.kafka.common.InvalidRecordException;
import org.apache.kafka.common.errors.InvalidTimestampException;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;

/**
 * Sorts failed sends: an error of the record (its size, its encoding, its timestamp) rejects that
 * article and the others still go; anything else (timeouts, a missing topic, refused access, a
 * closed or fenced producer) is the cluster's and would fail every article after it the same way.
 */
final class SendFailures {
    private SendFailures() {}

    static boolean isRecordError(Throwable t) {
        return t instanceof InvalidArticleException
                || t instanceof RecordTooLargeException
                || t instanceof RecordBatchTooLargeException
                || t instanceof SerializationException
                || t instanceof InvalidRecordException
                || t instanceof InvalidTimestampException;
    }

    static String describe(Throwable t) {
        String m = t.getMessage();
        return t.getClass().getSimpleName() + (m == null ? "" : ": " + m);
    }
}
