package io.newsradar.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsradar.schemas.topics.Topics;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.processor.api.Record;
import org.junit.jupiter.api.Test;

/** The deserialization and processing handlers: Kafka's log-and-continue, with bounded dead letters. */
class DeadLetteringInputHandlersTest {
    private static final byte[] KEY = "article-1".getBytes(StandardCharsets.UTF_8);
    private static final Map<String, Object> CONFIG = Map.of(
            StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG,
            Topics.NEWS_DLQ.name(),
            DeadLetterBounds.MAX_BYTES_CONFIG,
            200_000);

    @Test
    void shouldDeadLetterACutCopyOfAnUndecodableRecordNearTheSizeLimit() {
        byte[] huge = new byte[1_046_540];
        DeadLetteringDeserializationExceptionHandler handler = new DeadLetteringDeserializationExceptionHandler();
        handler.configure(CONFIG);

        DeserializationExceptionHandler.Response r = handler.handleError(
                ErrorContexts.of(KEY, huge),
                new ConsumerRecord<>(Topics.NEWS_RAW.name(), 0, ErrorContexts.OFFSET, KEY, huge),
                new IllegalArgumentException("not avro"));

        assertThat(r.result()).isEqualTo(DeserializationExceptionHandler.Result.RESUME);
        assertThat(r.deadLetterQueueRecords()).singleElement().satisfies(DeadLetteringInputHandlersTest::isCut);
    }

    @Test
    void shouldDeadLetterACutCopyOfAnArticleRejectedForItsSize() {
        byte[] huge = new byte[1_046_540];
        DeadLetteringProcessingExceptionHandler handler = new DeadLetteringProcessingExceptionHandler();
        handler.configure(CONFIG);

        ProcessingExceptionHandler.Response r = handler.handleError(
                ErrorContexts.of(KEY, huge),
                new Record<>("article-1", "decoded", 0L),
                new InvalidArticleException("article article-1 body is too long"));

        assertThat(r.result()).isEqualTo(ProcessingExceptionHandler.Result.RESUME);
        assertThat(r.deadLetterQueueRecords()).singleElement().satisfies(DeadLetteringInputHandlersTest::isCut);
    }

    @Test
    void shouldDeadLetterASmallRecordWhole() {
        byte[] small = {1, 2, 3};
        DeadLetteringProcessingExceptionHandler handler = new DeadLetteringProcessingExceptionHandler();
        handler.configure(CONFIG);

        ProcessingExceptionHandler.Response r = handler.handleError(
                ErrorContexts.of(KEY, small), new Record<>("article-1", "decoded", 0L), new RuntimeException("boom"));

        assertThat(r.deadLetterQueueRecords()).singleElement().satisfies(dead -> {
            assertThat(dead.value()).isEqualTo(small);
            assertThat(dead.headers().lastHeader(DeadLetterBounds.TRUNCATED_HEADER))
                    .isNull();
        });
    }

    private static void isCut(ProducerRecord<byte[], byte[]> dead) {
        assertThat(dead.topic()).isEqualTo(Topics.NEWS_DLQ.name());
        assertThat(dead.key()).isEqualTo(KEY);
        assertThat(DeadLetterBounds.size(dead)).isLessThanOrEqualTo(200_000);
        assertThat(new String(
                        dead.headers()
                                .lastHeader(DeadLetterBounds.TRUNCATED_HEADER)
                                .value(),
                        StandardCharsets.UTF_8))
                .contains("value: 1046540 bytes, kept " + dead.value().length);
        assertThat(dead.headers().lastHeader("__streams.errors.offset").value())
                .isEqualTo(Long.toString(ErrorContexts.OFFSET).getBytes(StandardCharsets.UTF_8));
    }
}
