package io.newsradar.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsradar.avro.Alert;
import io.newsradar.avro.NewsArticle;
import io.newsradar.avro.ScoredArticle;
import io.newsradar.schemas.alert.AlertStatus;
import io.newsradar.schemas.article.ArticleMarks;
import io.newsradar.schemas.serde.AvroSerdes;
import io.newsradar.schemas.topics.TopicDef;
import io.newsradar.schemas.topics.Topics;
import io.newsradar.testsupport.LegacyAlerts;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

class TailCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void shouldPrintAnAvroRecordAsParseableJson() throws Exception {
        NewsArticle article = NewsArticle.newBuilder()
                .setId("a1")
                .setUrl("https://example.org/a1")
                .setSource("example.org")
                .setTitle("Quote \"marks\" and\nnew lines")
                .setBody("Body.")
                .setPublishedAt(Instant.parse("2026-06-28T09:00:00Z"))
                .setFetchedAt(Instant.parse("2026-06-28T09:05:00Z"))
                .setContentHash("h")
                .build();
        ConsumerRecord<byte[], byte[]> record = new ConsumerRecord<>(
                Topics.NEWS_RAW.name(),
                2,
                7L,
                "a1".getBytes(StandardCharsets.UTF_8),
                AvroSerdes.newsArticle().encode(article));

        JsonNode line = JSON.readTree(TailCommand.line(Topics.NEWS_RAW, record));

