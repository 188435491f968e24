package io.newsradar.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.newsradar.avro.Alert;
import io.newsradar.avro.NewsArticle;
import io.newsradar.avro.ScoredArticle;
import io.newsradar.localkafka.LocalKafkaBroker;
import io.newsradar.localkafka.TopicAdmin;
import io.newsradar.schemas.alert.AlertStatus;
import io.newsradar.schemas.config.NewsradarConfig;
import io.newsradar.schemas.serde.AvroSerdes;
import io.newsradar.schemas.topics.Topics;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
 * Stories on a real broker of their own, every topic at three partitions: copies of one story
 * keyed by their own ids land on different partitions and still become one story with one NEW
 * alert; and a restarted application keeps its stories.
 */
@Tag("integration")
class StoriesIntegrationTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(90);
    private static final int PARTITIONS = 3;
    private static final String DEFENSE_AI =
            Topics.alerts(Topics.DEFENSE_AI_ROUTE).name();
    // A broker per test: both tests publish copies of the same story, and an application reads
    // news.raw.v1 from the beginning, so on a shared broker each would see the other's copies.
    private static LocalKafkaBroker broker;

    @TempDir
    Path stateDir;

    @TempDir
    Path otherStateDir;

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

    private NewsradarConfig config(String appId, Path dir) {
        return NewsradarConfig.defaults()
                .with(NewsradarConfig.BOOTSTRAP_SERVERS, broker.bootstrapServers())
                .with(NewsradarConfig.APPLICATION_ID, appId)
                .with(NewsradarConfig.STATE_DIR, dir.toString());
    }

    @Test
    void copiesOnDifferentPartitionsAreOneStoryWithOneNewAlertAndOtherStoriesStayApart() throws Exception {
        assertThat(TopicAdmin.partitionCounts(broker.clientProps(), List.of(Topics.NEWS_RAW.name())))
                .containsEntry(Topics.NEWS_RAW.name(), PARTITIONS);
        List<NewsArticle> copies = Syndication.copies();
        List<NewsArticle> others = Syndication.unrelated();
        String story = copies.get(0).getId();
        Set<String> ids = new HashSet<>();
        copies.forEach(a -> ids.add(a.getId()));
        others.forEach(a -> ids.add(a.getId()));

        try (ScoringApp app = new ScoringApp(config("stories-it-" + UUID.randomUUID(), stateDir))) {
            app.start();
            await().atMost(TIMEOUT).until(() -> app.state() == KafkaStreams.State.RUNNING);
            Set<Integer> partitions = new HashSet<>();
            try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(producerProps())) {
                // the original first: its copies come later, as on the wire (two copies racing
                // on different band partitions are the merge rule's case, see BandInterleavingTest)
                partitions.add(send(producer, copies.get(0)));
                awaitScored(ids, 1);
                for (NewsArticle a : copies.subList(1, copies.size())) {
                    partitions.add(send(producer, a));
                }
                for (NewsArticle a : others) {
                    send(producer, a);
                }
            }
            assertThat(partitions).as("raw partitions of the copies").hasSizeGreaterThanOrEqualTo(2);

            List<ScoredArticle> scored = awaitScored(ids, copies.size() + others.size());
            Map<String, String> storyOf = new HashMap<>();
            scored.forEach(s -> storyOf.put(s.getArticle().getId(), s.getStoryId()));
            copies.forEach(c -> assertThat(storyOf).containsEntry(c.getId(), story));
            others.forEach(o -> assertThat(storyOf).containsEntry(o.getId(), o.getId()));
            assertThat(scored)
                    .filteredOn(s -> s.getStoryId().equals(story))
                    .extracting(ScoredArticle::getCoverage)
                    .contains(copies.size());

            // scored records and the alerts of the same articles leave in the same transactions:
            // everything committed now is every alert these articles raised
            List<Alert> alerts = committed(DEFENSE_AI).stream()
                    .map(r -> AvroSerdes.alert().decode(r.value()))
                    .toList();
            assertThat(alerts)
                    .filteredOn(a -> a.getStoryId().equals(story))
                    .singleElement()
                    .satisfies(a -> {
                        assertThat(a.getStatus()).isEqualTo(AlertStatus.NEW);
                        assertThat(a.getAlertId()).isEqualTo(AlertStatus.alertId(story, Topics.DEFENSE_AI_ROUTE, 1));
                    });
            assertThat(alerts).extracting(Alert::getStoryId).doesNotHaveDuplicates();
            assertThat(app.counters().storiesStarted()).isEqualTo(1 + others.size());
            assertThat(app.counters().storyCopies()).isEqualTo(copies.size() - 1);
        }
    }

    @Test
    void aRestartedApplicationKeepsItsStories() throws Exception {
        List<NewsArticle> copies = Syndication.copies();
        String story = copies.get(0).getId();
        String appId = "stories-restart-it-" + UUID.randomUUID();
        Set<String> ids = new HashSet<>(copies.stream().map(NewsArticle::getId).toList());

        try (ScoringApp first = new ScoringApp(config(appId, stateDir))) {
            first.start();
            await().atMost(TIMEOUT).until(() -> first.state() == KafkaStreams.State.RUNNING);
            publish(copies.get(0));
            awaitScored(ids, 1);
            assertThat(storyAlerts(story)).hasSize(1);
        }

        // the same state directory: the local stores, checked against their changelogs
        try (ScoringApp second = new ScoringApp(config(appId, stateDir))) {
            second.start();
            await().atMost(TIMEOUT).until(() -> second.state() == KafkaStreams.State.RUNNING);
            publish(copies.get(1));
            assertThat(awaitScored(ids, 2).get(1).getStoryId()).isEqualTo(story);
            assertThat(storyAlerts(story))
                    .as("no second NEW alert for the known story")
                    .hasSize(1);
        }

        // another instance with nothing on disk: every store restored from its changelog
        try (ScoringApp third = new ScoringApp(config(appId, otherStateDir))) {
            third.start();
            await().atMost(TIMEOUT).until(() -> third.state() == KafkaStreams.State.RUNNING);
            publish(copies.get(2));
            List<ScoredArticle> scored = awaitScored(ids, 3);
            assertThat(scored.get(2).getStoryId()).isEqualTo(story);
            assertThat(scored.get(2).getCoverage()).isEqualTo(3);
            assertThat(storyAlerts(story)).hasSize(1);
        }
    }

    private List<Alert> storyAlerts(String story) {
        return committed(DEFENSE_AI).stream()
                .map(r -> AvroSerdes.alert().decode(r.value()))
                .filter(a -> a.getStoryId().equals(story))
                .toList();
    }

    private static void publish(NewsArticle a) throws Exception {
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(producerProps())) {
            send(producer, a);
        }
    }

    /** Sends and returns the partition the article landed on. */
    private static int send(KafkaProducer<byte[], byte[]> producer, NewsArticle a) throws Exception {
        return producer.send(new ProducerRecord<>(
                        Topics.NEWS_RAW.name(),
                        a.getId().getBytes(StandardCharsets.UTF_8),
                        AvroSerdes.newsArticle().encode(a)))
                .get(30, TimeUnit.SECONDS)
                .partition();
    }

    private static Map<String, Object> producerProps() {
        Map<String, Object> p = new HashMap<>(broker.clientProps());
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        // each article exactly once, in the order sent
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        return p;
    }

    /**
     * Waits until {@code news.scored.v1} holds at least {@code count} committed records of the
     * test's articles; returns them by fetch time.
     */
    private static List<ScoredArticle> awaitScored(Set<String> ids, int count) {
        List<ScoredArticle> out = new ArrayList<>();
        await().atMost(TIMEOUT).until(() -> {
            out.clear();
            committed(Topics.NEWS_SCORED.name()).stream()
                    .map(r -> AvroSerdes.scoredArticle().decode(r.value()))
                    .filter(s -> ids.contains(s.getArticle().getId()))
                    .forEach(out::add);
            return out.size() >= count;
        });
        out.sort(java.util.Comparator.comparing(s -> s.getArticle().getFetchedAt()));
        return out;
    }

    /**
     * Every committed record of the topic, once no transaction is open on it. A transaction's
     * commit markers reach its partitions one by one: a scored record can be readable while the
     * alert committed with it is not yet, so the topic is read only once its last stable offsets
     * have caught up with its high watermarks.
     */
    private static List<ConsumerRecord<byte[], byte[]>> committed(String topic) {
        return CommittedRecords.read(broker, topic);
    }
}
