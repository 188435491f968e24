package io.newsradar.cli;

import io.newsradar.schemas.config.NewsradarConfig;
import io.newsradar.schemas.topics.Topics;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Puts dead letters of {@code news.raw.v1} back on it: the original key and bytes, the input's own
 * headers, and a {@value #REPLAYED_HEADER} header naming the dead letter. A truncated copy and
 * bytes that do not decode as a {@code NewsArticle} are refused: the first lost its tail for good,
 * the second would only be dead-lettered again.
 */
final class RawReplay implements AutoCloseable {
    /** On a replayed record: the dead letter it came from, {@code news.dlq.v1 P:O}. */
    static final String REPLAYED_HEADER = "newsradar.dlq.replayed-from";

    private final KafkaProducer<byte[], byte[]> producer;

    RawReplay(NewsradarConfig config) {
        Map<String, Object> props = new HashMap<>(config.kafkaClientProps());
        // a replayed article is the only copy there is: wait for every in-sync replica
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        // a retried send must not put the article on the topic twice
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        producer = new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer());
    }

    /** Why this dead letter must not be replayed, or empty when it may. */
    static Optional<String> refusal(DeadLetter d) {
        if (d.truncation().isPresent()) {
            return Optional.of("a truncated copy (" + d.truncation().get()
                    + "); the original bytes are lost, ingest the article again from its feed");
        }
        if (d.record().value() == null) {
            return Optional.of("no value to replay");
        }
        try {
            DlqFormat.decodeArticle(d.record().value());
        } catch (RuntimeException e) {
            return Optional.of("the value does not decode as a NewsArticle (" + Newsradar.describe(e)
                    + "); replaying it would only dead-letter it again");
        }
        return Optional.empty();
    }

    DlqReplayOutcome replay(DeadLetter d) {
        Optional<String> refusal = refusal(d);
        if (refusal.isPresent()) {
            return DlqReplayOutcome.refused(d, refusal.get());
        }
        RecordHeaders headers = new RecordHeaders();
        d.inputHeaders().forEach(headers::add);
        headers.add(REPLAYED_HEADER, (d.record().topic() + " " + d.position()).getBytes(StandardCharsets.UTF_8));
        // no timestamp: the broker's clock, so retention counts from the replay (event time is in the article)
        ProducerRecord<byte[], byte[]> out = new ProducerRecord<>(
                Topics.NEWS_RAW.name(), null, null, d.record().key(), d.record().value(), headers);
        try {
            RecordMetadata m = producer.send(out).get();
            return DlqReplayOutcome.done(
                    d, "replayed to " + m.topic() + " " + m.partition() + ":" + m.offset() + " key=" + d.key());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while replaying " + d.position(), e);
        } catch (ExecutionException e) {
            throw new ClusterWriteException(
                    "could not write " + d.position() + " to " + Topics.NEWS_RAW.name() + ": "
                            + Newsradar.describe(e.getCause()),
                    e.getCause());
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
