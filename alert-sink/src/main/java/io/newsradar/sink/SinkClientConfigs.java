package io.newsradar.sink;

import io.newsradar.schemas.config.NewsradarConfig;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.GroupProtocol;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.IsolationLevel;

/**
 * The Kafka client settings of the alert sink. Every {@code kafka.*} setting from the config goes
 * in first (security, timeouts...), then the settings the sink's guarantees depend on.
 */
public final class SinkClientConfigs {
    /** How often the consumer re-reads topic metadata, and so how soon it finds a new alert topic. */
    public static final int METADATA_MAX_AGE_MS = 10_000;

    public static final int MAX_POLL_RECORDS = 100;

    private SinkClientConfigs() {}

    public static Map<String, Object> consumer(NewsradarConfig config) {
        Map<String, Object> props = new HashMap<>(config.kafkaClientProps());
        // From config, never hard-coded; require() names the setting when it is missing.
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
        // One group for every sink instance: each alert partition is delivered by one of them.
        props.put(ConsumerConfig.GROUP_ID_CONFIG, config.require(NewsradarConfig.SINK_GROUP));
        // Named in broker logs and metrics, unless the operator named it already.
        props.putIfAbsent(ConsumerConfig.CLIENT_ID_CONFIG, "newsradar-alert-sink");
        // The KIP-848 protocol (broker-driven, incremental rebalances), set explicitly so the
        // behaviour does not change with the client's default; an operator may choose classic
        // (kafka.group.protocol) for a broker older than 4.0.
        props.putIfAbsent(
                ConsumerConfig.GROUP_PROTOCOL_CONFIG,
                GroupProtocol.CONSUMER.name().toLowerCase(Locale.ROOT));
        // Alerts are written in the scoring app's exactly-once transactions: never deliver an
        // alert from an aborted transaction.
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, IsolationLevel.READ_COMMITTED.toString());
        // Offsets are committed by hand, only after every destination has flushed the batch
        // (at-least-once, no loss); auto-commit could commit alerts not yet on disk.
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        // A new group, or a new alert topic, starts at its first alert: none may be skipped.
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        // With a java.util.regex subscription the consumer matches the pattern against its own
        // metadata, which it refreshes only every metadata.max.age.ms (default 5 minutes): a route
        // added by `rules publish` would wait that long for its first delivery. 10 s costs one
        // metadata request per 10 s.
        props.put(ConsumerConfig.METADATA_MAX_AGE_CONFIG, METADATA_MAX_AGE_MS);
        // A batch is delivered and fsynced before its commit: smaller batches bound the redelivery
        // after a crash and keep slow destinations well inside max.poll.interval.ms.
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, MAX_POLL_RECORDS);
        return props;
    }

    public static Map<String, Object> deadLetterProducer(NewsradarConfig config) {
        Map<String, Object> props = new HashMap<>(config.kafkaClientProps());
        // From config, never hard-coded.
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
        // Named in broker logs and metrics, unless the operator named it already.
        props.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, "newsradar-alert-sink-dlq");
        // The sink commits past an alert once its dead letter is acknowledged: the ack must mean
        // every in-sync replica has it, or a leader failure could lose the alert.
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        // Internal retries never write a dead letter twice.
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        return props;
    }
}
