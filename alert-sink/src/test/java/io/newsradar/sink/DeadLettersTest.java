package io.newsradar.sink;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsradar.avro.Alert;
import io.newsradar.schemas.json.AlertJson;
import io.newsradar.schemas.serde.UndecodableRecordException;
import io.newsradar.schemas.topics.Topics;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.apache.kafka.common.errors.RecordDeserializationException.DeserializationExceptionOrigin;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

class DeadLettersTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ALERT_TOPIC =
            Topics.alerts(Topics.DEFENSE_AI_ROUTE).name();

    @Test
    void shouldKeyAnUndeliverableAlertByAlertIdWithReasonsAndTheAlertJson() throws Exception {
        Alert alert = TestAlerts.alert("story-a", 3);
        ConsumerRecord<String, Alert> source = new ConsumerRecord<>(ALERT_TOPIC, 2, 41L, "story-a", alert);

        ProducerRecord<String, String> letter = DeadLetters.undeliverable(
                source,
                List.of(new DeliveryFailure("file:/data/alerts.jsonl", "IOException: No space left on device")));

        assertThat(letter.topic()).isEqualTo(Topics.DELIVERY_DLQ.name());
        assertThat(letter.key()).isEqualTo("story-a:defense-ai:3");
        JsonNode value = JSON.readTree(letter.value());
        assertThat(value.get("kind").asText()).isEqualTo(DeadLetters.UNDELIVERABLE);
        assertThat(value.get("topic").asText()).isEqualTo(ALERT_TOPIC);
        assertThat(value.get("partition").asInt()).isEqualTo(2);
        assertThat(value.get("offset").asLong()).isEqualTo(41L);
        assertThat(value.get("reason").asText())
                .isEqualTo("file:/data/alerts.jsonl: IOException: No space left on device");
        assertThat(value.get("failures").get(0).get("destination").asText()).isEqualTo("file:/data/alerts.jsonl");
        AlertJson.AlertView carried = AlertJson.fromJson(JSON.writeValueAsString(value.get("alert")));
        assertThat(carried).isEqualTo(AlertJson.view(alert));
    }

    @Test
    void shouldKeepOriginalKeyAndBytesOfAnUndecodableRecord() throws Exception {
        byte[] key = "story-x".getBytes(StandardCharsets.UTF_8);
        byte[] garbage = {0x00, 0x13, 0x37, (byte) 0xff};
        ByteBuffer valueBuffer = ByteBuffer.wrap(garbage);
        RecordDeserializationException e = new RecordDeserializationException(
                DeserializationExceptionOrigin.VALUE,
                new TopicPartition(ALERT_TOPIC, 1),
                9L,
                0L,
                TimestampType.CREATE_TIME,
                ByteBuffer.wrap(key),
                valueBuffer,
                new RecordHeaders(),
                "Error deserializing VALUE",
                new UndecodableRecordException("cannot decode 4 bytes as Alert: BadHeaderException", null));

        ProducerRecord<String, String> letter = DeadLetters.undecodable(e);

        assertThat(letter.topic()).isEqualTo(Topics.DELIVERY_DLQ.name());
        assertThat(letter.key()).isEqualTo("story-x");
        JsonNode value = JSON.readTree(letter.value());
        assertThat(value.get("kind").asText()).isEqualTo(DeadLetters.UNDECODABLE);
        assertThat(value.get("topic").asText()).isEqualTo(ALERT_TOPIC);
        assertThat(value.get("partition").asInt()).isEqualTo(1);
        assertThat(value.get("offset").asLong()).isEqualTo(9L);
        assertThat(value.get("reason").asText())
                .isEqualTo("cannot deserialize value: UndecodableRecordException: "
                        + "cannot decode 4 bytes as Alert: BadHeaderException");
        assertThat(Base64.getDecoder().decode(value.get("valueBase64").asText()))
                .isEqualTo(garbage);
        assertThat(Base64.getDecoder().decode(value.get("keyBase64").asText())).isEqualTo(key);
        assertThat(valueBuffer.position())
                .as("the consumer's buffer is left as it was")
                .isZero();
    }

    @Test
    void shouldLeaveTheKeyEmptyWhenTheUndecodableRecordHadNone() throws Exception {
        ProducerRecord<String, String> letter =
                DeadLetters.undecodable(ALERT_TOPIC, 0, 3L, null, null, "record has no value");

        assertThat(letter.key()).isNull();
        JsonNode value = JSON.readTree(letter.value());
        assertThat(value.get("keyBase64").isNull()).isTrue();
        assertThat(value.get("valueBase64").isNull()).isTrue();
        assertThat(value.get("reason").asText()).isEqualTo("record has no value");
    }
}
