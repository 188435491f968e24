package io.newsradar.ingest.service;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * A compacted topic of string records read whole, as its readers see it: the last value of each
 * key on each partition, keys whose last record there is a tombstone left out. Read from the
 * beginning to the end offsets it had when reading started, committed records only
 * (feeds.state.v1 is written in transactions). A key can be live on more than one partition (a
 * feed whose host changed, written before the old placement was tombstoned): each is returned.
 */
public final class CompactedTopic {
    private CompactedTopic() {}

    /** The live value of a key on one partition. */
    public record LiveRecord(String key, int partition, String value) {}

    /**
     * @return the live records, by partition, each partition's keys in the order first met
     * @throws IllegalStateException when the topic does not exist or cannot be read to its end in time
     */
    public static List<LiveRecord> read(Map<String, Object> clientProps, String topic, Duration timeout) {
        Map<String, Object> props = new HashMap<>(clientProps);
        // never show a value of an aborted or still open transaction
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        // a reader with assigned partitions: no group, no offsets to commit or clean up afterwards
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.remove(ConsumerConfig.GROUP_ID_CONFIG);
        Map<Integer, Map<String, String>> latest = new TreeMap<>();
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
            while (!partitions.stream().allMatch(tp -> consumer.position(tp, timeout) >= ends.get(tp))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("could not read " + topic + " to its end within " + timeout);
                }
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                    if (r.key() == null) {
                        continue;
                    }
                    Map<String, String> onPartition = latest.computeIfAbsent(r.partition(), p -> new LinkedHashMap<>());
                    if (r.value() == null) {
                        onPartition.remove(r.key());
                    } else {
                        onPartition.put(r.key(), r.value());
                    }
                }
            }
        }
        List<LiveRecord> out = new ArrayList<>();
        latest.forEach(
                (partition, values) -> values.forEach((key, value) -> out.add(new LiveRecord(key, partition, value))));
        return out;
    }
}
