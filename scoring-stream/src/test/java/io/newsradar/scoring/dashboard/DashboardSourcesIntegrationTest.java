package io.newsradar.scoring.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.newsradar.localkafka.LocalKafkaBroker;
import io.newsradar.localkafka.TopicAdmin;
import io.newsradar.schemas.feeds.FeedState;
import io.newsradar.schemas.topics.Topics;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The dashboard's two cluster readers against a real broker of their own (the counts need topics
 * no other test writes to): feed states read committed, latest per feed, tombstones removing;
 * dead-letter counts from offsets, and a missing topic said as such.
 */
@Tag("integration")
class DashboardSourcesIntegrationTest {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final Instant T = Instant.parse("2026-11-30T06:00:00Z");
    private static LocalKafkaBroker broker;

    @BeforeAll
    static void startBroker() {
        broker = LocalKafkaBroker.startTemporary();
        TopicAdmin.ensureTopics(broker.clientProps(), List.of(Topics.FEEDS_STATE, Topics.DELIVERY_DLQ), 2, (short) 1);
    }

    @AfterAll
    static void stopBroker() {
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void feedStatesAreTheLatestCommittedOnePerFeed() {
        try (KafkaProducer<String, String> tx = producer("dashboard-it-states")) {
            tx.initTransactions();
            tx.beginTransaction();
            tx.send(state("feed-a", 1));
            tx.send(state("feed-b", 1));
            tx.commitTransaction();
            // a poll whose transaction aborted never happened
            tx.beginTransaction();
            tx.send(state("feed-a", 99));
            tx.send(state("feed-c", 99));
            tx.flush();
            tx.abortTransaction();
            tx.beginTransaction();
            tx.send(state("feed-a", 2));
            tx.send(new ProducerRecord<>(Topics.FEEDS_STATE.name(), "feed-b", null));
            tx.commitTransaction();
        }

        try (FeedStateReader reader = new FeedStateReader(broker.clientProps()).start()) {
            await().atMost(WAIT).until(reader::loaded);

            assertThat(reader.failure()).isEmpty();
            assertThat(reader.states()).extracting(FeedState::feedId).containsExactly("feed-a");
            assertThat(reader.states().iterator().next().polls()).isEqualTo(2);

            // and it keeps following the topic
            try (KafkaProducer<String, String> plain = producer(null)) {
                plain.send(state("feed-d", 1));
            }
            await().atMost(WAIT).until(() -> reader.states().size() == 2);
        }
    }

    @Test
    void deadLettersAreCountedPerTopicAndAMissingTopicIsSaid() {
        try (KafkaProducer<String, String> plain = producer(null)) {
            for (int i = 0; i < 3; i++) {
                plain.send(new ProducerRecord<>(Topics.DELIVERY_DLQ.name(), i % 2, "alert-" + i, "{}"));
            }
        }

        try (AdminDlqCounter counter = new AdminDlqCounter(broker.clientProps(), Clock.systemUTC(), Duration.ZERO)) {
            assertThat(counter.counts())
                    .containsExactly(
                            new DlqCounter.DlqCount(Topics.NEWS_DLQ.name(), -1),
                            new DlqCounter.DlqCount(Topics.DELIVERY_DLQ.name(), 3));
        }
    }

    private static ProducerRecord<String, String> state(String feedId, long polls) {
        FeedState s = new FeedState(
                feedId,
                "https://feeds.test/" + feedId,
                "",
                "",
                T,
                T,
                T.plusSeconds(600),
                0,
                "",
                200,
                polls,
                0,
                List.of());
        return new ProducerRecord<>(Topics.FEEDS_STATE.name(), feedId, s.toJson());
    }

    private static KafkaProducer<String, String> producer(String transactionalId) {
        Map<String, Object> p = new HashMap<>(broker.clientProps());
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        if (transactionalId != null) {
            p.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
        }
        return new KafkaProducer<>(p);
    }
}
