package io.newsradar.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsradar.avro.NewsArticle;
import io.newsradar.schemas.serde.AvroSerdes;
import io.newsradar.schemas.topics.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
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
