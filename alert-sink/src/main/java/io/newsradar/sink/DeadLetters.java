package io.newsradar.sink;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newsradar.avro.Alert;
import io.newsradar.schemas.json.AlertJson;
import io.newsradar.schemas.topics.Topics;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RecordDeserializationException;

/**
 * Builds the records the sink writes to {@link Topics#DELIVERY_DLQ}. Two kinds, told apart by the
 * {@code kind} field of the JSON value:
 *
 * <ul>
 *   <li>{@code undeliverable}: a good alert some destination refused. Key = alert id (the
 *       receivers' idempotency key), value = where it came from, the reasons, and the alert in its
 *       usual JSON form under {@code alert}, so it can be replayed as is.</li>
 *   <li>{@code undecodable}: bytes on an alert topic that are not an alert. The alert id is
 *       unknown, so key = the original key; value = where it came from, the reason, and the
 *       original key and value bytes in base64, so nothing is lost.</li>
 * </ul>
 */
public final class DeadLetters {
    public static final String UNDELIVERABLE = "undeliverable";
    public static final String UNDECODABLE = "undecodable";

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private DeadLetters() {}

    /** An alert that at least one destination did not take. */
    public static ProducerRecord<String, String> undeliverable(
            ConsumerRecord<String, Alert> source, List<DeliveryFailure> failures) {
        if (failures.isEmpty()) {
            throw new IllegalArgumentException("an undeliverable alert needs at least one failure");
        }
        Alert alert = source.value();
        ObjectNode value = origin(
                UNDELIVERABLE,
                source.topic(),
                source.partition(),
                source.offset(),
                String.join(
                        "; ",
                        failures.stream()
                                .map(f -> f.destination() + ": " + f.reason())
                                .toList()));
        value.put("alertId", alert.getAlertId());
        ArrayNode list = value.putArray("failures");
        failures.forEach(
                f -> list.addObject().put("destination", f.destination()).put("reason", f.reason()));
        try {
            // Re-read AlertJson's own output so the dead letter carries exactly the JSON receivers get.
            value.set("alert", MAPPER.readTree(AlertJson.toJson(alert)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("AlertJson wrote invalid JSON for alert " + alert.getAlertId(), e);
        }
        return record(alert.getAlertId(), value);
    }

    /** A record the consumer could not deserialize, as the consumer reported it. */
    public static ProducerRecord<String, String> undecodable(RecordDeserializationException e) {
        Throwable cause = e.getCause() != null ? e.getCause() : e;
        String reason =
                "cannot deserialize " + e.origin().name().toLowerCase(Locale.ROOT) + ": " + SinkErrors.describe(cause);
        return undecodable(
                e.topicPartition().topic(),
                e.topicPartition().partition(),
                e.offset(),
                bytes(e.keyBuffer()),
                bytes(e.valueBuffer()),
                reason);
    }

    /** A record on an alert topic that carries no alert; the original bytes are kept in base64. */
    public static ProducerRecord<String, String> undecodable(
            String topic, int partition, long offset, byte[] key, byte[] value, String reason) {
        ObjectNode json = origin(UNDECODABLE, topic, partition, offset, reason);
        putBase64(json, "keyBase64", key);
        putBase64(json, "valueBase64", value);
        // Alert topics are keyed by story id, a string; keep it as the key so the record stays findable.
        String originalKey = key == null ? null : new String(key, StandardCharsets.UTF_8);
        return record(originalKey, json);
    }

    private static ObjectNode origin(String kind, String topic, int partition, long offset, String reason) {
        ObjectNode json = MAPPER.createObjectNode();
        json.put("kind", kind);
        json.put("topic", topic);
        json.put("partition", partition);
        json.put("offset", offset);
        json.put("reason", reason);
        return json;
    }

    private static void putBase64(ObjectNode json, String field, byte[] bytes) {
        if (bytes == null) {
            json.putNull(field);
        } else {
            json.put(field, Base64.getEncoder().encodeToString(bytes));
        }
    }

    /** The remaining bytes of a buffer, without moving the caller's position. */
    static byte[] bytes(ByteBuffer buffer) {
        if (buffer == null) {
            return null;
        }
        ByteBuffer copy = buffer.duplicate();
        byte[] bytes = new byte[copy.remaining()];
        copy.get(bytes);
        return bytes;
    }

    private static ProducerRecord<String, String> record(String key, ObjectNode value) {
        try {
            return new ProducerRecord<>(Topics.DELIVERY_DLQ.name(), key, MAPPER.writeValueAsString(value));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write dead letter as JSON", e);
        }
    }
}
