package io.newsradar.ingest.service;

import io.newsradar.ingest.BrokerWait;
import io.newsradar.schemas.config.NewsradarConfig;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.GroupProtocol;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.IsolationLevel;

/**
 * The Kafka client settings of the feed poller. Every {@code kafka.*} setting from the config goes
 * in first (security, timeouts...), then the settings the poller's guarantees depend on.
 */
final class PollerClientConfigs {
    private PollerClientConfigs() {}

    /** The group consumer of {@code feeds.v1}: which feeds this instance polls. */
    static Map<String, Object> feedsConsumer(NewsradarConfig config, PollerSettings settings) {
        Map<String, Object> props = base(config);
        // One group for every ingest instance: each feeds.v1 partition (a set of hosts) is polled
        // by exactly one of them.
        props.put(ConsumerConfig.GROUP_ID_CONFIG, settings.groupId());
        // Named in broker logs and metrics, unless the operator named it already.
        props.putIfAbsent(ConsumerConfig.CLIENT_ID_CONFIG, "newsradar-ingest-feeds-" + settings.instanceId());
        // The KIP-848 protocol (broker-driven, incremental: a new instance takes partitions without
        // stopping the others), set explicitly so the behaviour does not change with the client's
        // default; an operator may choose classic (kafka.group.protocol) for an older broker.
        props.putIfAbsent(
                ConsumerConfig.GROUP_PROTOCOL_CONFIG,
                GroupProtocol.CONSUMER.name().toLowerCase(Locale.ROOT));
        // Feed records written in a transaction count only once committed; also makes
        // committed() wait for a previous owner's pending transaction (KIP-447) before this
        // instance reads the feed states.
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, IsolationLevel.READ_COMMITTED.toString());
        // Offsets are committed only inside the poll transactions (they fence a zombie owner);
        // the poller re-reads each assigned partition from its start anyway.
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        return props;
    }

    /** The group-less consumer that reads feeds.state.v1 partitions of a new assignment to their end. */
    static Map<String, Object> stateConsumer(NewsradarConfig config, PollerSettings settings) {
        Map<String, Object> props = base(config);
        // Named in broker logs and metrics, unless the operator named it already.
        props.putIfAbsent(ConsumerConfig.CLIENT_ID_CONFIG, "newsradar-ingest-state-" + settings.instanceId());
        // A state from an aborted poll transaction must never be resumed from: its items were not
        // published either.
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, IsolationLevel.READ_COMMITTED.toString());
        // No group: partitions are assigned by hand and read from the start every time.
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        return props;
    }

    /** The transactional producer of articles and feed states. */
    static Map<String, Object> transactionalProducer(NewsradarConfig config, PollerSettings settings) {
        Map<String, Object> props = base(config);
        // A poll's articles and the feed's new state commit together or not at all; the id is
        // per instance (see PollerSettings#transactionalId).
        props.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, settings.transactionalId());
        // A retry after a lost acknowledgement must not write an article twice; transactions need it.
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        // A committed article must survive the leader failing; idempotence requires it too.
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        // Feed text compresses well; lz4 costs little CPU on a small machine.
        props.putIfAbsent(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        // A poll's items are sent together and the commit flushes them: a short linger lets them
        // share batches without delaying the commit noticeably.
        props.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, "5");
        // Named in broker logs and metrics, unless the operator named it already.
        props.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, "newsradar-ingest-poller-" + settings.instanceId());
        // Bounded waits: a send or commit against a broker that is down gives up after about
        // ingest.broker.timeout.ms, and the poller retries or aborts instead of hanging.
        BrokerWait.boundProducer(props, settings.brokerWait());
        return props;
    }

    /** The plain producer that writes a feed list to feeds.v1 at start. */
    static Map<String, Object> feedListProducer(NewsradarConfig config) {
        Map<String, Object> props = base(config);
        // A retry after a lost acknowledgement must not reorder or duplicate a feed's records.
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        // The feed list must survive a leader failure once acknowledged.
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        // Named in broker logs and metrics, unless the operator named it already.
        props.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, "newsradar-ingest-feed-list");
        // An unreachable cluster fails the start after a bounded wait.
        BrokerWait.boundProducer(props, BrokerWait.of(config));
        return props;
    }

    /** Reads feeds.v1 whole, to find where each listed feed is placed before the list is written. */
    static Map<String, Object> feedListReader(NewsradarConfig config) {
        Map<String, Object> props = base(config);
        // Named in broker logs and metrics, unless the operator named it already.
        props.putIfAbsent(ConsumerConfig.CLIENT_ID_CONFIG, "newsradar-ingest-feed-list-reader");
        return props;
    }

    private static Map<String, Object> base(NewsradarConfig config) {
        Map<String, Object> props = new HashMap<>(config.kafkaClientProps());
        // From config, never hard-coded; require() names the setting when it is missing.
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
        return props;
    }
}
