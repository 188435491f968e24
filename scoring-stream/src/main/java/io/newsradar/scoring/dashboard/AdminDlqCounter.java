package io.newsradar.scoring.dashboard;

import io.newsradar.schemas.topics.Topics;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/**
 * Counts the records on both dead-letter topics from their offsets: per partition, the last stable
 * offset (read_committed: an open transaction's records are not counted yet) minus the log start
 * offset (what retention deleted is gone). Cheap (two offset lookups per partition, no records
 * read), and cached for a few seconds so every open dashboard polling every two seconds costs the
 * cluster one lookup per cache period.
 *
 * <p>Offsets count more than records where transactions wrote: each committed or aborted
 * transaction leaves a marker that takes an offset, and an aborted transaction's records keep
 * theirs. The scoring stream writes {@code news.dlq.v1} under exactly-once, so there the figure is
 * an upper bound (up to one marker per transaction that dead-lettered); {@code newsradar dlq list}
 * reads the records themselves.
 */
final class AdminDlqCounter implements DlqCounter, AutoCloseable {
    static final List<String> TOPICS = List.of(Topics.NEWS_DLQ.name(), Topics.DELIVERY_DLQ.name());
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(10);

    private final Admin admin;
    private final Cached<List<DlqCount>> cache;

    AdminDlqCounter(Map<String, Object> kafkaClientProps, Clock clock, Duration cacheFor) {
        Map<String, Object> p = new HashMap<>(kafkaClientProps);
        // tells the broker's logs and quotas who this is
        p.put(AdminClientConfig.CLIENT_ID_CONFIG, "newsradar-dashboard-dlq-counts");
        // a page poll waits for this at most: fail fast and show the error rather than hang
        p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) CALL_TIMEOUT.toMillis());
        p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) CALL_TIMEOUT.toMillis());
        this.admin = Admin.create(p);
        this.cache = new Cached<>(clock, cacheFor, this::ask);
    }

    @Override
    public List<DlqCount> counts() {
        return cache.get();
    }

    private List<DlqCount> ask() {
        List<DlqCount> out = new ArrayList<>();
        Map<String, KafkaFuture<TopicDescription>> described =
                admin.describeTopics(TOPICS).topicNameValues();
        for (String topic : TOPICS) {
            TopicDescription d;
            try {
                d = get(described.get(topic));
            } catch (UnknownTopicOrPartitionException e) {
                out.add(new DlqCount(topic, -1));
                continue;
            }
            Map<TopicPartition, OffsetSpec> earliest = new HashMap<>();
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            d.partitions().forEach(p -> {
                TopicPartition tp = new TopicPartition(topic, p.partition());
                earliest.put(tp, OffsetSpec.earliest());
                latest.put(tp, OffsetSpec.latest());
            });
            ListOffsetsOptions committed = new ListOffsetsOptions(IsolationLevel.READ_COMMITTED);
            var starts = get(admin.listOffsets(earliest, committed).all());
            var ends = get(admin.listOffsets(latest, committed).all());
            long records = 0;
            for (TopicPartition tp : earliest.keySet()) {
                records += Math.max(0, ends.get(tp).offset() - starts.get(tp).offset());
            }
            out.add(new DlqCount(topic, records));
        }
        return List.copyOf(out);
    }

    private static <T> T get(KafkaFuture<T> f) {
        try {
            return f.get(CALL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("the cluster did not answer within " + CALL_TIMEOUT.toSeconds() + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(5));
    }

    /** A value asked for at most once per period; a failure is not cached (the next call asks again). */
    static final class Cached<T> {
        private final Clock clock;
        private final Duration period;
        private final Supplier<T> source;
        private T value;
        private Instant at;

        Cached(Clock clock, Duration period, Supplier<T> source) {
            this.clock = clock;
            this.period = period;
            this.source = source;
        }

        synchronized T get() {
            Instant now = clock.instant();
            if (value == null || !now.isBefore(at.plus(period))) {
                value = source.get();
                at = now;
            }
            return value;
        }
    }
}
