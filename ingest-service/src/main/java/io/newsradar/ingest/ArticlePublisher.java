package io.newsradar.ingest;

import io.newsradar.avro.NewsArticle;
import io.newsradar.schemas.config.NewsradarConfig;
import io.newsradar.schemas.topics.Topics;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * Publishes normalised articles to {@code news.raw.v1}, keyed by article id, with the publish time
 * as the record timestamp. Thread-safe (as the Kafka producer is).
 */
public final class ArticlePublisher implements AutoCloseable {
    static final Duration DEFAULT_CLOSE_TIMEOUT = Duration.ofSeconds(30);

    private final Producer<String, NewsArticle> producer;

    public ArticlePublisher(NewsradarConfig config) {
        this(new KafkaProducer<>(
                producerConfig(config),
                Topics.NEWS_RAW.keySerde().serializer(),
                Topics.NEWS_RAW.valueSerde().serializer()));
    }

    /** With any producer (tests use Kafka's {@code MockProducer}). */
    ArticlePublisher(Producer<String, NewsArticle> producer) {
        this.producer = Objects.requireNonNull(producer, "producer");
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
        return props;
    }

    /**
     * Sends one article. The future completes when the broker has acknowledged it, or
     * exceptionally with the reason (serialization, timeout, authorization...). Never throws.
     */
    public CompletableFuture<RecordMetadata> publish(NewsArticle article) {
        CompletableFuture<RecordMetadata> result = new CompletableFuture<>();
        try {
            ProducerRecord<String, NewsArticle> record = new ProducerRecord<>(
                    Topics.NEWS_RAW.name(),
                    null, // partition chosen from the key, so copies of an article share one
                    article.getPublishedAt().toEpochMilli(), // event time: windows and recency replay the same
                    article.getId(),
                    article);
            producer.send(record, (metadata, error) -> {
                if (error != null) {
                    result.completeExceptionally(error);
                } else {
                    result.complete(metadata);
                }
            });
        } catch (RuntimeException e) {
            // send() itself throws for serialization errors, a closed producer, a full buffer
            // that stayed full for max.block.ms; callers see every failure the same way.
            result.completeExceptionally(e);
        }
        return result;
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
