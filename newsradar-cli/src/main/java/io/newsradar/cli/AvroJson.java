package io.newsradar.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsradar.avro.Alert;
import io.newsradar.schemas.json.AlertJson;
import org.apache.avro.specific.SpecificRecord;

/**
 * The JSON the CLI prints for an Avro record ({@code tail}, {@code explain}): an alert in its
 * documented outbound layout ({@link AlertJson}), any other record in Avro's own JSON rendering,
 * so a field added to a schema shows up without a change here.
 */
final class AvroJson {
    private static final ObjectMapper JSON = new ObjectMapper();

    private AvroJson() {}

    static JsonNode tree(SpecificRecord record) {
        try {
            if (record instanceof Alert alert) {
                return JSON.readTree(AlertJson.toJson(alert));
            }
            return JSON.readTree(record.toString());
        } catch (JsonProcessingException e) {
            // Avro writes JSON for every record we define; this would be a bug in that rendering
            throw new IllegalStateException(
                    "cannot render a " + record.getSchema().getName() + " as JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** One line of JSON, no trailing newline. */
    static String line(SpecificRecord record) {
        return tree(record).toString();
    }
}
