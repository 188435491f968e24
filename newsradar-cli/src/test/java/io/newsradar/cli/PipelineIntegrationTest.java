package io.newsradar.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.newsradar.avro.NewsArticle;
import io.newsradar.avro.ScoredArticle;
import io.newsradar.ingest.ArticleNormalizer;
import io.newsradar.ingest.ArticlePublisher;
import io.newsradar.ingest.ArticleReadResult;
import io.newsradar.ingest.IngestJobs;
import io.newsradar.ingest.IngestSummary;
import io.newsradar.ingest.JsonLinesArticleReader;
import io.newsradar.localkafka.LocalKafkaBroker;
import io.newsradar.localkafka.TopicAdmin;
import io.newsradar.schemas.config.NewsradarConfig;
import io.newsradar.schemas.json.AlertJson;
import io.newsradar.schemas.serde.AvroSerdes;
import io.newsradar.schemas.topics.Topics;
import io.newsradar.scoring.ScoringApp;
import io.newsradar.sink.AlertSink;
import io.newsradar.sink.JsonLinesFileDestination;
import io.newsradar.testsupport.TestKafka;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The three services on a real broker: ingest publishes, the scoring stream (exactly-once)
 * scores, routes and dead-letters, the sink writes alerts to a file. A broker of its own: the
 * topics have 3 partitions here, as in production, while the shared test broker's have 1.
 */
@Tag("integration")
class PipelineIntegrationTest {
    private static final Path SAMPLES = Path.of("..", "config", "samples", "articles.jsonl");
    private static final String HIGH_PRIORITY_URL =
            "https://news.example.org/defense/2026/03/tidewatch-joint-ai-programme";
    private static final Duration WAIT = Duration.ofSeconds(90);

    @TempDir
    static Path tmp;

    static LocalKafkaBroker broker;
    static NewsradarConfig config;
    static ScoringApp scoring;
    static AlertSink sink;
    static Path alertsFile;
    static PipelineProgress progress;

    @BeforeAll
    static void startServices() throws Exception {
        broker = LocalKafkaBroker.startTemporary();
        TopicAdmin.ensureTopics(broker.clientProps(), Topics.all(), 3, (short) 1);
        assertThat(TopicAdmin.partitionCounts(broker.clientProps(), List.of(Topics.NEWS_RAW.name())))
                .containsEntry(Topics.NEWS_RAW.name(), 3);
        alertsFile = tmp.resolve("alerts.jsonl");
        config = NewsradarConfig.defaults()
                .with(NewsradarConfig.BOOTSTRAP_SERVERS, broker.bootstrapServers())
                .with(NewsradarConfig.APPLICATION_ID, TestKafka.uniqueId("scoring-it"))
                .with(NewsradarConfig.STATE_DIR, tmp.resolve("streams").toString())
                .with(NewsradarConfig.SINK_GROUP, TestKafka.uniqueId("sink-it"))
                .with(NewsradarConfig.SINK_FILE, alertsFile.toString());
        progress = new PipelineProgress(config.kafkaClientProps());
        scoring = new ScoringApp(config);
        scoring.start();
        sink = new AlertSink(config, List.of(new JsonLinesFileDestination(alertsFile)));
        Thread loop = new Thread(sink, "alert-sink-it");
        loop.setDaemon(true);
        loop.start();
        await().atMost(WAIT).until(() -> scoring.state() == KafkaStreams.State.RUNNING);
    }

