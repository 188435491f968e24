package io.newsradar.scoring;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Where each field and list entry of a YAML document starts, so that a problem found after
 * parsing ({@code tags[3] (japan).query}) can be given the line an analyst's editor shows.
 */
final class YamlLines {
    private static final YAMLFactory YAML = new YAMLFactory();
    // the rule id or route name a problem's place carries after an entry, e.g. "tags[3] (japan)"
    private static final Pattern LABEL = Pattern.compile(" \\([^)]*\\)");

    private final Map<String, Integer> lineByPointer;

    private YamlLines(Map<String, Integer> lineByPointer) {
        this.lineByPointer = lineByPointer;
    }

    /** The lines of a document; a document that does not parse has none (its parse error names the line). */
    static YamlLines of(String yaml) {
        Map<String, Integer> lines = new HashMap<>();
        if (yaml == null) {
            return new YamlLines(lines);
        }
        try (JsonParser parser = YAML.createParser(yaml)) {
            while (parser.nextToken() != null) {
                String pointer = parser.getParsingContext().pathAsPointer().toString();
                lines.putIfAbsent(pointer, parser.currentTokenLocation().getLineNr());
            }
        } catch (IOException | RuntimeException e) {
            // keep what was read: the loader reports the parse error itself
        }
        return new YamlLines(lines);
    }

    /**
     * The line of a place such as {@code tags[3] (japan).query} or {@code scoring.pairs[0]}; the
     * line of the nearest enclosing entry when the field itself is absent; 0 when unknown.
     */
    int lineOf(String where) {
        String path = LABEL.matcher(where).replaceAll("").replace("[", ".").replace("]", "");
        String pointer = path.isEmpty() ? "" : "/" + path.replace('.', '/');
        while (true) {
            Integer line = lineByPointer.get(pointer);
            if (line != null && line > 0) {
                return line;
            }
            int cut = pointer.lastIndexOf('/');
            if (cut <= 0) {
                return 0;
            }
            pointer = pointer.substring(0, cut);
        }
    }
}
