package io.newsradar.scoring.ruleset;

import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;

/** Reading a whole topic with assigned partitions: no group, nothing committed, nothing left behind. */
final class WholeTopic {
    private WholeTopic() {}

    /**
     * Assigns every partition of the topic to the consumer, positioned at the beginning.
     *
     * @param where the cluster, for the message when the topic does not exist
     */
    static List<TopicPartition> assignFromBeginning(
            Consumer<?, ?> consumer, String topic, Duration timeout, Object where) {
        List<PartitionInfo> infos = consumer.partitionsFor(topic, timeout);
        if (infos == null || infos.isEmpty()) {
            throw new IllegalStateException("topic " + topic + " does not exist on " + where);
        }
        List<TopicPartition> partitions = infos.stream()
                .map(i -> new TopicPartition(i.topic(), i.partition()))
                .toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        return partitions;
    }
}
