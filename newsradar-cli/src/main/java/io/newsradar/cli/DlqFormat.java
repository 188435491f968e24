package io.newsradar.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsradar.avro.NewsArticle;
import io.newsradar.schemas.topics.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.apache.kafka.common.header.Header;

/** How {@code dlq list} and {@code dlq show} print a dead letter. Pure, so it is unit-tested. */
final class DlqFormat {
    /** A list line stays readable: a longer reason is cut and says so. */
    static final int MAX_REASON = 200;

    private static final ObjectMapper JSON = new ObjectMapper();

    private DlqFormat() {}

    /** One line: where, when, key, why, and whether the copy is whole; for delivery the alert and destinations. */
    static String line(DeadLetter d) {
        StringBuilder sb = new StringBuilder();
        sb.append(d.record().topic()).append(' ').append(d.position());
        sb.append("  ").append(Instant.ofEpochMilli(d.record().timestamp()));
        var delivery = d.delivery();
        if (delivery.isPresent()) {
            DeadLetter.Delivery v = delivery.get();
            sb.append("  ").append(v.kind());
            sb.append(v.alertId() == null ? "  key=" + d.key() : "  alert=" + v.alertId());
            sb.append("  from ")
                    .append(v.sourceTopic())
                    .append(' ')
                    .append(v.sourcePartition())
                    .append(':')
                    .append(v.sourceOffset());
            if (!v.failures().isEmpty()) {
                sb.append("  destinations=")
                        .append(String.join(
                                ",",
                                v.failures().stream()
                                        .map(DeadLetter.Failure::destination)
                                        .toList()));
            }
        } else {
            sb.append("  key=").append(d.key());
        }
        sb.append("  ").append(oneLine(d.reason()));
        sb.append(d.truncation().isPresent() ? "  TRUNCATED" : "");
        return sb.toString();
    }

    /** Every header, then the value decoded when it decodes, else its base64 and why it did not. */
    static List<String> show(DeadLetter d) {
        List<String> out = new ArrayList<>();
        out.add(d.record().topic() + " " + d.position() + "  "
                + Instant.ofEpochMilli(d.record().timestamp()) + "  key=" + d.key());
        out.add("reason: " + d.reason());
        d.truncation().ifPresent(t -> out.add("TRUNCATED copy, cannot be replayed: " + t));
        out.add("headers:" + (d.record().headers().iterator().hasNext() ? "" : " none"));
        for (Header h : d.record().headers()) {
            String v = h.value() == null ? "(null)" : new String(h.value(), StandardCharsets.UTF_8);
            out.add("  " + h.key() + ": " + v.replace("\n", "\n      "));
        }
        out.addAll(value(d));
        return out;
    }

    private static List<String> value(DeadLetter d) {
        byte[] bytes = d.record().value();
        if (bytes == null) {
            return List.of("value: null");
        }
        try {
            if (d.isDelivery()) {
                return List.of(
                        "value (delivery dead letter JSON):",
                        JSON.writerWithDefaultPrettyPrinter().writeValueAsString(JSON.readTree(bytes)));
            }
            NewsArticle article = decodeArticle(bytes);
            return List.of(
                    "value (NewsArticle):",
                    JSON.writerWithDefaultPrettyPrinter().writeValueAsString(AvroJson.tree(article)));
        } catch (Exception e) {
            return List.of(
                    "value does not decode (" + Newsradar.describe(e) + "), " + bytes.length + " bytes in base64:",
                    Base64.getEncoder().encodeToString(bytes));
        }
    }

    /** The bytes as news.raw.v1's serde reads them; throws when they are not a NewsArticle. */
    static NewsArticle decodeArticle(byte[] bytes) {
        NewsArticle a = Topics.NEWS_RAW.valueSerde().deserializer().deserialize(Topics.NEWS_RAW.name(), bytes);
        if (a == null) {
            throw new IllegalArgumentException("no value");
        }
        return a;
    }

    /** First line only, at most {@link #MAX_REASON} characters. */
    static String oneLine(String text) {
        String s = text == null ? "" : text.strip();
        int nl = s.indexOf('\n');
        boolean cut = nl >= 0;
        if (cut) {
            s = s.substring(0, nl).strip();
        }
        if (s.length() > MAX_REASON) {
            s = s.substring(0, MAX_REASON);
            cut = true;
        }
        return cut ? s + " ..." : s;
    }
}
