package io.newsradar.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

class DeadLetterBoundsTest {
    private static final String DLQ = "news.dlq.v1";
    private static final byte[] KEY = "article-1".getBytes(StandardCharsets.UTF_8);

    private final DeadLetterBounds bounds = DeadLetterBounds.from(Map.of());

    @Test
    void shouldLeaveADeadLetterWithinTheBoundUntouched() {
        ProducerRecord<byte[], byte[]> letter = deadLetter(new byte[300 * 1024], "short trace");
        assertThat(bounds.apply(letter)).isSameAs(letter);
    }

    @Test
    void shouldCutTheValueOfAnInputNearTheSizeLimitAndSaySo() {
        byte[] value = new byte[1_046_540];
        Arrays.fill(value, (byte) 7);
        ProducerRecord<byte[], byte[]> letter = deadLetter(value, "x".repeat(2300));
        letter.headers().add("traceparent", "00-abc-01".getBytes(StandardCharsets.UTF_8));

        ProducerRecord<byte[], byte[]> cut = bounds.apply(letter);

        assertThat(DeadLetterBounds.size(cut)).isLessThanOrEqualTo(DeadLetterBounds.DEFAULT_MAX_BYTES);
        assertThat(cut.value()).isEqualTo(Arrays.copyOf(value, cut.value().length));
        assertThat(cut.value().length).isGreaterThan(DeadLetterBounds.DEFAULT_MAX_BYTES - 8 * 1024);
        assertThat(header(cut, DeadLetterBounds.TRUNCATED_HEADER))
                .contains("value: 1046540 bytes, kept " + cut.value().length)
                .contains(DeadLetterBounds.MAX_BYTES_CONFIG + "=" + DeadLetterBounds.DEFAULT_MAX_BYTES);
        // everything else is as it was: key, timestamp, topic, every header
        assertThat(cut.key()).isEqualTo(KEY);
        assertThat(cut.topic()).isEqualTo(DLQ);
        assertThat(cut.timestamp()).isEqualTo(letter.timestamp());
        assertThat(header(cut, "traceparent")).isEqualTo("00-abc-01");
        assertThat(header(cut, "__streams.errors.offset")).isEqualTo("42");
        assertThat(header(cut, "__streams.errors.stacktrace")).hasSize(2300);
    }

    @Test
    void shouldCutALongStackTraceAtACharacterBoundary() {
        // 'é' is two bytes: the cut at 16384 falls in the middle of one
        String trace = "a" + "é".repeat(10_000);
        ProducerRecord<byte[], byte[]> cut = bounds.apply(deadLetter(new byte[10], trace));

        String kept = header(cut, "__streams.errors.stacktrace");
        assertThat(kept.getBytes(StandardCharsets.UTF_8)).hasSize(DeadLetterBounds.STACKTRACE_MAX_BYTES - 1);
        assertThat(trace).startsWith(kept);
        assertThat(header(cut, DeadLetterBounds.TRUNCATED_HEADER))
                .contains("__streams.errors.stacktrace: 20001 bytes, kept 16383");
        assertThat(cut.value()).hasSize(10);
    }

    @Test
    void shouldCutALongErrorMessage() {
        RecordHeaders headers = errorHeaders(new RecordHeaders(), "m".repeat(10_000), "trace");
        ProducerRecord<byte[], byte[]> cut =
                bounds.apply(new ProducerRecord<>(DLQ, null, 1L, KEY, new byte[10], headers));
        assertThat(header(cut, "__streams.errors.message")).hasSize(DeadLetterBounds.ERROR_HEADER_MAX_BYTES);
        assertThat(header(cut, "__streams.errors.offset")).isEqualTo("42");
    }

    @Test
    void shouldDropInputHeadersThatDoNotFitButKeepTheErrorHeaders() {
        RecordHeaders headers = new RecordHeaders();
        headers.add("small", new byte[10]);
        headers.add("big-1", new byte[30 * 1024]);
        headers.add("big-2", new byte[30 * 1024]);
        ProducerRecord<byte[], byte[]> letter = withErrorHeaders(headers, new byte[10], "trace");

        ProducerRecord<byte[], byte[]> cut = bounds.apply(letter);

        assertThat(cut.headers().lastHeader("small")).isNotNull();
        assertThat(cut.headers().lastHeader("big-1")).isNotNull();
        assertThat(cut.headers().lastHeader("big-2")).isNull();
        assertThat(header(cut, "__streams.errors.exception")).isEqualTo("java.lang.RuntimeException");
        assertThat(header(cut, DeadLetterBounds.TRUNCATED_HEADER))
                .contains("input headers dropped: 1 (" + (5 + 30 * 1024) + " bytes)");
    }

