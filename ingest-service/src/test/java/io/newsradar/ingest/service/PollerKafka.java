package io.newsradar.ingest.service;

import io.newsradar.avro.NewsArticle;
import io.newsradar.localkafka.LocalKafkaBroker;
import io.newsradar.localkafka.TopicAdmin;
import io.newsradar.schemas.config.NewsradarConfig;
import io.newsradar.schemas.feeds.FeedState;
import io.newsradar.schemas.topics.TopicDef;
import io.newsradar.schemas.topics.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Broker settings, topics, configs and read_committed readers shared by the poller's integration tests. */
final class PollerKafka {
    static final int PARTITIONS = 3;

    private PollerKafka() {}

    /**
     * Fault-test broker settings: a dead member leaves the group after 6 s instead of 45 s, and
     * timed-out transactions are aborted within a second of their timeout.
     */
    static Map<String, String> brokerOverrides() {
        return Map.of(
                "group.consumer.session.timeout.ms", "6000",
                "group.consumer.min.session.timeout.ms", "1000",
                "group.consumer.heartbeat.interval.ms", "1000",
                "group.consumer.min.heartbeat.interval.ms", "500",
                "transaction.abort.timed.out.transaction.cleanup.interval.ms", "1000");
    }

    static void createTopics(LocalKafkaBroker broker, int partitions) {
        List<TopicDef<?, ?>> topics = List.of(Topics.NEWS_RAW, Topics.FEEDS, Topics.FEEDS_STATE);
        TopicAdmin.ensureTopics(broker.clientProps(), topics, partitions, (short) 1);
    }

    /** A poller config for this broker: short waits and retries, a short transaction timeout. */
    static NewsradarConfig config(LocalKafkaBroker broker, String group, String instance) {
        return config(broker.bootstrapServers(), group, instance);
    }

    static NewsradarConfig config(String bootstrapServers, String group, String instance) {
        return NewsradarConfig.defaults()
                .with(NewsradarConfig.BOOTSTRAP_SERVERS, bootstrapServers)
                .with(PollerSettings.GROUP_ID, group)
                .with(PollerSettings.INSTANCE_ID, instance)
                .with(PollerSettings.COMMIT_RETRY_MS, "300")
                .with(PollerSettings.REVOKE_WAIT_MS, "10000")
                .with("ingest.broker.timeout.ms", "3000")
                // a crashed instance's open transaction blocks the next owner's state read until this
                .with("kafka.transaction.timeout.ms", "10000");
    }

    /** Every committed article on news.raw.v1, read to the last stable offset. */
    static List<NewsArticle> committedArticles(LocalKafkaBroker broker) {
        List<NewsArticle> out = new ArrayList<>();
        readCommitted(
                        broker,
                        Topics.NEWS_RAW.name(),
                        Topics.NEWS_RAW.valueSerde().deserializer())
                .forEach(r -> out.add(r.value()));
        return out;
    }

    /** The last committed state of every feed on feeds.state.v1. */
    static Map<String, FeedState> committedStates(LocalKafkaBroker broker) {
        Map<String, FeedState> states = new HashMap<>();
        for (ConsumerRecord<String, String> r :
                readCommitted(broker, Topics.FEEDS_STATE.name(), new StringDeserializer())) {
            if (r.value() == null) {
                states.remove(r.key());
            } else {
                states.put(r.key(), FeedState.fromJson(r.value()));
            }
        }
        return states;
    }

    /**
     * Reads a topic read_committed from its start to the end offsets taken first (for a
     * read_committed consumer, the last stable offsets): what a downstream reader sees at most.
     */
    static <V> List<ConsumerRecord<String, V>> readCommitted(
            LocalKafkaBroker broker, String topic, Deserializer<V> values) {
        Map<String, Object> props = broker.clientProps();
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        try (KafkaConsumer<String, V> c = new KafkaConsumer<>(props, new StringDeserializer(), values)) {
            List<TopicPartition> tps = IntStream.range(
                            0, c.partitionsFor(topic, Duration.ofSeconds(10)).size())
                    .mapToObj(p -> new TopicPartition(topic, p))
                    .toList();
            c.assign(tps);
            c.seekToBeginning(tps);
            Map<TopicPartition, Long> ends = c.endOffsets(tps, Duration.ofSeconds(10));
            List<ConsumerRecord<String, V>> out = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (tps.stream().anyMatch(tp -> c.position(tp) < ends.get(tp))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(topic + " not read to its end offsets " + ends);
                }
                c.poll(Duration.ofMillis(200)).forEach(out::add);
            }
            return out;
        }
    }
}
