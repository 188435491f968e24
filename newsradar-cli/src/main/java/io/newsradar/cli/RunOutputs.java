package io.newsradar.cli;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;

/**
 * What the pipeline wrote to its output topics during one run, read from the outside. The run
 * starts at the topics' high watermarks (everything below was written before it, by an earlier
 * run, even if its transaction commits later) and its output is read up to a stable end (no
 * transaction open on any output partition), so a count is neither short nor padded.
 */
final class RunOutputs {
    private final PipelineProgress progress;
    private final List<String> topics;
    private final Map<TopicPartition, Long> start;

    private RunOutputs(PipelineProgress progress, List<String> topics, Map<TopicPartition, Long> start) {
        this.progress = progress;
        this.topics = topics;
        this.start = start;
    }

    /** Marks the start of a run on {@code topics}; call it before anything of the run is written. */
    static RunOutputs begin(PipelineProgress progress, Collection<String> topics)
            throws ExecutionException, InterruptedException {
        return new RunOutputs(progress, List.copyOf(topics), progress.highWatermarks(topics));
    }

    /**
     * The run's committed output so far, when no transaction is open on any of its topics; empty
     * while one is (its records may be about to count). Once the writers have stopped, the first
     * non-empty answer is final.
     */
    Optional<Output> ifStable() throws ExecutionException, InterruptedException {
        Optional<Map<TopicPartition, Long>> end = progress.stableEnd(topics);
        if (end.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Output(end.get(), progress.readBetween(start, end.get())));
    }

    /** The committed records of one run, up to {@code end}. */
    record Output(Map<TopicPartition, Long> end, List<ConsumerRecord<byte[], byte[]>> records) {
        Output {
            end = Map.copyOf(end);
            records = List.copyOf(records);
        }

        long count(Collection<String> ofTopics) {
            return records.stream().filter(r -> ofTopics.contains(r.topic())).count();
        }

        /**
         * Per partition of {@code ofTopics} that got records in this run: the offset after its
         * last one. A consumer group committed at least this far has handled all of them.
         */
        Map<TopicPartition, Long> nextOffsets(Collection<String> ofTopics) {
            Map<TopicPartition, Long> next = new HashMap<>();
            records.stream()
                    .filter(r -> ofTopics.contains(r.topic()))
                    .forEach(r -> next.merge(new TopicPartition(r.topic(), r.partition()), r.offset() + 1, Math::max));
            return next;
        }
    }
}