    @AfterAll
    static void stopServices() {
        if (sink != null) {
            sink.close();
        }
        if (scoring != null) {
            scoring.close(Duration.ofSeconds(30));
        }
        if (progress != null) {
            progress.close();
        }
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void shouldScoreEveryIngestedArticleExactlyOnceAndAlertTheHighPriorityOneOnce() throws Exception {
        RunOutputs outputs = RunOutputs.begin(progress, List.of(Topics.NEWS_SCORED.name()));
        ArticleReadResult sample = new JsonLinesArticleReader(new ArticleNormalizer()).read(SAMPLES);
        assertThat(sample.errors()).isEmpty();
        Set<String> ids = sample.articles().stream().map(NewsArticle::getId).collect(Collectors.toSet());
        String highPriorityId = sample.articles().stream()
                .filter(a -> HIGH_PRIORITY_URL.equals(a.getUrl()))
                .findFirst()
                .orElseThrow()
                .getId();

        IngestSummary summary;
        try (ArticlePublisher publisher = new ArticlePublisher(config)) {
            summary = IngestJobs.publishFile(SAMPLES, publisher);
        }
        assertThat(summary.published()).isEqualTo(ids.size());

        awaitScoringCaughtUp();
        List<ScoredArticle> scored = awaitStable(outputs).records().stream()
                .map(r -> AvroSerdes.scoredArticle().decode(r.value()))
                .filter(s -> ids.contains(s.getArticle().getId()))
                .toList();
        Map<String, Long> perId = scored.stream()
                .collect(Collectors.groupingBy(s -> s.getArticle().getId(), Collectors.counting()));
        assertThat(perId)
                .as("every ingested article exactly once in news.scored.v1")
                .containsOnlyKeys(ids)
                .allSatisfy((id, n) -> assertThat(n).as(id).isEqualTo(1L));

        // what a user sees with `newsradar tail`: the scored records decoded, one JSON line each
        java.io.StringWriter tailed = new java.io.StringWriter();
        picocli.CommandLine tail = Newsradar.commandLine();
        tail.setOut(new java.io.PrintWriter(tailed, true));
        assertThat(tail.execute(
                        "tail",
                        Topics.NEWS_SCORED.name(),
                        "--from-beginning",
                        "--to-end",
                        "-b",
                        broker.bootstrapServers()))
                .isZero();
        assertThat(tailed.toString())
                .contains("\"storyId\":\"" + highPriorityId + "\"")
                .doesNotContain("value does not decode");

        await().atMost(WAIT).until(() -> alertIdsFor(highPriorityId).size() >= 1);
        awaitSinkCaughtUp();
        // one NEW alert per route it clears, each with an id of its own (before alert ids named the
        // route, both routes' alerts shared one id and a receiver's dedupe dropped one)
        assertThat(alertIdsFor(highPriorityId))
                .as("distinct alert ids for the high-priority sample")
                .containsExactlyInAnyOrder(
                        highPriorityId + ":" + Topics.DEFENSE_AI_ROUTE + ":1",
                        highPriorityId + ":" + Topics.DEFENSE_KOREA_JAPAN_ROUTE + ":1");
    }

    @Test
    void shouldDeadLetterGarbageBetweenTwoGoodRecordsOnOnePartitionAndKeepRunning() throws Exception {
        RunOutputs outputs = RunOutputs.begin(progress, List.of(Topics.NEWS_SCORED.name(), Topics.NEWS_DLQ.name()));
        NewsArticle first = freshArticle("first");
        NewsArticle second = freshArticle("second");
        String garbageKey = TestKafka.uniqueId("garbage");
        byte[] garbage = "\u0000\u0001 this is not an Avro single-object record".getBytes(StandardCharsets.UTF_8);

        Map<String, Object> props = new HashMap<>(config.kafkaClientProps());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<byte[], byte[]> producer =
                new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer())) {
            String topic = Topics.NEWS_RAW.name();
            producer.send(new ProducerRecord<>(
                            topic,
                            0,
                            bytes(first.getId()),
                            AvroSerdes.newsArticle().encode(first)))
                    .get();
            producer.send(new ProducerRecord<>(topic, 0, bytes(garbageKey), garbage))
                    .get();
            producer.send(new ProducerRecord<>(
                            topic,
                            0,
                            bytes(second.getId()),
                            AvroSerdes.newsArticle().encode(second)))
                    .get();
        }

