package io.newsradar.scoring.ruleset;

import io.newsradar.avro.NewsArticle;
import io.newsradar.schemas.topics.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * The retained articles of a raw-article topic, for a backtest: every partition read from the
 * beginning to the end offsets of the moment the scan starts, decoded with the catalogue's serde
 * and kept when the article was published at or after {@code since}.
 *
 * <p>Record timestamps are publish times, and those are not in offset order (a feed delivers an
 * old article late, a correction keeps its publish time), so seeking by time would skip articles
 * written after a newer one: the scan reads everything and filters on the article's own
 * {@code publishedAt}. It only reads; it never writes to any topic and joins no group.
 */
public final class ArticleScan {
    private ArticleScan() {}

    /** How far a scan has got; {@code total} is the number of records it will read. */
    public record Progress(long scanned, long total, long kept) {}

    /**
     * @param tooOld articles published before {@code since}, left out
     * @param undecodable records that are not a {@code NewsArticle} (what the stream dead-letters)
     */
    public record Summary(long scanned, long kept, long tooOld, long undecodable) {}

    /**
     * Scans {@code topic}, giving every kept article to {@code sink} and a {@link Progress} to
     * {@code progress} every {@code progressEvery} records and at the end.
     *
     * @param clientProps Kafka client settings, at least {@code bootstrap.servers}
     * @param timeout the longest wait for the cluster, and for a poll that returns nothing while
     *     records remain (the scan as a whole may take longer)
     * @throws IllegalStateException when the topic is missing or the cluster stops answering
     */
    public static Summary scan(
            Map<String, Object> clientProps,
            String topic,
            Instant since,
            Duration timeout,
            long progressEvery,
            Consumer<NewsArticle> sink,
            Consumer<Progress> progress) {
        Map<String, Object> props = new HashMap<>(clientProps);
        // articles are written by transactional producers too: an aborted one was never published
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        // a reader with assigned partitions: no group, no offsets committed, nothing to clean up
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.remove(ConsumerConfig.GROUP_ID_CONFIG);
        Deserializer<NewsArticle> values = Topics.NEWS_RAW.valueSerde().deserializer();
        long scanned = 0;
        long kept = 0;
        long tooOld = 0;
        long undecodable = 0;
        try (KafkaConsumer<byte[], byte[]> consumer =
                new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = WholeTopic.assignFromBeginning(
                    consumer, topic, timeout, clientProps.get(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG));
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, timeout);
            Map<TopicPartition, Long> starts = consumer.beginningOffsets(partitions, timeout);
            long total = partitions.stream()
                    .mapToLong(tp -> ends.get(tp) - starts.get(tp))
                    .sum();
            long idleSince = System.nanoTime();
            while (!partitions.stream().allMatch(tp -> consumer.position(tp) >= ends.get(tp))) {
                ConsumerRecords<byte[], byte[]> batch = consumer.poll(Duration.ofMillis(500));
                if (batch.isEmpty()) {
                    if (System.nanoTime() - idleSince > timeout.toNanos()) {
                        throw new IllegalStateException("no records from " + topic + " for " + timeout + " with "
                                + (total - scanned) + " still to read; stopped");
                    }
                    continue;
                }
                idleSince = System.nanoTime();
                for (ConsumerRecord<byte[], byte[]> r : batch) {
                    if (r.offset() >= ends.get(new TopicPartition(r.topic(), r.partition()))) {
                        continue; // written after the scan started
                    }
                    scanned++;
                    NewsArticle article = decode(values, topic, r.value());
                    if (article == null) {
                        undecodable++;
                    } else if (article.getPublishedAt().isBefore(since)) {
                        tooOld++;
                    } else {
                        kept++;
                        sink.accept(article);
                    }
                    if (scanned % progressEvery == 0) {
                        progress.accept(new Progress(scanned, total, kept));
                    }
                }
            }
            progress.accept(new Progress(scanned, total, kept));
        }
        return new Summary(scanned, kept, tooOld, undecodable);
    }

    private static NewsArticle decode(Deserializer<NewsArticle> values, String topic, byte[] value) {
        if (value == null) {
            return null;
        }
        try {
            return values.deserialize(topic, value);
        } catch (RuntimeException e) {
            return null;
        }
    }
}
