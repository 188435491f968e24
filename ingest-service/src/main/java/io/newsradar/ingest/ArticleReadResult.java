package io.newsradar.ingest;

import io.newsradar.avro.NewsArticle;
import java.util.List;

/**
 * What reading one input gave: the articles that normalised, and one error per record that did
 * not. Nothing read is in neither list.
 */
public record ArticleReadResult(String input, List<NewsArticle> articles, List<IngestError> errors) {
    public ArticleReadResult {
        articles = List.copyOf(articles);
        errors = List.copyOf(errors);
    }

    /** Records seen: accepted plus rejected. */
    public int read() {
        return articles.size() + errors.size();
    }
}
