package io.newsradar.ingest;

import io.newsradar.avro.NewsArticle;
import io.newsradar.schemas.config.NewsradarConfig;
import io.newsradar.schemas.limits.ArticleLimits;
import io.newsradar.schemas.topics.ArticleHeaders;
import io.newsradar.schemas.topics.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongSupplier;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * Publishes normalised articles to {@code news.raw.v1}, keyed by article id, with the publish time
 * as the record timestamp. Thread-safe (as the Kafka producer is).
 *
 * <p>Nothing over the size limits ({@link ArticleLimits}) reaches the producer. A send that fails
 * for the cluster's sake ({@link SendFailures}) marks the publisher failed: later articles fail at
 * once with that cause instead of each waiting out the same timeout. A one-shot run ({@code ingest
 * --file}) stays failed, since it stops there; a service ({@link #forService}) fails fast only for
 * a short hold and then tries the cluster again, so a brief outage costs callers a retry (a push
 * answered 503), never the service itself.
 */
public final class ArticlePublisher implements AutoCloseable {
    static final Duration DEFAULT_CLOSE_TIMEOUT = Duration.ofSeconds(30);

    private final Producer<String, NewsArticle> producer;
    private final String destination;
    private final AtomicReference<Failure> failure = new AtomicReference<>();
    /** How long a cluster failure fails later sends at once; null: for good (one-shot runs). */
    private final Duration failFastHold;

    private final LongSupplier nanoClock;

    /** A cluster failure and when it happened ({@link System#nanoTime()}). */
    private record Failure(BrokerUnavailableException cause, long atNanos) {}

    /** A publisher for a one-shot run: after a cluster failure it stays failed. */
    public ArticlePublisher(NewsradarConfig config) {
        this(newProducer(config), destination(config), null, System::nanoTime);
    }

    /**
     * A publisher for a long-running service: after a cluster failure, sends fail at once for
     * {@code failFastHold}, then the cluster is tried again.
     */
    public static ArticlePublisher forService(NewsradarConfig config, Duration failFastHold) {
        return new ArticlePublisher(
                newProducer(config), destination(config), Objects.requireNonNull(failFastHold), System::nanoTime);
    }

    /** With any producer (tests use Kafka's {@code MockProducer}). */
    ArticlePublisher(Producer<String, NewsArticle> producer) {
        this(producer, Topics.NEWS_RAW.name(), null, System::nanoTime);
    }

    /** With any producer and a fail-fast hold measured on the given clock (tests). */
    ArticlePublisher(Producer<String, NewsArticle> producer, Duration failFastHold, LongSupplier nanoClock) {
        this(producer, Topics.NEWS_RAW.name(), failFastHold, nanoClock);
    }

    private ArticlePublisher(
            Producer<String, NewsArticle> producer, String destination, Duration failFastHold, LongSupplier nanoClock) {
        this.producer = Objects.requireNonNull(producer, "producer");
        this.destination = destination;
        this.failFastHold = failFastHold;
        this.nanoClock = nanoClock;
    }

    private static Producer<String, NewsArticle> newProducer(NewsradarConfig config) {
        return new KafkaProducer<>(
                producerConfig(config),
                Topics.NEWS_RAW.keySerde().serializer(),
                Topics.NEWS_RAW.valueSerde().serializer());
    }

    private static String destination(NewsradarConfig config) {
        return Topics.NEWS_RAW.name() + " on the Kafka cluster at " + config.bootstrapServers();
    }

    static Map<String, Object> producerConfig(NewsradarConfig config) {
        // Fails with a message naming the setting, before the client's own less helpful one.
        config.bootstrapServers();
        // Operator settings (bootstrap, security, timeouts) first; ours below win.
        Map<String, Object> props = new HashMap<>(config.kafkaClientProps());
        // A retry after a lost acknowledgement must not write the article twice: the broker
        // deduplicates by producer id and sequence number.
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        // An acknowledged article must survive the leader failing; idempotence requires it too.
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        // Names this client in broker logs, metrics and quotas, unless the operator chose a name.
        props.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, "newsradar-ingest");
        // An unreachable cluster fails the run after a bounded wait, not 60 s per article.
        BrokerWait.boundProducer(props, BrokerWait.of(config));
        return props;
    }

    /**
     * Sends one article. The future completes when the broker has acknowledged it, or
     * exceptionally with the reason: {@link InvalidArticleException} for an article over the size
     * limits (never sent), {@link BrokerUnavailableException} once the cluster failed a send,
     * else the producer's error (serialization, record too large...). Never throws.
     */
    public CompletableFuture<RecordMetadata> publish(NewsArticle article) {
        CompletableFuture<RecordMetadata> result = new CompletableFuture<>();
        Optional<String> overLimit = ArticleLimits.violation(article);
        if (overLimit.isPresent()) {
            result.completeExceptionally(new InvalidArticleException(overLimit.get()));
            return result;
        }
        Optional<BrokerUnavailableException> failed = failure();
        if (failed.isPresent()) {
            result.completeExceptionally(failed.get());
            return result;
        }
        try {
            ProducerRecord<String, NewsArticle> record = new ProducerRecord<>(
                    Topics.NEWS_RAW.name(),
                    null, // partition chosen from the key, so copies of an article share one
                    article.getPublishedAt().toEpochMilli(), // event time: windows and recency replay the same
                    article.getId(),
                    article,
                    idHeaders(article));
            producer.send(record, (metadata, error) -> {
                if (error != null) {
                    result.completeExceptionally(failed(error));
                } else {
                    result.complete(metadata);
                }
            });
        } catch (RuntimeException e) {
            // send() itself throws for serialization errors, a closed producer, metadata or a
            // full buffer not there within max.block.ms; callers see every failure the same way.
            result.completeExceptionally(failed(e));
        }
        return result;
    }

    /**
     * The cluster failure that stopped this publisher, if one did: a send failed for a reason that
     * would fail every other article too.
     */
    public Optional<BrokerUnavailableException> failure() {
        Failure f = failure.get();
        if (f == null) {
            return Optional.empty();
        }
        if (failFastHold != null && nanoClock.getAsLong() - f.atNanos() >= failFastHold.toNanos()) {
            // the hold is over: let the next send try the cluster again
            failure.compareAndSet(f, null);
            return Optional.empty();
        }
        return Optional.of(f.cause());
    }

    /** The error as callers see it; a cluster failure is remembered and named as such. */
    private Throwable failed(Throwable error) {
        if (SendFailures.isRecordError(error)) {
            return error;
        }
        BrokerUnavailableException cluster = new BrokerUnavailableException(
                "cannot publish to " + destination + ": " + SendFailures.describe(error), error);
        Failure now = new Failure(cluster, nanoClock.getAsLong());
        Failure earlier = failure.get();
        if (earlier == null && failure.compareAndSet(null, now)) {
            return cluster;
        }
        // another send named the cause first: one cause for all of them while it holds
        Failure current = failure.get();
        return current == null ? cluster : current.cause();
    }

    /**
     * The id scheme on every record, and the article's id under the previous scheme when it had
     * another one: the only link a reader has between the two, since they hash to different
     * partitions.
     */
    public static Headers idHeaders(NewsArticle article) {
        Headers headers = new RecordHeaders();
        headers.add(ArticleHeaders.ID_SCHEME, utf8(Integer.toString(ArticleIds.ID_SCHEME)));
        previousId(article).ifPresent(previous -> headers.add(ArticleHeaders.PREVIOUS_ID, utf8(previous)));
        return headers;
    }

    /** The article's id under the previous id scheme, when that differs from its id now. */
    static Optional<String> previousId(NewsArticle article) {
        if (article.getUrl() == null) {
            return Optional.empty(); // a source+guid id: no scheme change touched it
        }
        try {
            return ArticleIds.previousSchemeId(article.getUrl()).filter(p -> !p.equals(article.getId()));
        } catch (InvalidArticleException e) {
            return Optional.empty(); // not a URL ingest wrote; it had no id under scheme 1 either
        }
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** Blocks until every article sent so far is acknowledged or has failed. */
    public void flush() {
        producer.flush();
    }

    /** Sends what is buffered, waiting at most {@code timeout}, then releases the client. */
    public void close(Duration timeout) {
        producer.close(timeout);
    }

    @Override
    public void close() {
        close(DEFAULT_CLOSE_TIMEOUT);
    }
}
