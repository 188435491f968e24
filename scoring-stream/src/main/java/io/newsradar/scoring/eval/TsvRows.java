package io.newsradar.scoring.eval;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The layout every frozen evaluation file shares: {@code #} comment lines and blank lines, one
 * header line starting with its first column's name and a tab, then tab-separated data rows.
 * A file without the header, or a data row before it, is an error naming the line.
 */
public final class TsvRows {
    /**
     * One data row.
     *
     * @param where  "{@code <file> line <n>: }", to lead an error message about the row
     * @param fields the row split at every tab, empty fields kept
     */
    public record Row(String where, String[] fields) {}

    private TsvRows() {}

    /** The file's lines; {@code what} names the kind of file in the error. */
    public static List<String> lines(Path file, String what) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + what + " " + file, e);
        }
    }

    /** The data rows after the header {@code <firstColumn><TAB>...}. */
    public static List<Row> dataRows(List<String> lines, String origin, String firstColumn) {
        List<Row> rows = new ArrayList<>();
        boolean header = false;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            String where = origin + " line " + (i + 1) + ": ";
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            if (!header) {
                if (!line.startsWith(firstColumn + "\t")) {
                    throw new IllegalArgumentException(
                            where + "expected the header line (" + firstColumn + "<TAB>...)");
                }
                header = true;
                continue;
            }
            rows.add(new Row(where, line.split("\t", -1)));
        }
        if (!header) {
            throw new IllegalArgumentException(origin + ": no header line (" + firstColumn + "<TAB>...)");
        }
        return rows;
    }
}
