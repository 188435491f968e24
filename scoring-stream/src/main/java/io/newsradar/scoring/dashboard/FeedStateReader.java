package io.newsradar.scoring.dashboard;

import io.newsradar.schemas.feeds.FeedState;
import io.newsradar.schemas.topics.Topics;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the compacted {@code feeds.state.v1} from the beginning into memory, on a thread of its
 * own, and keeps following it: the latest state per feed, a tombstone removes the feed. It reads
 * only committed records (the poller writes a state in one transaction with the poll's items) and
 * joins no group: every dashboard instance wants every feed, and there is nothing to commit.
 * A feed's state is a few hundred bytes plus its seen item ids; the topic holds one per feed.
 */
final class FeedStateReader implements FeedStates, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(FeedStateReader.class);
    private static final Duration POLL = Duration.ofMillis(500);

    private final Map<String, Object> consumerProps;
    private final Map<String, FeedState> byFeed = new ConcurrentHashMap<>();
    private final AtomicReference<String> failure = new AtomicReference<>();
    private final Thread thread;
    private volatile boolean loaded;
    private volatile boolean closing;
    private volatile KafkaConsumer<String, String> consumer;

    FeedStateReader(Map<String, Object> kafkaClientProps) {
        Map<String, Object> p = new HashMap<>(kafkaClientProps);
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        // states of aborted polls never happened: read only what the poller committed
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        // no group (assign, not subscribe): nothing to commit, and no auto-commit to ask for one
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        // tells the broker's logs and quotas who this is
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, "newsradar-dashboard-feed-states");
        this.consumerProps = p;
        this.thread = new Thread(this::run, "newsradar-dashboard-feed-states");
        thread.setDaemon(true);
    }

    FeedStateReader start() {
        thread.start();
        return this;
    }

    @Override
    public Collection<FeedState> states() {
        return List.copyOf(byFeed.values());
    }

    @Override
    public boolean loaded() {
        return loaded;
    }

    @Override
    public Optional<String> failure() {
        return Optional.ofNullable(failure.get());
    }

    private void run() {
        String topic = Topics.FEEDS_STATE.name();
        try (KafkaConsumer<String, String> c = new KafkaConsumer<>(consumerProps)) {
            consumer = c;
            if (closing) {
                return;
            }
            List<TopicPartition> partitions = partitions(c, topic);
            if (partitions.isEmpty()) {
                return;
            }
            c.assign(partitions);
            c.seekToBeginning(partitions);
            // what "caught up" means: the last stable offsets when reading starts
            Map<TopicPartition, Long> ends = c.endOffsets(partitions);
            while (!closing) {
                try {
                    for (ConsumerRecord<String, String> r : c.poll(POLL)) {
                        apply(r);
                    }
                    failure.set(null);
                    if (!loaded && partitions.stream().allMatch(tp -> c.position(tp) >= ends.get(tp))) {
                        loaded = true;
                        log.info("dashboard: {} feed states read from {}", byFeed.size(), topic);
                    }
                } catch (WakeupException | InterruptException e) {
                    throw e;
                } catch (KafkaException e) {
                    // the broker away for a while: say so on the page, keep trying
                    failure.set("cannot read " + topic + ": " + e.getMessage());
                    log.warn("dashboard: cannot read {}: {}", topic, e.toString());
                }
            }
        } catch (WakeupException | InterruptException e) {
            // closing
        } catch (RuntimeException e) {
            failure.set("stopped reading " + topic + ": " + e.getMessage());
            log.error("dashboard: stopped reading {}", topic, e);
        }
    }

    /** The topic's partitions, once it exists; empty when closed before. */
    private List<TopicPartition> partitions(KafkaConsumer<String, String> c, String topic) {
        while (!closing) {
            try {
                List<TopicPartition> found = c.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                        .map(i -> new TopicPartition(topic, i.partition()))
                        .toList();
                if (!found.isEmpty()) {
                    return found;
                }
                failure.set("topic " + topic + " does not exist (yet)");
            } catch (WakeupException | InterruptException e) {
                throw e;
            } catch (KafkaException e) {
                failure.set("cannot reach the cluster for " + topic + ": " + e.getMessage());
            }
            try {
                // nothing assigned, so nothing to poll: look again in a second (close() waits it out)
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return List.of();
            }
        }
        return List.of();
    }

    private void apply(ConsumerRecord<String, String> r) {
        if (r.key() == null) {
            return;
        }
        if (r.value() == null) {
            byFeed.remove(r.key());
            return;
        }
        try {
            byFeed.put(r.key(), FeedState.fromJson(r.value()));
        } catch (IllegalArgumentException e) {
            // a later format, or a broken record: skip it, the feed keeps its last readable state
            log.warn("dashboard: feed state of {} at offset {} skipped: {}", r.key(), r.offset(), e.getMessage());
        }
    }

    /** Stops the thread and closes the consumer. */
    @Override
    public void close() {
        closing = true;
        KafkaConsumer<String, String> c = consumer;
        if (c != null) {
            c.wakeup();
        }
        try {
            thread.join(Duration.ofSeconds(30).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
