package io.newsradar.sink;

import java.util.Collection;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Logs the sink's partition assignments. */
final class LoggingRebalanceListener implements ConsumerRebalanceListener {
    private static final Logger log = LoggerFactory.getLogger(AlertSink.class);

    @Override
    public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
        if (!partitions.isEmpty()) {
            log.info("alert sink assigned {}", partitions);
        }
    }

    @Override
    public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
        // Nothing to commit here: every batch is committed before the next poll, the only
        // place a rebalance can run.
        if (!partitions.isEmpty()) {
            log.info("alert sink revoked {}", partitions);
        }
    }
}
