package io.newsradar.testsupport;

import io.newsradar.schemas.serde.SchemaHistory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.message.BinaryMessageEncoder;

/**
 * Alerts as a writer of the first release encoded them: the {@code Alert} v1 schema from the
 * schema history, single-object encoding, no status, sequence, coverage, outlets or change, and the
 * v1 alert id {@code <story>:<revision>}. For tests that readers of later versions still show them.
 */
public final class LegacyAlerts {
    public static final String ROUTE = "defense-ai";
    public static final String TITLE = "Allies fund joint autonomous maritime patrol programme";
    public static final String SOURCE = "Harbor City Ledger";
    public static final String RATIONALE = "+2.0 defense and AI named together in the title";

    private LegacyAlerts() {}

    /** The v1 bytes of an alert of {@code storyId} raised by its {@code revision}; lifecycle NEW or UPDATED. */
    public static byte[] v1Bytes(String storyId, int revision, String lifecycle) {
        Schema v1 = SchemaHistory.versions("Alert").get(0);
        GenericRecord alert = new GenericData.Record(v1);
        alert.put("alertId", storyId + ":" + revision);
        alert.put("storyId", storyId);
        alert.put("revision", revision);
        alert.put(
                "lifecycle", new GenericData.EnumSymbol(v1.getField("lifecycle").schema(), lifecycle));
        alert.put("route", ROUTE);
        alert.put("priority", "high");
        alert.put("articleId", storyId);
        alert.put("title", TITLE);
        alert.put("url", "https://ledger.example/news/" + storyId);
        alert.put("source", SOURCE);
        alert.put("publishedAt", Instant.parse("2025-03-04T08:15:00Z").toEpochMilli());
        alert.put("score", 7.5);
        alert.put("tags", List.of());
        alert.put("contributions", List.of());
        alert.put("rationale", RATIONALE);
        alert.put("keyPoints", List.of());
        alert.put("rulesVersion", "rules-v1");
        try {
            return new BinaryMessageEncoder<GenericRecord>(GenericData.get(), v1)
                    .encode(alert)
                    .array();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
