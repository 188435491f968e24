package io.newsradar.scoring;

import io.newsradar.avro.NewsArticle;
import java.util.List;

/**
 * Finds the taxonomy's tags in an article. The keyword tagger is the first implementation; the
 * Boolean-query (Lucene Monitor) engine will be another, with the same output.
 */
public interface Tagger {

    /** The tags found, in taxonomy order; empty when none applies. Never throws on odd text. */
    List<TagMatch> tag(NewsArticle article);
}
