package io.newsradar.scoring.eval;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads a frozen label file (eval/LABELLING.md, "File format"): {@code #} comment lines, a header
 * line starting with {@code id<TAB>}, then {@code id, group, tags, note} separated by tabs, tags
 * comma-separated or {@code -}. Anything else is an error naming the line: a silently skipped or
 * misread label would change the measured numbers.
 */
public final class LabelFile {

    private LabelFile() {}

    public static List<LabelledItem> read(Path file) {
        try {
            return parse(Files.readAllLines(file, StandardCharsets.UTF_8), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read label file " + file, e);
        }
    }

    public static List<LabelledItem> parse(List<String> lines, String origin) {
        List<LabelledItem> items = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        boolean header = false;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            String where = origin + " line " + (i + 1) + ": ";
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            if (!header) {
                if (!line.startsWith("id\t")) {
                    throw new IllegalArgumentException(where + "expected the header line (id<TAB>...)");
                }
                header = true;
                continue;
            }
            // -1 keeps the empty note field; a line without the note column is accepted too
            String[] fields = line.split("\t", -1);
            if (fields.length < 3 || fields.length > 4) {
                throw new IllegalArgumentException(
                        where + "expected 4 tab-separated fields (id, group, tags, note), found " + fields.length);
            }
            String id = fields[0].strip();
            if (id.isEmpty() || fields[1].isBlank()) {
                throw new IllegalArgumentException(where + "empty id or group");
            }
            if (!ids.add(id)) {
                throw new IllegalArgumentException(where + "duplicate id " + id);
            }
            items.add(new LabelledItem(id, fields[1].strip(), tags(fields[2].strip(), where)));
        }
        if (!header) {
            throw new IllegalArgumentException(origin + ": no header line (id<TAB>...)");
        }
        return List.copyOf(items);
    }

    private static Set<String> tags(String column, String where) {
        if (column.equals("-")) {
            return Set.of();
        }
        if (column.isEmpty()) {
            throw new IllegalArgumentException(where + "empty tags column (write - for none)");
        }
        Set<String> tags = new LinkedHashSet<>();
        for (String tag : column.split(",", -1)) {
            String t = tag.strip();
            if (!EvalTags.ALL.contains(t)) {
                throw new IllegalArgumentException(where + "unknown tag '" + t + "' (see eval/LABELLING.md)");
            }
            if (!tags.add(t)) {
                throw new IllegalArgumentException(where + "tag " + t + " listed twice");
            }
        }
        return tags;
    }
}
