package io.newsradar.cli;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Reads where the pipeline stands from the outside, through topics and consumer-group offsets
 * only (the services are not asked): end offsets, how far a group has committed, and how many
 * committed records a topic gained since a snapshot.
 */
final class PipelineProgress implements AutoCloseable {
    private final Map<String, Object> clientProps;
    private final Admin admin;

    PipelineProgress(Map<String, Object> clientProps) {
        this.clientProps = Map.copyOf(clientProps);
        this.admin = Admin.create(clientProps);
    }

    List<String> topicsMatching(Pattern pattern) throws ExecutionException, InterruptedException {
        return admin.listTopics().names().get().stream()
                .filter(n -> pattern.matcher(n).matches())
                .sorted()
                .toList();
    }

    /**
     * Each partition's last stable offset: below it every transaction is decided (committed or
     * aborted), so a read_committed consumer sees all of it. An open transaction holds it back.
     */
    Map<TopicPartition, Long> endOffsets(Collection<String> topics) throws ExecutionException, InterruptedException {
        return latestOffsets(topics, IsolationLevel.READ_COMMITTED);
    }

    /**
     * Each partition's high watermark: every record written so far, committed, aborted or in an
     * open transaction, lies below it. What is written after this call lands at or above it.
     */
    Map<TopicPartition, Long> highWatermarks(Collection<String> topics)
            throws ExecutionException, InterruptedException {
        return latestOffsets(topics, IsolationLevel.READ_UNCOMMITTED);
    }

    /**
     * The topics' ends when no transaction is open on any of their partitions (each partition's
     * last stable offset equals its high watermark), or empty while one is. Once writers have
     * stopped, this is the end up to which a read_committed count is final: the group offsets of
     * an exactly-once application become visible before its transaction markers reach the output
     * partitions, so a count taken at "caught up" alone can be short.
     */
    Optional<Map<TopicPartition, Long>> stableEnd(Collection<String> topics)
            throws ExecutionException, InterruptedException {
        Map<TopicPartition, Long> stable = endOffsets(topics);
        Map<TopicPartition, Long> written = highWatermarks(topics);
        return stable.equals(written) ? Optional.of(stable) : Optional.empty();
    }

    private Map<TopicPartition, Long> latestOffsets(Collection<String> topics, IsolationLevel isolation)
            throws ExecutionException, InterruptedException {
        if (topics.isEmpty()) {
            return Map.of();
        }
        Map<String, TopicDescription> described =
                admin.describeTopics(topics).allTopicNames().get();
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        described
                .values()
                .forEach(d -> d.partitions()
                        .forEach(p -> request.put(new TopicPartition(d.name(), p.partition()), OffsetSpec.latest())));
        return admin.listOffsets(request, new ListOffsetsOptions(isolation)).all().get().entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
    }

    /** True when the group has committed at least up to each given end offset. */
    boolean caughtUp(String groupId, Map<TopicPartition, Long> ends) throws ExecutionException, InterruptedException {
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(groupId)
                .partitionsToOffsetAndMetadata()
                .get();
        return caughtUp(committed, ends);
    }

    /**
     * True when a Kafka Streams application has consumed everything: its group has committed up
     * to {@code inputEnds} on its input topics and up to the high watermark of each of its own
     * repartition topics ({@code <application id>-…-repartition}), where the stream passes records
     * from one stage to the next. Caught up on the input alone is not done: the later stages
     * (story bands, votes, the story desk) still have records in flight.
     *
     * <p>The group's offsets are read before the watermarks: everything a transaction wrote
     * before its offsets were committed then lies below the watermarks read, so a stage still
     * owing a record shows as not caught up.
     */
    boolean streamsCaughtUp(String applicationId, Map<TopicPartition, Long> inputEnds)
            throws ExecutionException, InterruptedException {
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(applicationId)
                .partitionsToOffsetAndMetadata()
                .get();
        List<String> internal = topicsMatching(Pattern.compile(Pattern.quote(applicationId + "-") + ".*-repartition"));
        Map<TopicPartition, Long> ends = new HashMap<>(inputEnds);
        ends.putAll(highWatermarks(internal));
        return caughtUp(committed, ends);
    }

    private static boolean caughtUp(Map<TopicPartition, OffsetAndMetadata> committed, Map<TopicPartition, Long> ends) {
        return ends.entrySet().stream().allMatch(e -> {
            if (e.getValue() == 0) {
                return true;
            }
            OffsetAndMetadata c = committed.get(e.getKey());
            return c != null && c.offset() >= e.getValue();
        });
    }

    /**
     * The committed records of the partitions of {@code to}, from {@code from} (missing
     * partitions: from 0) up to but not including {@code to}, in partition order. {@code to} must
     * not be past a last stable offset, or the read waits for a transaction to end.
     */
    List<ConsumerRecord<byte[], byte[]>> readBetween(Map<TopicPartition, Long> from, Map<TopicPartition, Long> to) {
        Map<String, Object> props = new HashMap<>(clientProps);
        // only records of committed transactions count as output
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        // a reader of positions, not a member of any group: nothing to commit
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        List<ConsumerRecord<byte[], byte[]>> out = new ArrayList<>();
        List<TopicPartition> todo = to.keySet().stream()
                .filter(tp -> to.get(tp) > from.getOrDefault(tp, 0L))
                .toList();
        if (todo.isEmpty()) {
            return out;
        }
        try (KafkaConsumer<byte[], byte[]> consumer =
                new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.assign(todo);
            todo.forEach(tp -> consumer.seek(tp, from.getOrDefault(tp, 0L)));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (todo.stream().anyMatch(tp -> consumer.position(tp) < to.get(tp))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("timed out reading " + todo + " up to " + to);
                }
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    if (r.offset() < to.get(new TopicPartition(r.topic(), r.partition()))) {
                        out.add(r);
                    }
                }
            }
        }
        return out;
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(5));
    }
}