        awaitScoringCaughtUp();
        RunOutputs.Output output = awaitStable(outputs);
        List<String> scoredIds = output.records().stream()
                .filter(r -> r.topic().equals(Topics.NEWS_SCORED.name()))
                .map(r -> new String(r.key(), StandardCharsets.UTF_8))
                .filter(k -> k.equals(first.getId()) || k.equals(second.getId()))
                .toList();
        assertThat(scoredIds).containsExactlyInAnyOrder(first.getId(), second.getId());

        List<ConsumerRecord<byte[], byte[]>> dead = output.records().stream()
                .filter(r -> r.topic().equals(Topics.NEWS_DLQ.name()))
                .filter(r -> r.key() != null && garbageKey.equals(new String(r.key(), StandardCharsets.UTF_8)))
                .toList();
        assertThat(dead).hasSize(1);
        assertThat(dead.get(0).value()).isEqualTo(garbage);
        Map<String, String> headers = new HashMap<>();
        for (Header h : dead.get(0).headers()) {
            headers.put(h.key(), h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8));
        }
        assertThat(headers.keySet()).anyMatch(k -> k.startsWith("__streams.errors."));
        assertThat(headers.values()).anyMatch(v -> v != null && v.contains("UndecodableRecordException"));

        assertThat(scoring.state()).isEqualTo(KafkaStreams.State.RUNNING);
    }

    private static void awaitScoringCaughtUp() throws Exception {
        Map<TopicPartition, Long> rawEnds = progress.endOffsets(List.of(Topics.NEWS_RAW.name()));
        String appId = config.get(NewsradarConfig.APPLICATION_ID);
        await().atMost(WAIT).ignoreExceptions().until(() -> progress.streamsCaughtUp(appId, rawEnds));
    }

    /** The output once no transaction is open on it: the scoring group's offsets land before the markers. */
    private static RunOutputs.Output awaitStable(RunOutputs outputs) {
        return await().atMost(WAIT)
                .until(outputs::ifStable, Optional::isPresent)
                .orElseThrow();
    }

    private static void awaitSinkCaughtUp() throws Exception {
        List<String> alertTopics = progress.topicsMatching(Topics.ALERT_TOPICS);
        Map<TopicPartition, Long> end = await().atMost(WAIT)
                .until(() -> progress.stableEnd(alertTopics), Optional::isPresent)
                .orElseThrow();
        // the sink's group is new and starts from the earliest offset: it must handle every alert there is
        Map<TopicPartition, Long> handled =
                new RunOutputs.Output(end, progress.readBetween(Map.of(), end)).nextOffsets(alertTopics);
        String sinkGroup = config.get(NewsradarConfig.SINK_GROUP);
        await().atMost(WAIT).until(() -> progress.caughtUp(sinkGroup, handled));
    }

    private static Set<String> alertIdsFor(String articleId) throws Exception {
        if (!Files.exists(alertsFile)) {
            return Set.of();
        }
        return Files.readAllLines(alertsFile).stream()
                .filter(l -> !l.isBlank())
                .map(AlertJson::fromJson)
                .filter(a -> a.articleId().equals(articleId))
                .map(AlertJson.AlertView::alertId)
                .collect(Collectors.toSet());
    }

    private static NewsArticle freshArticle(String label) {
        String id = TestKafka.uniqueId(label);
        Instant now = Instant.parse("2026-06-01T10:00:00Z");
        return NewsArticle.newBuilder()
                .setId(id)
                .setUrl("https://it.example.org/" + id)
                .setSource("it.example.org")
                .setTitle("City council approves new cycle lanes (" + label + ")")
                .setBody("The council voted to add twelve kilometres of protected cycle lanes next year.")
                .setPublishedAt(now)
                .setFetchedAt(now)
                .setContentHash("hash-" + id)
                .build();
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
