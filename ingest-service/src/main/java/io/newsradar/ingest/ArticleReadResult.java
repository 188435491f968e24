package io.newsradar.ingest;

import io.newsradar.avro.NewsArticle;
import java.util.List;

/**
 * What reading one input gave: the articles that normalised, and one error per record that did
 * not. Nothing read is in neither list.
 *
 * @param notes what was changed in accepted articles that the supplier should hear about (a body
 *     cut to the size limit), with the record's place in the input
 */
public record ArticleReadResult(
        String input, List<NewsArticle> articles, List<IngestError> errors, List<IngestError> notes) {
    public ArticleReadResult {
        articles = List.copyOf(articles);
        errors = List.copyOf(errors);
        notes = List.copyOf(notes);
    }

    public ArticleReadResult(String input, List<NewsArticle> articles, List<IngestError> errors) {
        this(input, articles, errors, List.of());
    }

    /** Records seen: accepted plus rejected. */
    public int read() {
        return articles.size() + errors.size();
    }
}
