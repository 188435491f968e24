package io.newsradar.ingest;

import io.newsradar.avro.NewsArticle;
import java.util.List;

/**
 * An article as normalised, with what the normaliser changed that the supplier should hear about
 * (a body cut to the size limit, an optional field dropped). Rejections are exceptions, not notes.
 *
 * @param article the article to publish
 * @param notes   one sentence per change, for a person; empty when nothing was changed
 */
public record NormalizedArticle(NewsArticle article, List<String> notes) {
    public NormalizedArticle {
        notes = List.copyOf(notes);
    }
}