        assertThat(line.get("partition").asInt()).isEqualTo(2);
        assertThat(line.get("offset").asLong()).isEqualTo(7);
        assertThat(line.get("key").asText()).isEqualTo("a1");
        assertThat(line.get("value").get("title").asText()).isEqualTo("Quote \"marks\" and\nnew lines");
        assertThat(line.has("error")).isFalse();
    }

    @Test
    void shouldPutTheFeedTheHoldAndTheStoryOfAScoredArticleInFront() throws Exception {
        NewsArticle article = NewsArticle.newBuilder()
                .setId("a2")
                .setUrl("https://example.org/a2")
                .setSource("example.org")
                .setTitle("Old news")
                .setBody("Body.")
                .setPublishedAt(Instant.parse("2026-06-18T09:00:00Z"))
                .setFetchedAt(Instant.parse("2026-06-28T09:05:00Z"))
                .setContentHash("h")
                .setFeedId("f-1")
                .setAlertHold(ArticleMarks.FIRST_POLL)
                .build();
        ScoredArticle scored = ScoredArticle.newBuilder()
                .setArticle(article)
                .setTags(List.of())
                .setScore(6.5)
                .setContributions(List.of())
                .setRationale("Not alerted: part of the backlog of the feed's first poll.")
                .setKeyPoints(List.of())
                .setStoryId("a2")
                .setRevision(1)
                .setRoutes(List.of())
                .setRulesVersion("v")
                .build();
        ConsumerRecord<byte[], byte[]> record = new ConsumerRecord<>(
                Topics.NEWS_SCORED.name(),
                0,
                3L,
                null,
                AvroSerdes.scoredArticle().encode(scored));

        JsonNode line = JSON.readTree(TailCommand.line(Topics.NEWS_SCORED, record));

        JsonNode marks = line.get("marks");
        assertThat(marks.get("storyId").asText()).isEqualTo("a2");
        assertThat(marks.get("coverage").asInt()).as("the default: one outlet").isEqualTo(1);
        assertThat(marks.get("score").asDouble()).isEqualTo(6.5);
        assertThat(marks.get("routes")).isEmpty();
        assertThat(marks.get("feedId").asText()).isEqualTo("f-1");
        assertThat(marks.get("alertHold").asText()).isEqualTo("FIRST_POLL");
        List<String> fields = new java.util.ArrayList<>();
        line.fieldNames().forEachRemaining(fields::add);
        assertThat(fields.indexOf("marks")).isLessThan(fields.indexOf("value"));
    }

    @Test
    void shouldPutTheStoryAndCoverageOfACopyInFront() throws Exception {
        ScoredArticle scored = ScoredArticle.newBuilder()
                .setArticle(NewsArticle.newBuilder()
                        .setId("copy-3")
                        .setUrl("https://wire.example/copy-3")
                        .setSource("wire.example")
                        .setTitle("Allies fund joint autonomous maritime patrol programme")
                        .setBody("Body.")
                        .setPublishedAt(Instant.parse("2026-06-28T09:00:00Z"))
                        .setFetchedAt(Instant.parse("2026-06-28T09:05:00Z"))
                        .setContentHash("h")
                        .build())
                .setScore(7.1)
                .setRationale("+0.6 carried by 3 outlets")
                .setStoryId("origin-1")
                .setRevision(1)
                .setRoutes(List.of(Topics.DEFENSE_AI_ROUTE))
                .setRulesVersion("v")
                .setCoverage(3)
                .setOutlets(List.of("ledger.example", "bay.example", "wire.example"))
                .build();
        ConsumerRecord<byte[], byte[]> record = new ConsumerRecord<>(
                Topics.NEWS_SCORED.name(),
                0,
                4L,
                null,
                AvroSerdes.scoredArticle().encode(scored));

        JsonNode line = JSON.readTree(TailCommand.line(Topics.NEWS_SCORED, record));

        assertThat(line.get("marks").get("storyId").asText()).isEqualTo("origin-1");
        assertThat(line.get("marks").get("coverage").asInt()).isEqualTo(3);
        assertThat(line.get("value").get("outlets")).hasSize(3);
    }

    @Test
    void shouldPutAnAlertsPlaceInItsStoryInFront() throws Exception {
        Alert alert = CliTestAlerts.alert("story-9");
        alert.setAlertId(AlertStatus.alertId("story-9", Topics.DEFENSE_AI_ROUTE, 2));
        alert.setStatus(AlertStatus.UPDATED);
        alert.setLifecycle(AlertStatus.lifecycleFor(AlertStatus.UPDATED));
        alert.setSequence(2);
        alert.setCoverage(4);
        alert.setOutlets(List.of("a.example", "b.example", "c.example", "d.example"));
        alert.setChange("score 6.1 -> 7.5; 2 -> 4 outlets");
        TopicDef<String, Alert> topic = Topics.alerts(Topics.DEFENSE_AI_ROUTE);
        ConsumerRecord<byte[], byte[]> record = new ConsumerRecord<>(
                topic.name(),
                1,
                9L,
                "story-9".getBytes(StandardCharsets.UTF_8),
                AvroSerdes.alert().encode(alert));

        JsonNode line = JSON.readTree(TailCommand.line(topic, record));

        JsonNode marks = line.get("marks");
        assertThat(marks.get("status").asText()).isEqualTo("UPDATED");
        assertThat(marks.get("storyId").asText()).isEqualTo("story-9");
        assertThat(marks.get("sequence").asInt()).isEqualTo(2);
        assertThat(marks.get("coverage").asInt()).isEqualTo(4);
        assertThat(marks.get("change").asText()).isEqualTo("score 6.1 -> 7.5; 2 -> 4 outlets");
        assertThat(line.get("value").get("alertId").asText()).isEqualTo("story-9:defense-ai:2");
        assertThat(line.get("value").get("outlets")).hasSize(4);
    }

    @Test
    void shouldShowARetractionAsRetracted() throws Exception {
        Alert alert = CliTestAlerts.alert("story-10");
        alert.setStatus(AlertStatus.RETRACTED);
        alert.setLifecycle(AlertStatus.lifecycleFor(AlertStatus.RETRACTED));
        alert.setSequence(2);
        alert.setChange("taken down at the source");
        TopicDef<String, Alert> topic = Topics.alerts(Topics.DEFENSE_AI_ROUTE);
        ConsumerRecord<byte[], byte[]> record = new ConsumerRecord<>(
                topic.name(), 0, 1L, null, AvroSerdes.alert().encode(alert));

        JsonNode line = JSON.readTree(TailCommand.line(topic, record));

        assertThat(line.get("marks").get("status").asText()).isEqualTo("RETRACTED");
        assertThat(line.get("marks").get("change").asText()).isEqualTo("taken down at the source");
        assertThat(line.get("value").get("status").asText()).isEqualTo("RETRACTED");
        assertThat(line.get("value").get("lifecycle").asText()).isEqualTo("UPDATED");
    }

    @Test
    void shouldShowAnAlertWrittenAsV1WithItsLifecycleAsStatus() throws Exception {
        TopicDef<String, Alert> topic = Topics.alerts(LegacyAlerts.ROUTE);
        ConsumerRecord<byte[], byte[]> record = new ConsumerRecord<>(
                topic.name(),
                0,
                2L,
                "old-story".getBytes(StandardCharsets.UTF_8),
                LegacyAlerts.v1Bytes("old-story", 2, "UPDATED"));

        JsonNode line = JSON.readTree(TailCommand.line(topic, record));

        assertThat(line.has("error")).isFalse();
        JsonNode marks = line.get("marks");
        assertThat(marks.get("status").asText()).isEqualTo("UPDATED");
        assertThat(marks.get("storyId").asText()).isEqualTo("old-story");
        assertThat(marks.has("sequence")).as("v1 alerts had none").isFalse();
        assertThat(marks.get("coverage").asInt()).isEqualTo(1);
        assertThat(marks.has("change")).isFalse();
        assertThat(line.get("value").get("alertId").asText()).isEqualTo("old-story:2");
        assertThat(line.get("value").get("title").asText()).isEqualTo(LegacyAlerts.TITLE);
    }

    @Test
    void shouldShowAFeedRecordAsJson() throws Exception {
        String json = "{\"format\":1,\"id\":\"f-1\",\"url\":\"https://example.org/rss\",\"pollIntervalSeconds\":900}";
        ConsumerRecord<byte[], byte[]> record = new ConsumerRecord<>(
                Topics.FEEDS.name(),
                0,
                1L,
                "f-1".getBytes(StandardCharsets.UTF_8),
                json.getBytes(StandardCharsets.UTF_8));

        JsonNode line = JSON.readTree(TailCommand.line(Topics.FEEDS, record));

        assertThat(line.get("value").get("url").asText()).isEqualTo("https://example.org/rss");
        assertThat(line.has("marks")).isFalse();
    }

    @Test
    void shouldShowUndecodableBytesWithTheReasonInsteadOfFailing() throws Exception {
        ConsumerRecord<byte[], byte[]> record =
                new ConsumerRecord<>(Topics.NEWS_RAW.name(), 0, 1L, null, "junk".getBytes(StandardCharsets.UTF_8));

        JsonNode line = JSON.readTree(TailCommand.line(Topics.NEWS_RAW, record));

        assertThat(line.get("error").asText()).contains("cannot decode");
        assertThat(line.get("valueBase64").asText()).isEqualTo("anVuaw==");
    }

    @Test
    void shouldResolveCatalogueAndRouteTopicsAndRejectOthers() {
        assertThat(TailCommand.resolve(Topics.NEWS_SCORED.name())).isSameAs(Topics.NEWS_SCORED);
        assertThat(TailCommand.resolve(Topics.alerts("cyber").name()).name())
                .isEqualTo(Topics.alerts("cyber").name());
        assertThatThrownBy(() -> TailCommand.resolve("orders.v1")).hasMessageContaining("not a newsradar topic");
    }
}
