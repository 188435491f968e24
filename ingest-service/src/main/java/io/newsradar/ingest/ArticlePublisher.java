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
 * <p>Nothing over the size limits ({@link ArticleLimits}) reaches the producer. The first send that
 * fails for the cluster's sake ({@link SendFailures}) marks the publisher failed: later articles
 * fail at once with that cause instead of each waiting out the same timeout.
 */
public final class ArticlePublisher implements AutoCloseable {
    static final Duration DEFAULT_CLOSE_TIMEOUT = Duration.ofSeconds(30);

    private final Producer<String, NewsArticle> producer;
    private final String destination;
    private final AtomicReference<BrokerUnavailableException> failure = new AtomicReference<>();

    public ArticlePublisher(NewsradarConfig config) {
        this(
                new KafkaProducer<>(
                        producerConfig(config),
                        Topics.NEWS_RAW.keySerde().serializer(),
                        Topics.NEWS_RAW.valueSerde().serializer()),
                Topics.NEWS_RAW.name() + " on the Kafka cluster at " + config.bootstrapServers());
    }

    /** With any producer (tests use Kafka's {@code MockProducer}). */
    ArticlePublisher(Producer<String, NewsArticle> producer) {
        this(producer, Topics.NEWS_RAW.name());
    }

    private ArticlePublisher(Producer<String, NewsArticle> producer, String destination) {
        this.producer = Objects.requireNonNull(producer, "producer");
        this.destination = destination;
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
        BrokerUnavailableException failed = failure.get();
        if (failed != null) {
            result.completeExceptionally(failed);
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
        return Optional.ofNullable(failure.get());
    }

    /** The error as callers see it; a cluster failure is remembered and named as such. */
    private Throwable failed(Throwable error) {
        if (SendFailures.isRecordError(error)) {
            return error;
        }
        BrokerUnavailableException cluster = new BrokerUnavailableException(
                "cannot publish to " + destination + ": " + SendFailures.describe(error), error);
        failure.compareAndSet(null, cluster);
        return failure.get();
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
