package io.newsradar.ingest.service;

import io.newsradar.schemas.feeds.FeedState;
import io.newsradar.schemas.topics.Topics;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads partitions of {@code feeds.state.v1} from the start to their last stable offset (the
 * consumer is read_committed), keeping the last state per feed; a tombstone forgets the feed's
 * state. Used when partitions are assigned, after the group consumer has waited for a previous
 * owner's pending transaction, so the states read are the last committed ones.
 */
final class StateLoader {
    private static final Logger log = LoggerFactory.getLogger(StateLoader.class);
    private static final Duration POLL = Duration.ofMillis(100);

    /** The states of one partition, and the feeds whose state could not be read. */
    record Loaded(Map<String, FeedState> states, Set<String> unreadable) {}

    private final Consumer<String, String> consumer;

    StateLoader(Consumer<String, String> consumer) {
        this.consumer = consumer;
    }

    /**
     * @throws TimeoutException when the partitions cannot be read to their end within {@code timeout}
     */
    Map<Integer, Loaded> load(Collection<Integer> partitions, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<TopicPartition> tps = partitions.stream()
                .map(p -> new TopicPartition(Topics.FEEDS_STATE.name(), p))
                .toList();
        Map<Integer, Map<String, FeedState>> states = new HashMap<>();
        Map<Integer, Set<String>> unreadable = new HashMap<>();
        partitions.forEach(p -> {
            states.put(p, new HashMap<>());
            unreadable.put(p, new HashSet<>());
        });
        try {
            consumer.assign(tps);
            consumer.seekToBeginning(tps);
            Map<TopicPartition, Long> ends = consumer.endOffsets(tps, timeout);
            while (!atEnd(ends, deadline)) {
                for (ConsumerRecord<String, String> r : consumer.poll(POLL)) {
                    apply(r, states.get(r.partition()), unreadable.get(r.partition()));
                }
                if (System.nanoTime() > deadline) {
                    throw new TimeoutException(
                            "feed states of partitions " + partitions + " not read within " + timeout);
                }
            }
        } finally {
            consumer.assign(List.of());
        }
        Map<Integer, Loaded> loaded = new HashMap<>();
        partitions.forEach(p -> loaded.put(p, new Loaded(states.get(p), unreadable.get(p))));
        return loaded;
    }

    private boolean atEnd(Map<TopicPartition, Long> ends, long deadline) {
        for (Map.Entry<TopicPartition, Long> e : ends.entrySet()) {
            Duration left = Duration.ofNanos(Math.max(deadline - System.nanoTime(), 1_000_000));
            if (consumer.position(e.getKey(), left) < e.getValue()) {
                return false;
            }
        }
        return true;
    }

    private static void apply(ConsumerRecord<String, String> r, Map<String, FeedState> states, Set<String> unreadable) {
        if (r.key() == null) {
            return;
        }
        if (r.value() == null) {
            states.remove(r.key());
            unreadable.remove(r.key());
            return;
        }
        try {
            states.put(r.key(), FeedState.fromJson(r.value()));
            unreadable.remove(r.key());
        } catch (IllegalArgumentException e) {
            // polling it from no state would publish its items again: hold it back, loudly
            states.remove(r.key());
            unreadable.add(r.key());
            log.warn(
                    "feed {}: its state at {}-{}@{} cannot be read ({}); the feed is not polled until a readable "
                            + "state is written",
                    r.key(),
                    r.topic(),
                    r.partition(),
                    r.offset(),
                    e.getMessage());
        }
    }
}
