package io.newsradar.schemas.serde;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.message.SchemaStore;

/**
 * Every released version of every top-level schema, kept as resources under
 * {@code io/newsradar/schemas/history/<Name>/v<N>.avsc} and listed in {@code index.txt}
 * (oldest first). They live outside {@code src/main/avro} because a second definition of a name
 * there would break code generation.
 */
public final class SchemaHistory {
    private static final String ROOT = "/io/newsradar/schemas/history/";
    private static final Map<String, List<Schema>> RELEASED = load();

    private SchemaHistory() {}

    /** Released versions of the record with this simple name, oldest first. */
    public static List<Schema> versions(String recordName) {
        return RELEASED.getOrDefault(recordName, List.of());
    }

    /** Names of the records that have released versions. */
    public static List<String> recordNames() {
        return List.copyOf(RELEASED.keySet());
    }

    /** A schema store that knows every released version, so old writers still decode. */
    public static SchemaStore.Cache newStore() {
        SchemaStore.Cache cache = new SchemaStore.Cache();
        RELEASED.values().forEach(list -> list.forEach(cache::addSchema));
        return cache;
    }

    private static Map<String, List<Schema>> load() {
        Map<String, List<Schema>> byName = new LinkedHashMap<>();
        try (InputStream index = SchemaHistory.class.getResourceAsStream(ROOT + "index.txt")) {
            if (index == null) {
                throw new IllegalStateException(
                        "schema history index missing from the classpath: " + ROOT + "index.txt");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(index, StandardCharsets.UTF_8));
            String line;
            while ((line = reader.readLine()) != null) {
                line = line.strip();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                String name = line.substring(0, line.indexOf('/'));
                byName.computeIfAbsent(name, n -> new ArrayList<>()).add(parse(ROOT + line));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the schema history", e);
        }
        byName.replaceAll((k, v) -> Collections.unmodifiableList(v));
        return Collections.unmodifiableMap(byName);
    }

    static Schema parse(String resource) {
        try (InputStream in = SchemaHistory.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("schema history lists " + resource + " but it is not on the classpath");
            }
            // a fresh parser per file: each released file is a self-contained schema
            return new Schema.Parser().parse(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }
}
