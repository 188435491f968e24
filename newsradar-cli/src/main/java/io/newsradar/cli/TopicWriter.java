package io.newsradar.cli;

import io.newsradar.ingest.BrokerWait;
import io.newsradar.schemas.config.NewsradarConfig;
import io.newsradar.schemas.topics.TopicDef;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.header.Header;

/**
 * One record at a time to one catalogue topic, each waited for until the broker acknowledged it:
 * what {@code mute}, {@code unmute} and {@code retract} write. The topic's own serializers, and
 * the producer's default partitioner unless the caller names a partition, so a key lands where
 * every other writer of the topic puts it. Failures are {@link ClusterWriteException}s (exit 4).
 */
final class TopicWriter<K, V> implements AutoCloseable {
    private final TopicDef<K, V> topic;
    private final KafkaProducer<K, V> producer;
    private final Duration wait;
    private final String where;

    TopicWriter(NewsradarConfig config, TopicDef<K, V> topic, String clientId) {
        this.topic = topic;
        this.wait = BrokerWait.of(config);
        this.where = config.bootstrapServers();
        try {
            this.producer = new KafkaProducer<>(
                    producerProps(config, clientId),
                    topic.keySerde().serializer(),
                    topic.valueSerde().serializer());
        } catch (KafkaException e) {
            throw new ClusterWriteException("cannot create a producer for " + topic.name() + ": " + e.getMessage(), e);
        }
    }

    static Map<String, Object> producerProps(NewsradarConfig config, String clientId) {
        // Operator settings (bootstrap, security, timeouts) first; ours below win.
        Map<String, Object> props = new HashMap<>(config.kafkaClientProps());
        // From config, never hard-coded; bootstrapServers() names the setting when it is missing.
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
        // A retry after a lost acknowledgement must not write the record twice or out of order.
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        // A mute or a retraction reported as written must survive the leader failing.
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        // Named in broker logs and metrics, unless the operator named it already.
        props.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, clientId);
        // An unreachable cluster fails the command after a bounded wait, not the client's 60 s + 120 s.
        BrokerWait.boundProducer(props, BrokerWait.of(config));
        return props;
    }

    /**
     * Sends the record and waits for the broker's acknowledgement.
     *
     * @param partition the partition, or null for the default partitioner's choice by key
     * @param timestampMs the record's timestamp (its event time for the stream)
     * @throws ClusterWriteException when the record was refused or not acknowledged in time
     */
    RecordMetadata write(Integer partition, long timestampMs, K key, V value, Iterable<Header> headers) {
        Future<RecordMetadata> ack;
        try {
            ack = producer.send(new ProducerRecord<>(topic.name(), partition, timestampMs, key, value, headers));
        } catch (KafkaException e) {
            throw unwritten(e);
        }
        // the producer fails a record itself after its delivery timeout (twice the wait or more,
        // see BrokerWait); past three waits the client is stuck, not the broker slow
        try {
            return ack.get(wait.multipliedBy(3).toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw unwritten(e.getCause());
        } catch (TimeoutException e) {
            throw new ClusterWriteException(
                    "the cluster at " + where + " did not acknowledge the write to " + topic.name() + " within "
                            + wait.multipliedBy(3),
                    e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ClusterWriteException("interrupted while writing to " + topic.name(), e);
        }
    }

    private ClusterWriteException unwritten(Throwable e) {
        return new ClusterWriteException("cannot write to " + topic.name() + " on " + where + ": " + e.getMessage(), e);
    }

    @Override
    public void close() {
        producer.close(wait);
    }
}
