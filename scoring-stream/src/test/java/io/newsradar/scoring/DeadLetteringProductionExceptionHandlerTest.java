package io.newsradar.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsradar.schemas.topics.Topics;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProductionExceptionHandler;
import org.apache.kafka.streams.errors.ProductionExceptionHandler.Response;
import org.apache.kafka.streams.errors.ProductionExceptionHandler.Result;
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

    @Test
    void shouldCutTheDeadLetterOfAnInputNearTheSizeLimit() {
        byte[] huge = new byte[1_046_540];
        Response r =
                handler.handleError(ErrorContexts.of(RAW_KEY, huge), output, new RecordTooLargeException("too big"));
        assertThat(r.result()).isEqualTo(Result.RESUME);
        assertThat(r.deadLetterQueueRecords()).singleElement().satisfies(dead -> {
            assertThat(DeadLetterBounds.size(dead)).isLessThanOrEqualTo(DeadLetterBounds.DEFAULT_MAX_BYTES);
            assertThat(dead.headers().lastHeader(DeadLetterBounds.TRUNCATED_HEADER))
                    .isNotNull();
        });
    }

    @Test
    void shouldStopNamingTheInputAndTheLimitsWhenTheDeadLetterItselfIsRefused() {
        ProducerRecord<byte[], byte[]> deadLetter = handler.handleError(
                        context(), output, new RecordTooLargeException("too big"))
                .deadLetterQueueRecords()
                .get(0);
        assertThatThrownBy(() -> handler.handleError(
                        context(), deadLetter, new RecordTooLargeException("the dead letter is too big")))
                .isInstanceOf(UndeliverableDeadLetterException.class)
                .hasMessageContaining(Topics.NEWS_RAW.name() + "-0@42")
                .hasMessageContaining("key 'article-1'")
                .hasMessageContaining("max.request.size=1048576")
                .hasMessageContaining("max.message.bytes")
                .hasMessageContaining(DeadLetterBounds.MAX_BYTES_CONFIG + "=" + DeadLetterBounds.DEFAULT_MAX_BYTES)
                .hasMessageContaining("the dead letter is too big");
    }

    @Test
    void shouldRetryADeadLetterTheBrokerCannotTakeForAMoment() {
        ProducerRecord<byte[], byte[]> deadLetter = new ProducerRecord<>(Topics.NEWS_DLQ.name(), RAW_KEY, RAW_VALUE);
        Response r = handler.handleError(context(), deadLetter, new TimeoutException("slow broker"));
        assertThat(r.result()).isEqualTo(Result.RETRY);
    }

    @Test
    void shouldNeverDeadLetterTheInputOfAnAlertWhoseTopicIsMissing() {
        ProducerRecord<byte[], byte[]> alert =
                new ProducerRecord<>(Topics.alerts("gone").name(), new byte[] {1}, new byte[] {2});
        Response r = handler.handleError(context(), alert, new UnknownTopicOrPartitionException("no such topic"));
        assertThat(r.result()).isEqualTo(Result.RETRY);
        assertThat(r.deadLetterQueueRecords()).isEmpty();
    }

    private static ErrorHandlerContext context() {
        return ErrorContexts.of(RAW_KEY, RAW_VALUE);
    }
}
