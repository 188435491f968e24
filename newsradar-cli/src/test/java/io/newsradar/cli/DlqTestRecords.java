package io.newsradar.cli;

import io.newsradar.avro.NewsArticle;
import io.newsradar.schemas.serde.AvroSerdes;
import io.newsradar.scoring.DeadLetterBounds;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/** Dead letters as the scoring stream writes them, for the dlq tests. */
final class DlqTestRecords {
    private DlqTestRecords() {}

    static NewsArticle article(String id) {
        return NewsArticle.newBuilder()
                .setId(id)
                .setUrl("https://example.org/" + id)
                .setSource("example.org")
                .setTitle("Allies fund joint autonomous drone programme")
                .setBody("Body.")
                .setPublishedAt(Instant.parse("2026-06-28T09:00:00Z"))
                .setFetchedAt(Instant.parse("2026-06-28T09:05:00Z"))
                .setContentHash("h")
                .build();
    }

    static byte[] articleBytes(String id) {
        return AvroSerdes.newsArticle().encode(article(id));
    }

    /** The error headers Kafka Streams adds, after an input header of the article's own. */
    static Headers errorHeaders(String exception, String message) {
        RecordHeaders h = new RecordHeaders();
        h.add("trace-id", "t-1".getBytes(StandardCharsets.UTF_8));
        h.add(DeadLetter.EXCEPTION_HEADER, exception.getBytes(StandardCharsets.UTF_8));
        h.add(DeadLetter.MESSAGE_HEADER, message.getBytes(StandardCharsets.UTF_8));
        h.add("__streams.errors.stacktrace", ("at a\nat b").getBytes(StandardCharsets.UTF_8));
        h.add("__streams.errors.topic", "news.raw.v1".getBytes(StandardCharsets.UTF_8));
        return h;
    }

    /** A cut copy: the value's tail gone and the truncation header saying so. */
    static Headers truncatedHeaders() {
        Headers h = errorHeaders("org.apache.kafka.common.errors.SerializationException", "too large");
        h.add(DeadLetterBounds.TRUNCATED_HEADER, "value: 900000 bytes, kept 500000".getBytes(StandardCharsets.UTF_8));
        return h;
    }

    static byte[] cut(byte[] bytes) {
        return Arrays.copyOf(bytes, bytes.length / 2);
    }
}
