package io.newsradar.ingest;

import java.util.List;

/**
 * The outcome of one ingestion job (a file or a feed).
 *
 * @param input     the file or feed
 * @param read      records seen in the input (articles plus rejected records)
 * @param published articles the broker acknowledged
 * @param rejected  one entry per record that was not published: invalid input or a failed send
 * @param notes     changes made to published articles the supplier should hear about (a body cut
 *     to the size limit), one entry per change with the record's place in the input
 * @param newIds    published articles whose id differs from the one the previous id scheme gave
 *     them ({@link ArticleIds#previousSchemeId}); the scoring stream cannot link the two
 */
public record IngestSummary(
        String input, int read, int published, List<IngestError> rejected, List<IngestError> notes, int newIds) {
    public IngestSummary {
        rejected = List.copyOf(rejected);
        notes = List.copyOf(notes);
    }

    public IngestSummary(String input, int read, int published, List<IngestError> rejected) {
        this(input, read, published, rejected, List.of(), 0);
    }

    /** True when every record read was published. */
    public boolean complete() {
        return rejected.isEmpty() && published == read;
    }

    /**
     * One line for the CLI: {@code <input>: read 12, published 11, rejected 1}, with {@code ,
     * truncated 2} when bodies were cut to the size limit.
     */
    public String describe() {
        long truncated = notes.stream()
                .filter(n -> n.reason().contains("truncated"))
                .map(IngestError::location)
                .distinct()
                .count();
        return input + ": read " + read + ", published " + published + ", rejected " + rejected.size()
                + (truncated == 0 ? "" : ", truncated " + truncated);
    }
}
