package io.newsradar.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsradar.schemas.topics.Topics;
import io.newsradar.scoring.DeadLetterBounds;
import io.newsradar.sink.DeadLetters;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * One record of a dead-letter topic, read as bytes, and what it says about itself: on {@code
 * news.dlq.v1} the {@code __streams.errors.*} headers Kafka Streams' handlers add and the
 * truncation header {@link DeadLetterBounds} adds to a cut copy; on {@code delivery.dlq.v1} the
 * JSON value {@link DeadLetters} writes (kind, reason, failed destinations, the alert's origin).
 */
record DeadLetter(ConsumerRecord<byte[], byte[]> record) {
    // Kafka Streams' header names (ExceptionHandlerUtils, an internal class, so not imported)
    static final String ERROR_PREFIX = "__streams.errors.";
    static final String EXCEPTION_HEADER = ERROR_PREFIX + "exception";
    static final String MESSAGE_HEADER = ERROR_PREFIX + "message";

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One destination of an undeliverable alert that did not take it. */
    record Failure(String destination, String reason) {}

    /** What a delivery dead letter's JSON value says; {@code source*} is where the alert was read. */
    record Delivery(
            String kind,
            String alertId,
            String reason,
            String sourceTopic,
            int sourcePartition,
            long sourceOffset,
            List<Failure> failures) {

        boolean undeliverable() {
            return DeadLetters.UNDELIVERABLE.equals(kind);
        }
    }

    DlqPosition position() {
        return new DlqPosition(record.partition(), record.offset());
    }

    boolean isDelivery() {
        return Topics.DELIVERY_DLQ.name().equals(record.topic());
    }

    String key() {
        return record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8);
    }

    /** The last header of that name as UTF-8 text, if any. */
    Optional<String> header(String name) {
        Header h = record.headers().lastHeader(name);
        return h == null || h.value() == null
                ? Optional.empty()
                : Optional.of(new String(h.value(), StandardCharsets.UTF_8));
    }

    /** What was cut from this copy (the truncation header's text), empty when it is whole. */
    Optional<String> truncation() {
        return header(DeadLetterBounds.TRUNCATED_HEADER);
    }

    /** The delivery dead letter's JSON, empty on news.dlq.v1 or when the value is not that JSON. */
    Optional<Delivery> delivery() {
        if (!isDelivery() || record.value() == null) {
            return Optional.empty();
        }
        try {
            JsonNode n = JSON.readTree(record.value());
            if (n == null || !n.isObject()) {
                return Optional.empty();
            }
            List<Failure> failures = new ArrayList<>();
            n.path("failures")
                    .forEach(f -> failures.add(new Failure(
                            f.path("destination").asText(), f.path("reason").asText())));
            return Optional.of(new Delivery(
                    n.path("kind").asText(""),
                    n.hasNonNull("alertId") ? n.get("alertId").asText() : null,
                    n.path("reason").asText(""),
                    n.path("topic").asText(""),
                    n.path("partition").asInt(-1),
                    n.path("offset").asLong(-1),
                    List.copyOf(failures)));
        } catch (java.io.IOException e) {
            return Optional.empty();
        }
    }

    /** Why it was dead-lettered, on one line: the exception class and message, or the sink's reason. */
    String reason() {
        if (isDelivery()) {
            return delivery().map(Delivery::reason).orElse("(value is not a delivery dead letter's JSON)");
        }
        Optional<String> exception = header(EXCEPTION_HEADER);
        Optional<String> message = header(MESSAGE_HEADER);
        if (exception.isEmpty() && message.isEmpty()) {
            return "(no " + ERROR_PREFIX + "* headers)";
        }
        return exception.orElse("?") + message.map(m -> ": " + m).orElse("");
    }

    /** The input's own headers, without the ones dead-lettering added (errors, truncation). */
    List<Header> inputHeaders() {
        List<Header> out = new ArrayList<>();
        Headers all = record.headers();
        for (Header h : all) {
            if (!h.key().startsWith(ERROR_PREFIX) && !h.key().equals(DeadLetterBounds.TRUNCATED_HEADER)) {
                out.add(h);
            }
        }
        return out;
    }
}
