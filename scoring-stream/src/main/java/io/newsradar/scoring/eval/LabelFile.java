package io.newsradar.scoring.eval;

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
        return parse(TsvRows.lines(file, "label file"), file.toString());
    }

    public static List<LabelledItem> parse(List<String> lines, String origin) {
        List<LabelledItem> items = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        // a line without the note column is accepted too
        for (TsvRows.Row row : TsvRows.dataRows(lines, origin, "id")) {
            String where = row.where();
            String[] fields = row.fields();
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
