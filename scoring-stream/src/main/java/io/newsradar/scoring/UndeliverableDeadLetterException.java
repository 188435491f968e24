package io.newsradar.scoring;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.header.Header;

/**
 * The dead letter of an input could not be written either. Retrying cannot help (the same input
 * fails the same way, and under exactly-once each failure aborts the transaction), so the scoring
 * stream stops: {@link ScoringApp} answers this exception by shutting the client down and reports
 * its message, which names the input record and the size limits involved.
 */
public final class UndeliverableDeadLetterException extends KafkaException {
    private static final int KEY_SHOWN_CHARS = 80;

    UndeliverableDeadLetterException(String message, Throwable cause) {
        super(message, cause);
    }

    /** For a dead letter (already within {@code bounds}) the broker or producer refused with {@code error}. */
    static UndeliverableDeadLetterException of(
            ProducerRecord<byte[], byte[]> deadLetter, Exception error, DeadLetterBounds bounds) {
        String input =
                header(deadLetter, "__streams.errors.topic") + "-" + header(deadLetter, "__streams.errors.partition")
                        + "@" + header(deadLetter, "__streams.errors.offset");
        String message = "cannot dead-letter input record " + input + " (key " + shownKey(deadLetter.key())
                + "): writing its dead letter of " + DeadLetterBounds.size(deadLetter) + " bytes to "
                + deadLetter.topic() + " failed (" + error
                + "); limits involved: the scoring stream's producer max.request.size=" + bounds.maxRequestSize()
                + ", the topic " + deadLetter.topic() + "'s max.message.bytes (the broker's message.max.bytes"
                + " unless set on the topic) and " + DeadLetterBounds.MAX_BYTES_CONFIG + "=" + bounds.maxBytes()
                + ", which must stay below both. The scoring stream stops rather than fail on this record forever;"
                + " raise the topic's limit or lower " + DeadLetterBounds.MAX_BYTES_CONFIG + ", then restart.";
        return new UndeliverableDeadLetterException(message, error);
    }

    private static String header(ProducerRecord<byte[], byte[]> r, String name) {
        Header h = r.headers().lastHeader(name);
        return h == null || h.value() == null ? "?" : new String(h.value(), StandardCharsets.UTF_8);
    }

    /** The key as text, shortened, with control characters escaped so a log line stays one line. */
    static String shownKey(byte[] key) {
        if (key == null) {
            return "null";
        }
        String text = new String(key, StandardCharsets.UTF_8);
        StringBuilder b = new StringBuilder("'");
        text.codePoints().limit(KEY_SHOWN_CHARS).forEach(c -> {
            if (Character.isISOControl(c) || Character.getType(c) == Character.FORMAT) {
                b.append(String.format(Locale.ROOT, "\\u%04x", c));
            } else {
                b.appendCodePoint(c);
            }
        });
        b.append('\'');
        if (text.codePointCount(0, text.length()) > KEY_SHOWN_CHARS) {
            b.append("... (").append(key.length).append(" bytes)");
        }
        return b.toString();
    }
}
