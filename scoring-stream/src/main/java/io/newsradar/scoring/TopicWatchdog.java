package io.newsradar.scoring;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeTopicsOptions;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks at an interval that every topic the stream reads or writes still exists, and is still
 * the topic that existed at start. Kafka Streams does not notice a deleted output topic: each
 * send waits out the producer's metadata timeout ({@code max.block.ms}), the task is marked
 * corrupted and re-processes its input, the thread is replaced after a rebalance, and the
 * client's state says RUNNING all along. A topic that was deleted and re-created (a broker with
 * {@code auto.create.topics.enable=true} re-creates it on the producer's next metadata request)
 * has a new topic id, and the watchdog reports that too: the re-created topic has the broker's
 * default partitions and configs, not the ones the admin step chose.
 *
 * <p>A check that cannot reach the cluster reports nothing: an unreachable broker is Kafka
 * Streams' to ride out, and the next check looks again.
 */
final class TopicWatchdog implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TopicWatchdog.class);

    private final Admin admin;
    // replaced, never changed, when a new ruleset adds alert topics (read by each check)
    private volatile List<String> topics;
    private final Object watchLock = new Object();
    private final Duration interval;
    private final Duration callTimeout;
    private final Map<String, Uuid> ids = new HashMap<>();
    private ScheduledExecutorService timer;
    private volatile boolean reported;

    /**
     * @param admin    used for the checks, closed by {@link #close()}
     * @param interval time between checks; each check also waits at most this long for the cluster
     */
    TopicWatchdog(Admin admin, List<String> topics, Duration interval) {
        this.admin = admin;
        this.topics = List.copyOf(topics);
        this.interval = interval;
        // a check may take up to one interval; never less than a second, so a short test interval
        // does not make a slow but healthy cluster look unreachable
        this.callTimeout = interval.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : interval;
    }

    /**
     * Records the current topic ids, then checks every interval and calls {@code onLost} (once, on
     * the watchdog's thread) with a sentence naming the first topic that is gone or replaced.
     *
     * @return the problem when one is found already at start
     */
    synchronized Optional<String> start(Consumer<String> onLost) {
        Optional<String> now = check();
        if (now.isPresent()) {
            return now;
        }
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "scoring-topic-watchdog");
            // never the reason the JVM stays up
            t.setDaemon(true);
            return t;
        });
        long ms = interval.toMillis();
        timer.scheduleWithFixedDelay(
                () -> {
                    if (reported) {
                        return;
                    }
                    Optional<String> problem = check();
                    if (problem.isPresent()) {
                        reported = true;
                        onLost.accept(problem.get());
                    }
                },
                ms,
                ms,
                TimeUnit.MILLISECONDS);
        return Optional.empty();
    }

    /**
     * Adds topics to the checks from the next one on (a ruleset activated while the stream runs
     * can name new alert topics); each is recorded by id at its first check.
     */
    void watch(List<String> more) {
        synchronized (watchLock) {
            List<String> all = new java.util.ArrayList<>(topics);
            more.stream().filter(t -> !all.contains(t)).forEach(all::add);
            topics = List.copyOf(all);
        }
    }

    /** One check: the first topic missing or replaced since the first check, if any. */
    synchronized Optional<String> check() {
        List<String> topics = this.topics;
        Map<String, KafkaFuture<TopicDescription>> found;
        try {
            found = admin.describeTopics(topics, new DescribeTopicsOptions().timeoutMs((int) callTimeout.toMillis()))
                    .topicNameValues();
        } catch (RuntimeException e) {
            LOG.warn("cannot check the scoring stream's topics: {}", e.toString());
            return Optional.empty();
        }
        for (String topic : topics) {
            try {
                Uuid id = found.get(topic)
                        .get(callTimeout.toMillis(), TimeUnit.MILLISECONDS)
                        .topicId();
                Uuid before = ids.putIfAbsent(topic, id);
                if (before != null && !before.equals(id)) {
                    return Optional.of("topic " + topic + " was deleted and re-created while the scoring stream ran"
                            + " (topic id " + before + " is now " + id
                            + "; a broker with auto.create.topics.enable=true"
                            + " re-creates a deleted topic with its default settings)");
                }
            } catch (ExecutionException e) {
                if (e.getCause() instanceof UnknownTopicOrPartitionException) {
                    return Optional.of("topic " + topic + " no longer exists: it was deleted while the scoring stream"
                            + " ran, and its records cannot be written");
                }
                LOG.warn("cannot check topic {}: {}", topic, e.getCause().toString());
                return Optional.empty();
            } catch (TimeoutException e) {
                LOG.warn("cannot check topic {}: no answer within {}", topic, callTimeout);
                return Optional.empty();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    @Override
    public void close() {
        ScheduledExecutorService t;
        synchronized (this) {
            t = timer;
            timer = null;
        }
        if (t != null) {
            t.shutdownNow();
        }
        admin.close(Duration.ofSeconds(5));
    }
}
