package io.newsradar.ingest;

import java.util.List;

/**
 * The outcome of one ingestion job (a file or a feed).
 *
 * @param input     the file or feed
 * @param read      records seen in the input (articles plus rejected records)
 * @param published articles the broker acknowledged
 * @param rejected  one entry per record that was not published: invalid input or a failed send
 */
public record IngestSummary(String input, int read, int published, List<IngestError> rejected) {
    public IngestSummary {
        rejected = List.copyOf(rejected);
    }

    /** True when every record read was published. */
    public boolean complete() {
        return rejected.isEmpty() && published == read;
    }

    /** One line for the CLI: {@code <input>: read 12, published 11, rejected 1}. */
    public String describe() {
        return input + ": read " + read + ", published " + published + ", rejected " + rejected.size();
    }
}
