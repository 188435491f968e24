package io.newsradar.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsradar.schemas.topics.Topics;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

/** Parsing, formatting and refusals of the dlq commands, without a broker. */
class DlqCommandTest {

    private static DeadLetter letter(String topic, int p, long o, String key, byte[] value, Headers headers) {
        return new DeadLetter(new ConsumerRecord<>(
                topic,
                p,
                o,
                1_750_000_000_000L,
                TimestampType.CREATE_TIME,
                -1,
                -1,
                key == null ? null : key.getBytes(StandardCharsets.UTF_8),
                value,
                headers,
                Optional.empty()));
    }

    private static DeadLetter raw(byte[] value, Headers headers) {
        return letter(Topics.NEWS_DLQ.name(), 1, 12, "a1", value, headers);
    }

    private static DeadLetter delivery(String json) {
        return letter(
                Topics.DELIVERY_DLQ.name(),
                0,
                3,
                "s1:defense-ai:1",
                json.getBytes(StandardCharsets.UTF_8),
                new RecordHeaders());
    }

    private static final String UNDELIVERABLE = "{\"kind\":\"undeliverable\",\"topic\":\"alerts.defense-ai.v1\","
            + "\"partition\":0,\"offset\":5,\"reason\":\"file:/tmp/a.jsonl: IOException: Read-only file system\","
            + "\"alertId\":\"s1:defense-ai:1\",\"failures\":[{\"destination\":\"file:/tmp/a.jsonl\","
            + "\"reason\":\"IOException: Read-only file system\"}],\"alert\":{}}";

    private static final String UNDECODABLE = "{\"kind\":\"undecodable\",\"topic\":\"alerts.defense-ai.v1\","
            + "\"partition\":0,\"offset\":6,\"reason\":\"cannot deserialize value: SerializationException: bad\","
            + "\"keyBase64\":null,\"valueBase64\":\"AAE=\"}";

