package io.newsradar.cli;

import org.apache.kafka.common.KafkaException;

/**
 * A record a command wrote (a mute, an unmute, a retraction) was not acknowledged by the cluster
 * in the bounded wait, or was refused by it. The cluster's fault, not the input's: the CLI exits
 * with its infrastructure code.
 */
final class ClusterWriteException extends KafkaException {
    private static final long serialVersionUID = 1L;

    ClusterWriteException(String message, Throwable cause) {
        super(message, cause);
    }
}
