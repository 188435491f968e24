package io.newsradar.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsradar.schemas.topics.Topics;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProductionExceptionHandler;
import org.apache.kafka.streams.errors.ProductionExceptionHandler.Response;
import org.apache.kafka.streams.errors.ProductionExceptionHandler.Result;
import org.apache.kafka.streams.processor.TaskId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DeadLetteringProductionExceptionHandlerTest {
    private static final byte[] RAW_KEY = "article-1".getBytes(StandardCharsets.UTF_8);
    private static final byte[] RAW_VALUE = {1, 2, 3};

    private final DeadLetteringProductionExceptionHandler handler = new DeadLetteringProductionExceptionHandler();
    private final ProducerRecord<byte[], byte[]> output =
            new ProducerRecord<>(Topics.NEWS_SCORED.name(), new byte[] {9}, new byte[] {8});

    @BeforeEach
    void configure() {
        handler.configure(Map.of(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG, Topics.NEWS_DLQ.name()));
    }

    @Test
    void shouldDeadLetterTheInputAndContinueWhenTheBrokerRefusesAnOutput() {
        Response r = handler.handleError(context(), output, new RecordTooLargeException("too big"));
        assertThat(r.result()).isEqualTo(Result.RESUME);
        assertThat(r.deadLetterQueueRecords()).singleElement().satisfies(dead -> {
            assertThat(dead.topic()).isEqualTo(Topics.NEWS_DLQ.name());
            assertThat(dead.key()).isEqualTo(RAW_KEY);
            assertThat(dead.value()).isEqualTo(RAW_VALUE);
            assertThat(dead.headers().lastHeader("__streams.errors.exception")).isNotNull();
        });
    }

    @Test
    void shouldDeadLetterTheInputAndContinueWhenAnOutputCannotBeSerialized() {
        Response r = handler.handleSerializationError(
                context(),
                output,
                new SerializationException("bad"),
                ProductionExceptionHandler.SerializationExceptionOrigin.VALUE);
        assertThat(r.result()).isEqualTo(Result.RESUME);
        assertThat(r.deadLetterQueueRecords()).hasSize(1);
    }

    @Test
    void shouldStillRetryRetriableErrors() {
        Response r = handler.handleError(context(), output, new TimeoutException("slow broker"));
        assertThat(r.result()).isEqualTo(Result.RETRY);
        assertThat(r.deadLetterQueueRecords()).isEmpty();
    }

    private static ErrorHandlerContext context() {
        return new ErrorHandlerContext() {
            @Override
            public String topic() {
                return Topics.NEWS_RAW.name();
            }

            @Override
            public int partition() {
                return 0;
            }

            @Override
            public long offset() {
                return 42;
            }

            @Override
            public Headers headers() {
                return new RecordHeaders();
            }

            @Override
            public String processorNodeId() {
                return "news-scored";
            }

            @Override
            public TaskId taskId() {
                return new TaskId(0, 0);
            }

            @Override
            public long timestamp() {
                return 0;
            }

            @Override
            public byte[] sourceRawKey() {
                return RAW_KEY;
            }

            @Override
            public byte[] sourceRawValue() {
                return RAW_VALUE;
            }
        };
    }
}
