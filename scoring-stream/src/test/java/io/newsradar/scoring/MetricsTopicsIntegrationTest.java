package io.newsradar.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsradar.avro.NewsArticle;
import io.newsradar.avro.ScoredArticle;
import io.newsradar.localkafka.LocalKafkaBroker;
import io.newsradar.localkafka.TopicAdmin;
import io.newsradar.schemas.config.NewsradarConfig;
import io.newsradar.schemas.serde.AvroSerdes;
import io.newsradar.schemas.topics.Topics;
import io.newsradar.scoring.metrics.MetricsStages;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The per-minute tag figures on a real broker under exactly-once: after the samples are scored,
 * {@code metrics.tags.v1} read with read_committed holds, as its last record per (tag, window
 * start), exactly the articles and score sums of the committed {@code news.scored.v1} records.
 */
@Tag("integration")
class MetricsTopicsIntegrationTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(90);
    private static final long MINUTE = Duration.ofMinutes(1).toMillis();
    private static final ObjectMapper JSON = new ObjectMapper();
    // two partitions, so the tags are spread over two aggregation tasks by the repartition
    private static final int PARTITIONS = 2;

    private LocalKafkaBroker broker;

    @TempDir
    Path stateDir;

    @BeforeEach
    void startBroker() {
        broker = LocalKafkaBroker.startTemporary();
        TopicAdmin.ensureTopics(broker.clientProps(), Topics.all(), PARTITIONS, (short) 1);
    }

    @AfterEach
    void stopBroker() {
        if (broker != null) {
            broker.close();
            broker = null;
        }
    }

    @Test
    void committedTagFiguresMatchTheCommittedScoredArticles() throws Exception {
        // the samples, 20 s apart from a fixed time in the past (a sample dated after the broker's
        // clock would be refused, and ingest caps publish times at the fetch time anyway): three
        // per minute, in publish order, so none is late for its window
        Instant base = Instant.parse("2026-01-05T09:00:00Z");
        List<NewsArticle> samples = new ArrayList<>();
        List<NewsArticle> files = Articles.samples();
        for (int i = 0; i < files.size(); i++) {
            samples.add(NewsArticle.newBuilder(files.get(i))
                    .setPublishedAt(base.plusSeconds(20L * i))
                    .setFetchedAt(base.plusSeconds(20L * i + 5))
                    .build());
        }
        try (ScoringApp app = new ScoringApp(config("metrics-topics-it-" + UUID.randomUUID()))) {
            app.start();
            await().atMost(TIMEOUT).until(() -> app.state() == KafkaStreams.State.RUNNING);
            publish(samples);

            List<ScoredArticle> scored = awaitScored(samples.size());
            Map<String, String> expected = expectedFigures(scored);
            assertThat(expected).as("the samples carry tags").isNotEmpty();

            // the aggregation runs after a repartition, so its output commits in later
            // transactions than the scored records: wait until the committed figures are complete
            Map<String, String> figures = new TreeMap<>();
            await().atMost(TIMEOUT).untilAsserted(() -> {
                figures.clear();
                figures.putAll(lastPerWindow(committed(Topics.METRICS_TAGS.name())));
                assertThat(figures).isEqualTo(expected);
            });
            assertThat(app.counters().metricsLate(MetricsStages.TAGS)).isZero();
        }
    }

    @Test
    void aRestartDoesNotReopenAClosedWindow() throws Exception {
        // three copies of a tagged sample, each its own article id: the first opens the 09:00
        // window, the second moves the stream time 20 minutes on (past 09:01 + 10 min grace),
        // the third, after a restart, is for the closed 09:00 window
        NewsArticle sample = Articles.samples().get(1);
        Instant nine = Instant.parse("2026-01-05T09:00:00Z");
        NewsArticle first = copy(sample, 1, nine.plusSeconds(30));
        NewsArticle later = copy(sample, 2, nine.plus(Duration.ofMinutes(20)));
        NewsArticle late = copy(sample, 3, nine.plusSeconds(40));
        String appId = "metrics-restart-it-" + UUID.randomUUID();

        Map<String, String> before;
        try (ScoringApp app = new ScoringApp(config(appId))) {
            app.start();
            await().atMost(TIMEOUT).until(() -> app.state() == KafkaStreams.State.RUNNING);
            publish(List.of(first, later));
            Map<String, String> expected = expectedFigures(awaitScored(2));
            assertThat(expected).as("the sample carries tags").isNotEmpty();
            before = new TreeMap<>();
            await().atMost(TIMEOUT).untilAsserted(() -> {
                before.clear();
                before.putAll(lastPerWindow(committed(Topics.METRICS_TAGS.name())));
                assertThat(before).isEqualTo(expected);
            });
        }

        // the same application and state: the aggregation's own stream time starts afresh in
        // memory, the task's is restored from the committed offsets
        try (ScoringApp app = new ScoringApp(config(appId))) {
            app.start();
            await().atMost(TIMEOUT).until(() -> app.state() == KafkaStreams.State.RUNNING);
            publish(List.of(late));
            List<ScoredArticle> scored = awaitScored(3);
            long tags = scored.stream()
                    .filter(s -> s.getArticle().getId().equals(late.getId()))
                    .findFirst()
                    .orElseThrow()
                    .getTags()
                    .stream()
                    .map(io.newsradar.avro.Tag::getId)
                    .distinct()
                    .count();
            // counted once per tag, the sign that the aggregation task has taken them
            await().atMost(TIMEOUT).until(() -> app.counters().metricsLate(MetricsStages.TAGS) == tags);
            assertThat(lastPerWindow(committed(Topics.METRICS_TAGS.name())))
                    .as("the closed window is not reopened")
                    .isEqualTo(before);
        }
    }

    private NewsradarConfig config(String appId) {
        return NewsradarConfig.defaults()
                .with(NewsradarConfig.BOOTSTRAP_SERVERS, broker.bootstrapServers())
                .with(NewsradarConfig.APPLICATION_ID, appId)
                .with(NewsradarConfig.STATE_DIR, stateDir.toString());
    }

    /** The sample under an id and URL of its own, published at {@code at}. */
    private static NewsArticle copy(NewsArticle sample, int n, Instant at) {
        return NewsArticle.newBuilder(sample)
                .setId("metrics-restart-" + n)
                .setUrl(sample.getUrl() + "?copy=" + n)
                .setPublishedAt(at)
                .setFetchedAt(at.plusSeconds(5))
                .build();
    }

    /** To news.raw.v1, stamped with the publish time as ingest does, one after the other. */
    private void publish(List<NewsArticle> articles) throws Exception {
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(producerProps())) {
            for (NewsArticle a : articles) {
                producer.send(new ProducerRecord<>(
                                Topics.NEWS_RAW.name(),
                                null,
                                a.getPublishedAt().toEpochMilli(),
                                a.getId().getBytes(StandardCharsets.UTF_8),
                                AvroSerdes.newsArticle().encode(a)))
                        .get(30, TimeUnit.SECONDS);
            }
        }
    }

    /** Exactly {@code count} committed scored records. */
    private List<ScoredArticle> awaitScored(int count) {
        List<ScoredArticle> scored = new ArrayList<>();
        await().atMost(TIMEOUT).until(() -> {
            scored.clear();
            committed(Topics.NEWS_SCORED.name())
                    .forEach(r -> scored.add(AvroSerdes.scoredArticle().decode(r.value())));
            return scored.size() >= count;
        });
        assertThat(scored).hasSize(count);
        return scored;
    }

    /** "tag@windowStart" -> "articles/scoreSum" from the scored records. */
    private static Map<String, String> expectedFigures(List<ScoredArticle> scored) {
        Map<String, Long> articles = new TreeMap<>();
        Map<String, Double> sums = new TreeMap<>();
        for (ScoredArticle s : scored) {
            long published = s.getArticle().getPublishedAt().toEpochMilli();
            Instant windowStart = Instant.ofEpochMilli(published - Math.floorMod(published, MINUTE));
            for (String tag : new TreeSet<>(
                    s.getTags().stream().map(io.newsradar.avro.Tag::getId).toList())) {
                articles.merge(tag + "@" + windowStart, 1L, Long::sum);
                sums.merge(tag + "@" + windowStart, s.getScore(), Double::sum);
            }
        }
        Map<String, String> out = new TreeMap<>();
        articles.forEach((k, n) -> out.put(k, n + "/" + Math.round(sums.get(k) * 10_000) / 10_000.0));
        return out;
    }

    /** The last record per (tag, window start), in the form of {@link #expectedFigures}. */
    private static Map<String, String> lastPerWindow(List<ConsumerRecord<byte[], byte[]>> records) {
        Map<String, String> out = new TreeMap<>();
        for (ConsumerRecord<byte[], byte[]> r : records) {
            JsonNode node;
            try {
                node = JSON.readTree(r.value());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            String tag = new String(r.key(), StandardCharsets.UTF_8);
            assertThat(node.get("tag").asText()).isEqualTo(tag);
            Instant start = Instant.parse(node.get("windowStart").asText());
            assertThat(r.timestamp()).as("stamped with the window start").isEqualTo(start.toEpochMilli());
            out.put(
                    tag + "@" + start,
                    node.get("articles").asLong() + "/" + node.get("scoreSum").asDouble());
        }
        return out;
    }

    /**
     * Every committed record of the topic, read once no transaction is open on it (its last
     * stable offsets equal its high watermarks), so a count taken is not short.
     */
    private List<ConsumerRecord<byte[], byte[]>> committed(String topic) {
        return CommittedRecords.read(broker, topic);
    }

    private Map<String, Object> producerProps() {
        Map<String, Object> p = new HashMap<>(broker.clientProps());
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        // each article exactly once, in the order sent
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        return p;
    }
}
