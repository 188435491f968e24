package io.newsradar.schemas.serde;

import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;
import org.apache.avro.SchemaCompatibility.SchemaPairCompatibility;

/**
 * Checks that each schema version can read the one before it (backward) and be read by it
 * (forward). Without a registry, readers are deployed before writers, yet a stale reader can
 * still meet a newer record during a roll-out: both directions matter.
 */
public final class SchemaEvolution {
    private SchemaEvolution() {}

    /** Human-readable problems between consecutive versions; empty when every step is compatible. */
    public static List<String> problems(String name, List<Schema> versionsOldestFirst) {
        List<String> problems = new ArrayList<>();
        for (int i = 1; i < versionsOldestFirst.size(); i++) {
            Schema older = versionsOldestFirst.get(i - 1);
            Schema newer = versionsOldestFirst.get(i);
            check(
                    problems,
                    name,
                    "v" + (i + 1) + " cannot read data written by v" + i + " (backward)",
                    SchemaCompatibility.checkReaderWriterCompatibility(newer, older));
            check(
                    problems,
                    name,
                    "v" + i + " cannot read data written by v" + (i + 1) + " (forward)",
                    SchemaCompatibility.checkReaderWriterCompatibility(older, newer));
        }
        return problems;
    }

    private static void check(List<String> problems, String name, String what, SchemaPairCompatibility result) {
        if (result.getType() != SchemaCompatibilityType.COMPATIBLE) {
            problems.add(name + ": " + what + ": "
                    + result.getResult().getIncompatibilities().stream()
                            .map(inc -> inc.getType() + " at " + inc.getLocation() + " (" + inc.getMessage() + ")")
                            .toList());
        }
    }
}
