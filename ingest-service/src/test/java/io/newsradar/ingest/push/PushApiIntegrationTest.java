package io.newsradar.ingest.push;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsradar.avro.IngestChannel;
import io.newsradar.avro.NewsArticle;
import io.newsradar.http.EmbeddedHttpServer;
import io.newsradar.http.HttpSettings;
import io.newsradar.http.ProcessMeters;
import io.newsradar.ingest.ArticlePublisher;
import io.newsradar.schemas.config.NewsradarConfig;
import io.newsradar.schemas.topics.Topics;
import io.newsradar.testsupport.TestKafka;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** A 202's ids are in news.raw.v1 on a real broker, as PUSH articles. */
@Tag("integration")
class PushApiIntegrationTest {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theIdsOfA202AreOnTheRawTopic() throws Exception {
        TestKafka.ensureTopics(Topics.all());
        String run = TestKafka.uniqueId("push-it");
        NewsradarConfig config =
                NewsradarConfig.defaults().with(NewsradarConfig.BOOTSTRAP_SERVERS, TestKafka.bootstrapServers());

        try (KafkaConsumer<String, NewsArticle> consumer = rawConsumer();
                ArticlePublisher publisher = new ArticlePublisher(config);
                EmbeddedHttpServer server =
                        new EmbeddedHttpServer(HttpSettings.loopbackAnyPort(), ProcessMeters.newRegistry());
                PushApi push = PushApi.register(server, config, publisher)) {
            server.start();
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.NEWS_RAW.name()).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition()))
                    .toList();
            consumer.assign(partitions);
            // only what this test publishes from here on: the shared topic holds other tests' records
            Map<TopicPartition, Long> start = consumer.endOffsets(partitions);
            start.forEach(consumer::seek);
            String batch = PushApiTest.article("https://push-it.example.org/" + run + "/1", "Harbour opens") + "\n"
                    + "{\"title\": \"no url, no guid\"}\n"
                    + PushApiTest.article("https://push-it.example.org/" + run + "/2", "Harbour closes") + "\n";

            HttpResponse<String> r = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + PushApi.PATH))
                                    .timeout(WAIT)
                                    .header("Content-Type", "application/x-ndjson")
                                    .POST(HttpRequest.BodyPublishers.ofString(batch))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());

            assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
            JsonNode body = JSON.readTree(r.body());
            List<String> ids = new ArrayList<>();
            body.path("accepted").forEach(a -> ids.add(a.path("id").asText()));
            assertThat(ids).hasSize(2);
            assertThat(body.path("rejected").get(0).path("line").asInt()).isEqualTo(2);

            Map<String, NewsArticle> seen = new HashMap<>();
            await().atMost(WAIT).until(() -> {
                for (ConsumerRecord<String, NewsArticle> rec : consumer.poll(Duration.ofMillis(200))) {
                    seen.put(rec.key(), rec.value());
                }
                return seen.keySet().containsAll(ids);
            });
            assertThat(Set.copyOf(ids)).allSatisfy(id -> {
                assertThat(seen.get(id).getChannel()).isEqualTo(IngestChannel.PUSH);
                assertThat(seen.get(id).getUrl()).startsWith("https://push-it.example.org/" + run);
            });
            assertThat(HttpClient.newHttpClient()
                            .send(
                                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/ready"))
                                            .build(),
                                    HttpResponse.BodyHandlers.ofString())
                            .statusCode())
                    .isEqualTo(200);
        }
    }

    private static KafkaConsumer<String, NewsArticle> rawConsumer() {
        Map<String, Object> props = TestKafka.clientProps();
        // assigned partitions, no group: nothing to commit, no rebalance to wait for
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        // the publisher is not transactional; read_committed would be the same here, and says what downstream reads
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        return new KafkaConsumer<>(
                props,
                Topics.NEWS_RAW.keySerde().deserializer(),
                Topics.NEWS_RAW.valueSerde().deserializer());
    }
}
