package io.newsradar.cli;

import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * A compacted topic of string records read whole, as its readers see it: the last value of each
 * key, keys whose last record is a tombstone left out. Read from the beginning to the end offsets
 * it had when reading started, committed records only (feeds.state.v1 is written in transactions).
 */
final class CompactedTopic {
    private CompactedTopic() {}

    /**
     * @return key -> last value, in the order keys were first met
     * @throws IllegalStateException when the topic does not exist or cannot be read to its end in time
     */
    static Map<String, String> read(Map<String, Object> clientProps, String topic, Duration timeout) {
        Map<String, Object> props = new HashMap<>(clientProps);
        // never show a value of an aborted or still open transaction
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        // a reader with assigned partitions: no group, no offsets to commit or clean up afterwards
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.remove(ConsumerConfig.GROUP_ID_CONFIG);
        Map<String, String> latest = new LinkedHashMap<>();
        try (KafkaConsumer<String, String> consumer =
                new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
            List<PartitionInfo> infos = consumer.partitionsFor(topic, timeout);
            if (infos == null || infos.isEmpty()) {
                throw new IllegalStateException("topic " + topic + " does not exist on "
                        + clientProps.get(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG));
            }
            List<TopicPartition> partitions = infos.stream()
                    .map(i -> new TopicPartition(i.topic(), i.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            // under read_committed these are the last stable offsets: nothing past an open transaction
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, timeout);
            long deadline = System.nanoTime() + timeout.toNanos();
            while (!partitions.stream().allMatch(tp -> consumer.position(tp) >= ends.get(tp))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("could not read " + topic + " to its end within " + timeout);
                }
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                    if (r.key() == null) {
                        continue;
                    }
                    if (r.value() == null) {
                        latest.remove(r.key());
                    } else {
                        latest.put(r.key(), r.value());
                    }
                }
            }
        }
        return latest;
    }
}