    @Test
    void shouldParsePositions() {
        assertThat(DlqPosition.parse("0:12")).isEqualTo(new DlqPosition(0, 12));
        assertThat(DlqPosition.parse("3:0").toString()).isEqualTo("3:0");
        for (String bad : new String[] {"12", ":1", "1:", "a:1", "1:b", "-1:2", "1:-2"}) {
            assertThatThrownBy(() -> DlqPosition.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void shouldAcceptOnlyTheTwoDeadLetterTopics() {
        assertThat(DlqCommand.topic("delivery.dlq.v1")).isSameAs(Topics.DELIVERY_DLQ);
        assertThatThrownBy(() -> DlqCommand.topic("news.raw.v1"))
                .hasMessageContaining("not a dead-letter topic")
                .hasMessageContaining("news.dlq.v1");
    }

    @Test
    void shouldListARawDeadLetterWithItsExceptionAndWhetherItWasCut() {
        DeadLetter whole = raw(
                DlqTestRecords.articleBytes("a1"),
                DlqTestRecords.errorHeaders("java.lang.IllegalStateException", "boom\nsecond line"));
        assertThat(DlqFormat.line(whole))
                .startsWith("news.dlq.v1 1:12  2025-06-15T15:06:40Z  key=a1  java.lang.IllegalStateException: boom ...")
                .doesNotContain("TRUNCATED");

        DeadLetter cut = raw(DlqTestRecords.cut(DlqTestRecords.articleBytes("a1")), DlqTestRecords.truncatedHeaders());
        assertThat(DlqFormat.line(cut)).endsWith("SerializationException: too large  TRUNCATED");
    }

    @Test
    void shouldSayWhenADeadLetterHasNoErrorHeaders() {
        assertThat(raw(new byte[] {1}, new RecordHeaders()).reason()).isEqualTo("(no __streams.errors.* headers)");
    }

    @Test
    void shouldCutALongReasonAndSaySo() {
        String line = DlqFormat.oneLine("x".repeat(500));
        assertThat(line).hasSize(DlqFormat.MAX_REASON + 4).endsWith(" ...");
    }

    @Test
    void shouldListADeliveryDeadLetterWithItsAlertAndFailedDestination() {
        assertThat(DlqFormat.line(delivery(UNDELIVERABLE)))
                .isEqualTo("delivery.dlq.v1 0:3  2025-06-15T15:06:40Z  undeliverable  alert=s1:defense-ai:1"
                        + "  from alerts.defense-ai.v1 0:5  destinations=file:/tmp/a.jsonl"
                        + "  file:/tmp/a.jsonl: IOException: Read-only file system");
        assertThat(DlqFormat.line(delivery(UNDECODABLE)))
                .contains("undecodable  key=s1:defense-ai:1  from alerts.defense-ai.v1 0:6")
                .contains("cannot deserialize value");
    }

    @Test
    void shouldShowHeadersAndTheDecodedArticle() {
        DeadLetter d = raw(
                DlqTestRecords.articleBytes("a1"),
                DlqTestRecords.errorHeaders("java.lang.IllegalStateException", "boom"));
        String shown = String.join("\n", DlqFormat.show(d));
        assertThat(shown)
                .contains("reason: java.lang.IllegalStateException: boom")
                .contains("  trace-id: t-1")
                .contains("  __streams.errors.stacktrace: at a\n      at b")
                .contains("value (NewsArticle):")
                .contains("\"id\" : \"a1\"");
    }

    @Test
    void shouldShowBase64AndWhyWhenTheValueDoesNotDecode() {
        DeadLetter d = raw(new byte[] {1, 2, 3}, DlqTestRecords.errorHeaders("x.Y", "bad"));
        String shown = String.join("\n", DlqFormat.show(d));
        assertThat(shown).contains("value does not decode (").contains("3 bytes in base64:\nAQID");
    }

    @Test
    void shouldRefuseToReplayATruncatedCopy() {
        DeadLetter cut = raw(DlqTestRecords.cut(DlqTestRecords.articleBytes("a1")), DlqTestRecords.truncatedHeaders());
        assertThat(RawReplay.refusal(cut))
                .hasValueSatisfying(
                        why -> assertThat(why).startsWith("a truncated copy (value: 900000 bytes, kept 500000)"));
    }

    @Test
    void shouldRefuseToReplayBytesThatAreNotAnArticle() {
        DeadLetter junk = raw("not avro".getBytes(StandardCharsets.UTF_8), DlqTestRecords.errorHeaders("x.Y", "z"));
        assertThat(RawReplay.refusal(junk))
                .hasValueSatisfying(why -> assertThat(why)
                        .contains("does not decode as a NewsArticle")
                        .endsWith("replaying it would only dead-letter it again"));
    }

    @Test
    void shouldReplayAWholeArticleWithItsOwnHeadersOnly() {
        DeadLetter d = raw(DlqTestRecords.articleBytes("a1"), DlqTestRecords.errorHeaders("x.Y", "z"));
        assertThat(RawReplay.refusal(d)).isEmpty();
        assertThat(d.inputHeaders()).extracting(h -> h.key()).containsExactly("trace-id");
    }

    @Test
    void shouldRefuseToReplayAnUndecodableDeliveryDeadLetter() {
        assertThat(DeliveryReplay.refusal(delivery(UNDECODABLE)))
                .hasValueSatisfying(why -> assertThat(why).contains("nothing to deliver"));
        assertThat(DeliveryReplay.refusal(delivery("not json"))).isPresent();
        assertThat(DeliveryReplay.refusal(delivery(UNDELIVERABLE))).isEmpty();
    }

    @Test
    void shouldOpenOnlyFileDestinations() {
        assertThatThrownBy(() -> DeliveryReplay.open("ConsoleDestination"))
                .hasMessageContaining("only file:PATH destinations");
    }
}
