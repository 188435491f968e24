package io.newsradar.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsradar.avro.Alert;
import io.newsradar.avro.NewsArticle;
import io.newsradar.avro.ScoredArticle;
import io.newsradar.ingest.ArticleNormalizer;
import io.newsradar.ingest.ArticlePublisher;
import io.newsradar.ingest.JsonLinesArticleReader;
import io.newsradar.schemas.config.NewsradarConfig;
import io.newsradar.schemas.serde.AvroSerdes;
import io.newsradar.schemas.topics.Topics;
import io.newsradar.scoring.ScoringApp;
import io.newsradar.testsupport.LegacyAlerts;
import io.newsradar.testsupport.TestKafka;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Python example consumer of docs/consumers.md ({@code examples/python/newsradar_consumer.py})
 * against the shared test broker after the scoring stream has run: it must decode every record the
 * pipeline wrote to the same ids, scores, story ids and alert ids the Java serde reads, resolve an
 * older writer version (an Alert v1) by its fingerprint, and drop a redelivered alert by its id.
 */
@Tag("integration")
class PythonConsumerIntegrationTest {
    private static final Path SAMPLES = Path.of("..", "config", "samples", "articles.jsonl");
    private static final Path SCRIPT = Path.of("..", "examples", "python", "newsradar_consumer.py");
    private static final String HIGH_PRIORITY_URL =
            "https://news.example.org/defense/2026/03/tidewatch-joint-ai-programme";
    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    @Test
    void shouldDecodeWhatThePipelineWroteAndDedupeAlertsOnTheirId() throws Exception {
        String python = PythonRuntime.requireWithModules();
        TestKafka.ensureTopics(Topics.all());
        NewsradarConfig config = NewsradarConfig.defaults()
                .with(NewsradarConfig.BOOTSTRAP_SERVERS, TestKafka.bootstrapServers())
                .with(NewsradarConfig.APPLICATION_ID, TestKafka.uniqueId("python-consumer-it"))
                .with(NewsradarConfig.STATE_DIR, tmp.resolve("streams").toString());
        // the samples under ids of this run: other tests on the shared broker publish the same samples,
        // and the consumer reads the topics from the beginning (a shared alert id would read as a repeat)
        String run = TestKafka.uniqueId("py");
        List<NewsArticle> articles = new JsonLinesArticleReader(new ArticleNormalizer())
                .read(SAMPLES).articles().stream()
                        .map(a -> NewsArticle.newBuilder(a)
                                .setId(a.getId() + "-" + run)
                                .setUrl(a.getUrl() == null ? null : a.getUrl() + "?run=" + run)
                                .build())
                        .toList();
        Set<String> ids = articles.stream().map(NewsArticle::getId).collect(Collectors.toSet());
        String highPriorityId = articles.stream()
                .filter(a -> a.getUrl() != null && a.getUrl().startsWith(HIGH_PRIORITY_URL + "?"))
                .findFirst()
                .orElseThrow()
                .getId();

        Written written;
        try (PipelineProgress progress = new PipelineProgress(config.kafkaClientProps());
                ScoringApp scoring = new ScoringApp(config)) {
            List<String> alertTopics = progress.topicsMatching(Topics.ALERT_TOPICS);
            List<String> topics = new ArrayList<>(alertTopics);
            topics.add(Topics.NEWS_SCORED.name());
            RunOutputs outputs = RunOutputs.begin(progress, topics);
            scoring.start();
            await().atMost(WAIT).until(() -> scoring.state() == KafkaStreams.State.RUNNING);
            try (ArticlePublisher publisher = new ArticlePublisher(config)) {
                for (NewsArticle article : articles) {
                    publisher.publish(article).get(30, TimeUnit.SECONDS);
                }
            }
            Map<TopicPartition, Long> rawEnds = progress.endOffsets(List.of(Topics.NEWS_RAW.name()));
            String appId = config.get(NewsradarConfig.APPLICATION_ID);
            await().atMost(WAIT).ignoreExceptions().until(() -> progress.streamsCaughtUp(appId, rawEnds));
            written = await().atMost(WAIT)
                    .until(
                            () -> outputs.ifStable().map(o -> Written.of(o, ids)),
                            w -> w.filter(x -> x.alertsOfStory(highPriorityId).size() >= 2)
                                    .isPresent())
                    .orElseThrow();
        }
        assertThat(written.scored()).as("scored records of this run").hasSize(ids.size());

        // a redelivery (same bytes again, as an at-least-once producer can write) and an Alert v1 writer
        ConsumerRecord<byte[], byte[]> firstAlert = written.alerts().get(0).record();
        RecordMetadata repeat = produce(firstAlert.topic(), firstAlert.key(), firstAlert.value());
        String legacyStory = TestKafka.uniqueId("py-legacy");
        RecordMetadata legacy = produce(
                Topics.alerts(LegacyAlerts.ROUTE).name(),
                legacyStory.getBytes(StandardCharsets.UTF_8),
                LegacyAlerts.v1Bytes(legacyStory, 1, "NEW"));

        Map<String, JsonNode> byOffset = runConsumer(python);

        for (WrittenRecord<ScoredArticle> w : written.scored()) {
            JsonNode line = byOffset.get(w.position());
            assertThat(line)
                    .as(
                            "python line for scored %s at %s",
                            w.value().getArticle().getId(), w.position())
                    .isNotNull();
            assertThat(line.get("kind").asText()).isEqualTo("scored");
            assertThat(line.get("writer").asText()).isEqualTo("ScoredArticle/v3");
            assertThat(line.get("key").asText())
                    .isEqualTo(w.value().getArticle().getId());
            JsonNode value = line.get("value");
            assertThat(value.get("article").get("id").asText())
                    .isEqualTo(w.value().getArticle().getId());
            assertThat(value.get("score").asDouble()).isEqualTo(w.value().getScore());
            assertThat(value.get("storyId").asText()).isEqualTo(w.value().getStoryId());
            assertThat(value.get("revision").asInt()).isEqualTo(w.value().getRevision());
        }
        List<String> pythonScoredIds = byOffset.values().stream()
                .filter(l -> l.get("kind").asText().equals("scored"))
                .map(l -> l.get("key").asText())
                .filter(ids::contains)
                .toList();
        assertThat(pythonScoredIds).containsExactlyInAnyOrderElementsOf(ids);

        for (WrittenRecord<Alert> w : written.alerts()) {
            JsonNode line = byOffset.get(w.position());
            assertThat(line)
                    .as("python line for alert %s", w.value().getAlertId())
                    .isNotNull();
            assertThat(line.get("kind").asText()).isEqualTo("alert");
            assertThat(line.get("writer").asText()).isEqualTo("Alert/v2");
            JsonNode value = line.get("value");
            assertThat(value.get("alertId").asText()).isEqualTo(w.value().getAlertId());
            assertThat(value.get("storyId").asText()).isEqualTo(w.value().getStoryId());
            assertThat(value.get("articleId").asText()).isEqualTo(w.value().getArticleId());
            assertThat(value.get("score").asDouble()).isEqualTo(w.value().getScore());
            assertThat(line.get("status").asText()).isEqualTo(w.value().getStatus());
        }
        assertThat(written.alertsOfStory(highPriorityId))
                .containsExactlyInAnyOrder(
                        highPriorityId + ":" + Topics.DEFENSE_AI_ROUTE + ":1",
                        highPriorityId + ":" + Topics.DEFENSE_KOREA_JAPAN_ROUTE + ":1");

        JsonNode repeated = byOffset.get(position(repeat));
        assertThat(repeated).as("python line for the redelivered alert").isNotNull();
        assertThat(repeated.get("kind").asText()).isEqualTo("duplicate-alert");
        assertThat(repeated.get("alertId").asText())
                .isEqualTo(written.alerts().get(0).value().getAlertId());

        JsonNode old = byOffset.get(position(legacy));
        assertThat(old).as("python line for the Alert v1 record").isNotNull();
        assertThat(old.get("kind").asText()).isEqualTo("alert");
        assertThat(old.get("writer").asText()).isEqualTo("Alert/v1");
        assertThat(old.get("status").asText()).as("a v1 record's lifecycle").isEqualTo("NEW");
        assertThat(old.get("value").get("alertId").asText()).isEqualTo(legacyStory + ":1");
        assertThat(old.get("value").get("sequence").asInt()).as("v2 default").isZero();

        JsonNode summary = byOffset.get("summary");
        Map<String, List<String>> groups = new HashMap<>();
        summary.get("stories").fields().forEachRemaining(e -> {
            List<String> alertIds = new ArrayList<>();
            e.getValue().forEach(n -> alertIds.add(n.asText()));
            groups.put(e.getKey(), alertIds);
        });
        for (String story : written.storyIds()) {
            assertThat(groups.get(story))
                    .as("alert ids grouped under story %s", story)
                    .containsExactlyInAnyOrderElementsOf(written.alertsOfStory(story));
        }
    }

