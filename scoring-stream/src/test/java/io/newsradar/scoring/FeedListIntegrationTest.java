package io.newsradar.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.newsradar.avro.NewsArticle;
import io.newsradar.avro.ScoredArticle;
import io.newsradar.avro.Tag;
import io.newsradar.localkafka.LocalKafkaBroker;
import io.newsradar.localkafka.TopicAdmin;
import io.newsradar.schemas.config.NewsradarConfig;
import io.newsradar.schemas.feeds.FeedRecord;
import io.newsradar.schemas.serde.AvroSerdes;
import io.newsradar.schemas.topics.Topics;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/**
 * The feed list on a real broker: a feed listed on {@code feeds.v1} before the scoring app starts
 * is read at start (the global store's restore goes through its processor), and one listed while
 * it runs is applied without a restart. A broker of its own: the test reads news.scored.v1 from
 * the beginning.
 */
@org.junit.jupiter.api.Tag("integration")
class FeedListIntegrationTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static LocalKafkaBroker broker;

    @TempDir
    Path stateDir;

    @BeforeAll
    static void startBroker() {
        broker = LocalKafkaBroker.startTemporary();
        TopicAdmin.ensureTopics(broker.clientProps(), Topics.all(), 1, (short) 1);
    }

    @AfterAll
    static void stopBroker() {
        if (broker != null) {
            broker.close();
        }
    }

    private static FeedRecord feed(String id, List<String> tags) {
        return new FeedRecord(
                id, "https://" + id + ".example.com/rss", "Desk " + id, Duration.ofMinutes(15), 1.5, tags, "", "");
    }

    private static Map<String, Object> producerProps() {
        Map<String, Object> p = new HashMap<>(broker.clientProps());
        // in order, and acknowledged by the broker before the test goes on
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        return p;
    }

    private static void list(FeedRecord f) throws Exception {
        try (KafkaProducer<String, String> p =
                new KafkaProducer<>(producerProps(), new StringSerializer(), new StringSerializer())) {
            p.send(new ProducerRecord<>(Topics.FEEDS.name(), f.id(), f.toJson()))
                    .get();
        }
    }

    private static void publish(NewsArticle a) throws Exception {
        try (KafkaProducer<String, NewsArticle> p = new KafkaProducer<>(
                producerProps(),
                new StringSerializer(),
                Topics.NEWS_RAW.valueSerde().serializer())) {
            p.send(new ProducerRecord<>(Topics.NEWS_RAW.name(), a.getId(), a)).get();
        }
    }

    private static ScoredArticle scoredOf(String articleId) {
        Map<String, Object> p = new HashMap<>(broker.clientProps());
        // only what the app committed
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        List<ScoredArticle> found = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> c =
                new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer())) {
            TopicPartition tp = new TopicPartition(Topics.NEWS_SCORED.name(), 0);
            c.assign(List.of(tp));
            c.seekToBeginning(List.of(tp));
            await().atMost(TIMEOUT).until(() -> {
                c.poll(Duration.ofMillis(200)).forEach(r -> {
                    ScoredArticle s = AvroSerdes.scoredArticle().decode(r.value());
                    if (s.getArticle().getId().equals(articleId)) {
                        found.add(s);
                    }
                });
                return !found.isEmpty();
            });
        }
        return found.get(0);
    }

    private static NewsArticle articleOf(String feedId, int n) {
        return NewsArticle.newBuilder(Articles.article(
                        "Defense ministry opens a test range for uncrewed vessels, site " + n,
                        "The Ministry of Defense on Monday opened a test range for uncrewed naval vessels at site " + n
                                + "."))
                .setFeedId(feedId)
                .build();
    }

    @org.junit.jupiter.api.Test
    void feedsListedBeforeTheStartAndWhileRunningLendTheirTagsAndWeight() throws Exception {
        list(feed("before", List.of("artificial-intelligence")));
        NewsradarConfig config = NewsradarConfig.defaults()
                .with(NewsradarConfig.BOOTSTRAP_SERVERS, broker.bootstrapServers())
                .with(NewsradarConfig.APPLICATION_ID, "feeds-it-" + UUID.randomUUID())
                .with(NewsradarConfig.STATE_DIR, stateDir.toString());

        try (ScoringApp app = new ScoringApp(config)) {
            app.start();
            await().atMost(TIMEOUT).until(() -> app.state() == KafkaStreams.State.RUNNING);
            assertThat(app.feeds().find("before")).isNotNull();

            NewsArticle first = articleOf("before", 1);
            publish(first);
            ScoredArticle s1 = scoredOf(first.getId());
            assertThat(s1.getTags()).extracting(Tag::getId).contains("artificial-intelligence");
            assertThat(s1.getContributions())
                    .anySatisfy(c -> assertThat(c.getReason())
                            .isEqualTo("+1.5 from feed Desk before, weighted +1.5 in the feed list"));

            list(feed("during", List.of("japan")));
            await().atMost(TIMEOUT).until(() -> app.feeds().find("during") != null);
            NewsArticle second = articleOf("during", 2);
            publish(second);
            assertThat(scoredOf(second.getId()).getTags())
                    .extracting(Tag::getId)
                    .contains("japan");
        }
    }
}
