package io.newsradar.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsradar.schemas.serde.SchemaHistory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.junit.jupiter.api.Test;

/**
 * docs/consumers.md lists the fingerprint and first bytes of every released schema version, for
 * consumers in other languages to check their own CRC-64-AVRO against: a release without its row
 * there, or a wrong row, fails here.
 */
class ConsumerGuideTest {
    private static final Path GUIDE = Path.of("..", "docs", "consumers.md");

    @Test
    void shouldListTheFingerprintAndHeaderOfEveryReleasedVersion() throws Exception {
        String guide = Files.readString(GUIDE);
        assertThat(SchemaHistory.recordNames()).contains("ScoredArticle", "Alert", "NewsArticle");
        for (String name : SchemaHistory.recordNames()) {
            List<Schema> versions = SchemaHistory.versions(name);
            for (int i = 0; i < versions.size(); i++) {
                long fingerprint = SchemaNormalization.parsingFingerprint64(versions.get(i));
                String row = "| " + name + "/v" + (i + 1) + " | `" + String.format(Locale.ROOT, "%016x", fingerprint)
                        + "` | `" + header(fingerprint) + "` |";
                assertThat(guide).as("row of %s/v%d in %s", name, i + 1, GUIDE).contains(row);
            }
        }
    }

    /** The first ten bytes of a value: the marker, then the fingerprint lowest byte first. */
    private static String header(long fingerprint) {
        StringBuilder sb = new StringBuilder("c3 01");
        for (int i = 0; i < 8; i++) {
            sb.append(String.format(Locale.ROOT, " %02x", (fingerprint >>> (8 * i)) & 0xff));
        }
        return sb.toString();
    }
}
