package io.newsradar.schemas.serde;

import org.apache.kafka.common.errors.SerializationException;

/**
 * The one exception type for bytes that cannot be turned back into a record: garbage, a truncated
 * body, a bad single-object header, or a schema fingerprint no released version of ours has.
 * Applications route records that raise it to a dead-letter topic instead of dying on them.
 */
public class UndecodableRecordException extends SerializationException {
    private static final long serialVersionUID = 1L;

    public UndecodableRecordException(String message, Throwable cause) {
        super(message, cause);
    }
}
