package io.newsradar.cli;

import io.newsradar.schemas.config.NewsradarConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Reads a topic as bytes up to the end it had when the read began: every record, or the one at a
 * position. Committed records only, and without a group: a look, nothing to clean up.
 */
final class DlqReader {
    private static final Duration POLL = Duration.ofMillis(200);
    private static final Duration METADATA_TIMEOUT = Duration.ofSeconds(30);

    private final Map<String, Object> props;

    DlqReader(NewsradarConfig config) {
        props = new HashMap<>(config.kafkaClientProps());
        // the scoring stream writes news.dlq.v1 in its transactions: an aborted dead letter never happened
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        // a viewer with assigned partitions: no group, so no offsets to commit
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        // a look must not create the topic it looks for (a dead letter can name one that is gone)
        props.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
    }

    /** Every committed record of the topic, partition by partition, in offset order. */
    void readAll(String topic, Consumer<ConsumerRecord<byte[], byte[]>> each) {
        try (KafkaConsumer<byte[], byte[]> c = consumer()) {
            List<TopicPartition> parts = partitions(c, topic);
            c.assign(parts);
            c.seekToBeginning(parts);
            Map<TopicPartition, Long> ends = c.endOffsets(parts);
            List<ConsumerRecord<byte[], byte[]>> all = new ArrayList<>();
            while (!parts.stream().allMatch(tp -> c.position(tp) >= ends.get(tp))) {
                for (ConsumerRecord<byte[], byte[]> r : c.poll(POLL)) {
                    if (r.offset() < ends.get(new TopicPartition(r.topic(), r.partition()))) {
                        all.add(r);
                    }
                }
            }
            all.stream()
                    .sorted((a, b) -> a.partition() != b.partition()
                            ? Integer.compare(a.partition(), b.partition())
                            : Long.compare(a.offset(), b.offset()))
                    .forEach(each);
        }
    }

    /** The committed record at that position, empty when there is none (past the end, aborted, a marker). */
    Optional<ConsumerRecord<byte[], byte[]>> read(String topic, DlqPosition at) {
        try (KafkaConsumer<byte[], byte[]> c = consumer()) {
            List<TopicPartition> parts = partitions(c, topic);
            TopicPartition tp = new TopicPartition(topic, at.partition());
            if (!parts.contains(tp)) {
                throw new IllegalArgumentException(
                        topic + " has no partition " + at.partition() + " (it has " + parts.size() + ")");
            }
            c.assign(List.of(tp));
            long end = c.endOffsets(List.of(tp)).get(tp);
            if (at.offset() >= end) {
                return Optional.empty();
            }
            c.seek(tp, at.offset());
            // read_committed skips aborted records and markers: stop at the first record past the
            // position, or when the partition's end is reached
            while (c.position(tp) < end) {
                for (ConsumerRecord<byte[], byte[]> r : c.poll(POLL)) {
                    if (r.offset() == at.offset()) {
                        return Optional.of(r);
                    }
                    if (r.offset() > at.offset()) {
                        return Optional.empty();
                    }
                }
            }
            return Optional.empty();
        }
    }

    private KafkaConsumer<byte[], byte[]> consumer() {
        return new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    private static List<TopicPartition> partitions(KafkaConsumer<?, ?> c, String topic) {
        List<PartitionInfo> infos = c.partitionsFor(topic, METADATA_TIMEOUT);
        if (infos == null || infos.isEmpty()) {
            throw new IllegalArgumentException("topic " + topic + " does not exist");
        }
        return infos.stream()
                .map(p -> new TopicPartition(p.topic(), p.partition()))
                .toList();
    }
}
