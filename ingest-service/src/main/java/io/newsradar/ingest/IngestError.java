package io.newsradar.ingest;

/**
 * One input record that was not ingested, and why.
 *
 * @param input    the file or feed it came from
 * @param location where in the input: {@code "line 7"}, {@code "item 3"}, {@code "article <id>"}
 * @param reason   what was wrong, for a person to act on
 */
public record IngestError(String input, String location, String reason) {

    /** {@code input location: reason}, the form the CLI prints. */
    public String message() {
        return input + " " + location + ": " + reason;
    }

    @Override
    public String toString() {
        return message();
    }
}
