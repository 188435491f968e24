package io.newsradar.ingest.service;

import io.newsradar.avro.NewsArticle;
import io.newsradar.ingest.ArticlePublisher;
import io.newsradar.ingest.poll.PollOutcome;
import io.newsradar.schemas.feeds.FeedPartitions;
import io.newsradar.schemas.feeds.FeedRecord;
import io.newsradar.schemas.limits.ArticleLimits;
import io.newsradar.schemas.topics.Topics;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerGroupMetadata;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.FencedInstanceIdException;
import org.apache.kafka.common.errors.OutOfOrderSequenceException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.UnsupportedVersionException;
import org.apache.kafka.common.serialization.Serializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes one poll outcome in one Kafka transaction: its articles to {@code news.raw.v1} (keyed by
 * article id, publish time as timestamp, the id headers, like {@link ArticlePublisher}), the
 * feed's new state to {@code feeds.state.v1} on the feed's partition, and the positions of the
 * assigned {@code feeds.v1} partitions with the consumer's group metadata (KIP-447): if this
 * instance has lost the partition to another, the group coordinator refuses the offsets and the
 * transaction aborts, so a zombie never writes a state behind the new owner's back.
 *
 * <p>A timed-out commit (or abort, or offset send) is retried as the producer requires (a timed
 * out transactional call can only be repeated): a broker that is down stalls the poller, it never
 * loses or doubles an article. Any other error aborts the transaction: nothing of it becomes
 * visible to read_committed readers. Fencing and authorisation errors are fatal.
 */
final class OutcomeCommitter {
    private static final Logger log = LoggerFactory.getLogger(OutcomeCommitter.class);

    private final Producer<byte[], byte[]> producer;
    private final int statePartitions;
    private final BooleanSupplier running;
    private final Serializer<String> keys = Topics.NEWS_RAW.keySerde().serializer();
    private final Serializer<NewsArticle> articles =
            Topics.NEWS_RAW.valueSerde().serializer();
    private final Serializer<String> states = Topics.FEEDS_STATE.valueSerde().serializer();
    /** Least time between two tries of a transactional call that timed out. */
    private static final long MIN_RETRY_MS = 200;

    private volatile boolean brokerUnavailable;

    /** Why a transaction was not committed, when it was not. */
    record Result(boolean committed, int published, String reason) {}

    OutcomeCommitter(Producer<byte[], byte[]> producer, int statePartitions, BooleanSupplier running) {
        this.producer = producer;
        this.statePartitions = statePartitions;
        this.running = running;
    }

    /** Registers the transactional id, fencing an older producer with the same id; retried while the broker is away. */
    void init() {
        try {
            retryOnTimeout("initialise transactions", () -> {
                producer.initTransactions();
                return null;
            });
        } catch (KafkaException e) {
            PollerFailedException fatal = fatalOr(e);
            throw fatal != null
                    ? fatal
                    : new PollerFailedException("cannot initialise transactions: " + describe(e), e, true);
        }
    }

    /**
     * @throws PollerFailedException when the producer cannot go on (fenced, not authorised)
     */
    Result commit(
            FeedRecord feed,
            PollOutcome outcome,
            Map<TopicPartition, OffsetAndMetadata> offsets,
            ConsumerGroupMetadata group) {
        int published = 0;
        try {
            producer.beginTransaction();
            for (NewsArticle article : outcome.articles()) {
                Optional<String> overLimit = ArticleLimits.violation(article);
                if (overLimit.isPresent()) {
                    // never reaches the producer: under a transaction it would fail the whole poll, forever
                    log.warn("feed {}: article {} rejected: {}", feed.id(), article.getId(), overLimit.get());
                    continue;
                }
                failFast(producer.send(articleRecord(article)));
                published++;
            }
            failFast(producer.send(stateRecord(feed, outcome)));
            retryOnTimeout("send the feed offsets", () -> {
                producer.sendOffsetsToTransaction(offsets, group);
                return null;
            });
            retryOnTimeout("commit", () -> {
                producer.commitTransaction();
                return null;
            });
            if (brokerUnavailable) {
                log.info("the Kafka cluster answers again");
                brokerUnavailable = false;
            }
            return new Result(true, published, "");
        } catch (KafkaException e) {
            PollerFailedException fatal = fatalOr(e);
            if (fatal != null) {
                throw fatal;
            }
            if (causedByCluster(e)) {
                clusterTrouble("failed a transaction: " + describe(e));
            }
            abort(feed);
            return new Result(false, 0, describe(e));
        }
    }

