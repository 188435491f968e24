package io.newsradar.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsradar.avro.NewsArticle;
import io.newsradar.avro.ScoredArticle;
import io.newsradar.schemas.article.ArticleMarks;
import io.newsradar.schemas.serde.AvroSerdes;
import io.newsradar.schemas.topics.Topics;
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
        assertThat(marks.get("score").asDouble()).isEqualTo(6.5);
        assertThat(marks.get("routes")).isEmpty();
        assertThat(marks.get("feedId").asText()).isEqualTo("f-1");
        assertThat(marks.get("alertHold").asText()).isEqualTo("FIRST_POLL");
        List<String> fields = new java.util.ArrayList<>();
        line.fieldNames().forEachRemaining(fields::add);
        assertThat(fields.indexOf("marks")).isLessThan(fields.indexOf("value"));
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
