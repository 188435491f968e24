package io.newsradar.ingest;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * A JSON-lines input read one line at a time ({@link JsonLinesArticleReader#open}), so a file of
 * any size needs only the line at hand in memory. Blank lines are skipped; every other line gives
 * one {@link ArticleLine}: an article, or the reason it is not one.
 */
public final class ArticleLines implements Closeable {
    private final BufferedReader lines;
    private final String inputName;
    private final LineParser parser;
    private final LongSupplier bytesRead;
    private final long size;
    private int lineNo;

    /** How one line's text becomes an article; throws for a line that is not one. */
    interface LineParser {
        NormalizedArticle parse(String line);
    }

    ArticleLines(BufferedReader lines, String inputName, LineParser parser, LongSupplier bytesRead, long size) {
        this.lines = lines;
        this.inputName = inputName;
        this.parser = parser;
        this.bytesRead = bytesRead;
        this.size = size;
    }

    /** What errors and notes call the input. */
    public String inputName() {
        return inputName;
    }

    /** Lines read so far, blank ones included: the number of the last line read. */
    public int lineNumber() {
        return lineNo;
    }

    /**
     * Bytes taken from the input so far (a little ahead of the last line: the reader buffers), or
     * -1 when the input is not a file.
     */
    public long bytesRead() {
        return bytesRead.getAsLong();
    }

    /** The input's size in bytes when it was opened, or -1 when the input is not a file. */
    public long size() {
        return size;
    }

    /**
     * The next non-blank line's outcome, or null at the end of the input.
     *
     * @throws IOException when the input cannot be read any further
     */
    public ArticleLine next() throws IOException {
        String line;
        while ((line = lines.readLine()) != null) {
            lineNo++;
            if (lineNo == 1 && line.startsWith("\uFEFF")) {
                line = line.substring(1);
            }
            if (!line.isBlank()) {
                return parse(line);
            }
        }
        return null;
    }

    private ArticleLine parse(String line) {
        String location = "line " + lineNo;
        try {
            NormalizedArticle n = parser.parse(line);
            List<IngestError> notes = new ArrayList<>(n.notes().size());
            for (String note : n.notes()) {
                notes.add(new IngestError(inputName, location, note));
            }
            return new ArticleLine(lineNo, n, null, notes);
        } catch (InvalidArticleException e) {
            return new ArticleLine(lineNo, null, new IngestError(inputName, location, e.getMessage()), List.of());
        } catch (RuntimeException e) {
            // Whatever else one line triggers, it must not cost the lines after it.
            IngestError error = new IngestError(
                    inputName, location, "unexpected " + e.getClass().getSimpleName() + ": " + e.getMessage());
            return new ArticleLine(lineNo, null, error, List.of());
        }
    }

    @Override
    public void close() throws IOException {
        lines.close();
    }

    /**
     * One non-blank line: either an article (with what normalising it changed) or the error that
     * kept it from being one.
     *
     * @param line    its number in the input, from 1
     * @param article the article, or null when the line was rejected
     * @param error   why the line was rejected, or null
     * @param notes   changes made to the article the supplier should hear about, with the line
     */
    public record ArticleLine(int line, NormalizedArticle article, IngestError error, List<IngestError> notes) {
        public ArticleLine {
            notes = List.copyOf(notes);
        }
    }
}