    @Test
    void shouldCutAnOversizedKey() {
        byte[] key = new byte[100 * 1024];
        ProducerRecord<byte[], byte[]> letter =
                new ProducerRecord<>(DLQ, null, 1L, key, new byte[10], errorHeaders(new RecordHeaders(), "t"));
        ProducerRecord<byte[], byte[]> cut = bounds.apply(letter);
        assertThat(cut.key()).hasSize(DeadLetterBounds.KEY_MAX_BYTES);
        assertThat(header(cut, DeadLetterBounds.TRUNCATED_HEADER)).contains("key: 102400 bytes, kept 8192");
    }

    @Test
    void shouldStayBelowASmallerProducerRequestSize() {
        DeadLetterBounds small = DeadLetterBounds.from(Map.of("producer.max.request.size", "262144"));
        assertThat(small.maxBytes()).isEqualTo(262144 - DeadLetterBounds.REQUEST_HEADROOM);
        assertThat(small.maxRequestSize()).isEqualTo(262144);
        ProducerRecord<byte[], byte[]> cut = small.apply(deadLetter(new byte[300 * 1024], "t"));
        assertThat(DeadLetterBounds.size(cut)).isLessThanOrEqualTo(small.maxBytes());
    }

    @Test
    void shouldTakeTheConfiguredBound() {
        DeadLetterBounds configured = DeadLetterBounds.from(Map.of(DeadLetterBounds.MAX_BYTES_CONFIG, 100_000));
        assertThat(configured.maxBytes()).isEqualTo(100_000);
        assertThat(configured.maxRequestSize()).isEqualTo(1024 * 1024);
    }

    @Test
    void shouldRefuseABoundWithoutRoomForADeadLetter() {
        assertThatThrownBy(() -> DeadLetterBounds.from(Map.of(DeadLetterBounds.MAX_BYTES_CONFIG, "1000")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(DeadLetterBounds.MAX_BYTES_CONFIG + "=1000")
                .hasMessageContaining("max.request.size=1048576");
        assertThatThrownBy(() -> DeadLetterBounds.from(Map.of(DeadLetterBounds.MAX_BYTES_CONFIG, "lots")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(DeadLetterBounds.MAX_BYTES_CONFIG);
    }

    private static ProducerRecord<byte[], byte[]> deadLetter(byte[] value, String stackTrace) {
        return withErrorHeaders(new RecordHeaders(), value, stackTrace);
    }

    /** As Kafka's ExceptionHandlerUtils builds one: input headers, then six error headers. */
    private static ProducerRecord<byte[], byte[]> withErrorHeaders(
            RecordHeaders headers, byte[] value, String stackTrace) {
        return new ProducerRecord<>(DLQ, null, 1234L, KEY, value, errorHeaders(headers, stackTrace));
    }

    private static RecordHeaders errorHeaders(RecordHeaders headers, String stackTrace) {
        return errorHeaders(headers, "boom", stackTrace);
    }

    private static RecordHeaders errorHeaders(RecordHeaders headers, String message, String stackTrace) {
        headers.add("__streams.errors.exception", bytes("java.lang.RuntimeException"));
        headers.add("__streams.errors.message", bytes(message));
        headers.add("__streams.errors.stacktrace", bytes(stackTrace));
        headers.add("__streams.errors.topic", bytes("news.raw.v1"));
        headers.add("__streams.errors.partition", bytes("0"));
        headers.add("__streams.errors.offset", bytes("42"));
        return headers;
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String header(ProducerRecord<byte[], byte[]> r, String name) {
        Header h = r.headers().lastHeader(name);
        assertThat(h).as(name).isNotNull();
        return new String(h.value(), StandardCharsets.UTF_8);
    }
}