    /** Runs the example to the end of every partition; its lines by topic/partition/offset, and "summary". */
    private Map<String, JsonNode> runConsumer(String python) throws Exception {
        Path stdout = tmp.resolve("python.stdout");
        Path stderr = tmp.resolve("python.stderr");
        Process p = new ProcessBuilder(
                        python,
                        SCRIPT.toString(),
                        "--bootstrap",
                        TestKafka.bootstrapServers(),
                        "--group",
                        TestKafka.uniqueId("python-consumer-it"),
                        "--until-end",
                        "--timeout",
                        "120")
                .redirectOutput(stdout.toFile())
                .redirectError(stderr.toFile())
                .start();
        try {
            assertThat(p.waitFor(180, TimeUnit.SECONDS))
                    .as("python consumer ended")
                    .isTrue();
        } finally {
            p.destroyForcibly();
        }
        assertThat(p.exitValue())
                .as("python consumer exit; stderr: %s", Files.readString(stderr))
                .isZero();
        Map<String, JsonNode> byPosition = new HashMap<>();
        for (String line : Files.readAllLines(stdout)) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode node = JSON.readTree(line);
            String kind = node.get("kind").asText();
            assertThat(kind).as(line).isNotEqualTo("undecodable");
            String key = kind.equals("summary")
                    ? "summary"
                    : node.get("topic").asText() + "/" + node.get("partition").asInt() + "@"
                            + node.get("offset").asLong();
            byPosition.put(key, node);
        }
        assertThat(byPosition).as("python output %s", stdout).containsKey("summary");
        return byPosition;
    }

    private static RecordMetadata produce(String topic, byte[] key, byte[] value) throws Exception {
        Map<String, Object> props = TestKafka.clientProps();
        props.put(ProducerConfig.ACKS_CONFIG, "all"); // the record is on the broker before the consumer starts
        try (KafkaProducer<byte[], byte[]> producer =
                new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer())) {
            return producer.send(new ProducerRecord<>(topic, key, value)).get(30, TimeUnit.SECONDS);
        }
    }

    private static String position(RecordMetadata m) {
        return m.topic() + "/" + m.partition() + "@" + m.offset();
    }

    record WrittenRecord<T>(ConsumerRecord<byte[], byte[]> record, T value) {
        String position() {
            return record.topic() + "/" + record.partition() + "@" + record.offset();
        }
    }

    /** This run's records in the pipeline's output, decoded by the Java serde. */
    record Written(List<WrittenRecord<ScoredArticle>> scored, List<WrittenRecord<Alert>> alerts) {
        static Written of(RunOutputs.Output output, Set<String> ids) {
            List<WrittenRecord<ScoredArticle>> scored = new ArrayList<>();
            List<WrittenRecord<Alert>> alerts = new ArrayList<>();
            for (ConsumerRecord<byte[], byte[]> r : output.records()) {
                if (r.topic().equals(Topics.NEWS_SCORED.name())) {
                    ScoredArticle s = AvroSerdes.scoredArticle().decode(r.value());
                    if (ids.contains(s.getArticle().getId())) {
                        scored.add(new WrittenRecord<>(r, s));
                    }
                } else {
                    Alert a = AvroSerdes.alert().decode(r.value());
                    if (ids.contains(a.getArticleId())) {
                        alerts.add(new WrittenRecord<>(r, a));
                    }
                }
            }
            return new Written(scored, alerts);
        }

        Set<String> storyIds() {
            return alerts.stream().map(w -> w.value().getStoryId()).collect(Collectors.toSet());
        }

        List<String> alertsOfStory(String storyId) {
            return alerts.stream()
                    .filter(w -> w.value().getStoryId().equals(storyId))
                    .map(w -> w.value().getAlertId())
                    .distinct()
                    .toList();
        }
    }
}