    /**
     * A send that failed at once (no metadata for the topic within max.block.ms, or the
     * transaction already failed) fails the transaction: the records after it would only wait
     * out the same timeout each.
     */
    private static void failFast(Future<RecordMetadata> ack) {
        if (ack.isDone()) {
            try {
                ack.get();
            } catch (ExecutionException e) {
                throw e.getCause() instanceof KafkaException k
                        ? k
                        : new KafkaException("send failed: " + e.getCause(), e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new KafkaException("interrupted while sending", e);
            }
        }
    }

    private static boolean causedByCluster(Throwable e) {
        for (Throwable c = e; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof RetriableException) {
                return true;
            }
        }
        return false;
    }

    private void abort(FeedRecord feed) {
        try {
            retryOnTimeout("abort", () -> {
                producer.abortTransaction();
                return null;
            });
        } catch (KafkaException e) {
            PollerFailedException fatal = fatalOr(e);
            throw fatal != null
                    ? fatal
                    : new PollerFailedException(
                            "cannot abort the transaction of feed " + feed.id() + ": " + describe(e), e, true);
        }
    }

    private ProducerRecord<byte[], byte[]> articleRecord(NewsArticle article) {
        String topic = Topics.NEWS_RAW.name();
        return new ProducerRecord<>(
                topic,
                null, // partition chosen from the key, so copies of an article share one
                article.getPublishedAt().toEpochMilli(), // event time, as ArticlePublisher writes it
                keys.serialize(topic, article.getId()),
                articles.serialize(topic, article),
                ArticlePublisher.idHeaders(article));
    }

    private ProducerRecord<byte[], byte[]> stateRecord(FeedRecord feed, PollOutcome outcome) {
        String topic = Topics.FEEDS_STATE.name();
        // the listed URL's partition: the same as the feed's record, whatever URL it is fetched from now
        int partition = FeedPartitions.partitionFor(feed.url(), statePartitions);
        return new ProducerRecord<>(
                topic,
                partition,
                keys.serialize(topic, feed.id()),
                states.serialize(topic, outcome.state().toJson()));
    }

    /**
     * Repeats a transactional call that timed out (the producer allows nothing else after a
     * timeout), until it completes, fails otherwise, or the poller is closing.
     */
    private <T> T retryOnTimeout(String what, Supplier<T> call) {
        while (true) {
            long start = System.nanoTime();
            try {
                return call.get();
            } catch (TimeoutException e) {
                if (!running.getAsBoolean()) {
                    throw new PollerFailedException(
                            "closing while the broker did not answer (" + what + "): " + e.getMessage(), e, true);
                }
                clusterTrouble("did not answer in time (" + what + "): " + e.getMessage() + "; retrying");
                pauseIfQuick(start);
            }
        }
    }

    /**
     * A call can time out at once (in 4.4 sendOffsetsToTransaction spends max.block.ms on topic
     * metadata and then awaits its result for what is left, possibly 0 ms): never repeat faster
     * than {@link #MIN_RETRY_MS}, or a broker outage would spin this thread.
     */
    private static void pauseIfQuick(long startNanos) {
        long elapsedMs = (System.nanoTime() - startNanos) / 1_000_000;
        if (elapsedMs < MIN_RETRY_MS) {
            try {
                Thread.sleep(MIN_RETRY_MS - elapsedMs);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new PollerFailedException("interrupted while waiting for the Kafka cluster", e, true);
            }
        }
    }

    private void clusterTrouble(String what) {
        if (!brokerUnavailable) {
            log.warn("the Kafka cluster {}", what);
            brokerUnavailable = true;
        }
    }

    /**
     * Whether the last transaction could not reach the Kafka cluster (a call is being retried,
     * or it was aborted for a cluster error); false again after the next commit.
     */
    boolean brokerUnavailable() {
        return brokerUnavailable;
    }

    /** The fatal form of a producer error, or null when the transaction can just be aborted. */
    private static PollerFailedException fatalOr(KafkaException e) {
        if (e instanceof ProducerFencedException || e instanceof FencedInstanceIdException) {
            return new PollerFailedException(
                    "fenced: another ingest instance runs with the same transactional id (set "
                            + PollerSettings.INSTANCE_ID + " uniquely per instance): " + e.getMessage(),
                    e,
                    false);
        }
        if (e instanceof AuthorizationException || e instanceof AuthenticationException) {
            return new PollerFailedException("not allowed by the Kafka cluster: " + e.getMessage(), e, true);
        }
        if (e instanceof OutOfOrderSequenceException || e instanceof UnsupportedVersionException) {
            return new PollerFailedException("the producer cannot go on: " + e.getMessage(), e, true);
        }
        return null;
    }

    static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = e.getClass().getSimpleName() + ": " + e.getMessage();
        return root == e ? message : message + " (" + root.getClass().getSimpleName() + ": " + root.getMessage() + ")";
    }
}
