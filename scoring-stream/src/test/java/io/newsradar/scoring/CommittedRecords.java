package io.newsradar.scoring;

import static org.awaitility.Awaitility.await;

import io.newsradar.localkafka.LocalKafkaBroker;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/** Every committed record of a topic, read once no transaction is open on it. */
final class CommittedRecords {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private CommittedRecords() {}

    /**
     * A transaction's commit markers reach its partitions one by one, so the topic is read only
     * once its last stable offsets have caught up with its high watermarks.
     */
    static List<ConsumerRecord<byte[], byte[]>> read(LocalKafkaBroker broker, String topic) {
        List<ConsumerRecord<byte[], byte[]>> out = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props(broker, "read_committed"));
                KafkaConsumer<byte[], byte[]> uncommitted = new KafkaConsumer<>(props(broker, "read_uncommitted"))) {
            List<TopicPartition> parts = consumer.partitionsFor(topic).stream()
                    .map(i -> new TopicPartition(topic, i.partition()))
                    .toList();
            Map<TopicPartition, Long> end = new HashMap<>();
            await().atMost(TIMEOUT).until(() -> {
                end.clear();
                end.putAll(consumer.endOffsets(parts));
                return end.equals(uncommitted.endOffsets(parts));
            });
            consumer.assign(parts);
            consumer.seekToBeginning(parts);
            await().atMost(TIMEOUT).until(() -> {
                consumer.poll(Duration.ofMillis(100)).forEach(out::add);
                return parts.stream().allMatch(tp -> consumer.position(tp) >= end.get(tp));
            });
        }
        return out;
    }

    private static Map<String, Object> props(LocalKafkaBroker broker, String isolation) {
        Map<String, Object> p = new HashMap<>(broker.clientProps());
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        // read_committed: only what the app committed; read_uncommitted: to see the high watermark
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, isolation);
        // assign() without a group: nothing to commit, nothing to rebalance
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        return p;
    }
}
