package io.newsradar.scoring;

import io.newsradar.avro.NewsArticle;
import java.util.List;

/**
 * Finds the taxonomy's tags in an article. The Boolean-query engine on Lucene Monitor
 * ({@link io.newsradar.scoring.rules.MonitorTagger}) is the implementation; tests wrap it.
 */
public interface Tagger {

    /** The tags found, in taxonomy order; empty when none applies. Never throws on odd text. */
    List<TagMatch> tag(NewsArticle article);

    /**
     * The tags and the rules that failed on this article. Taggers whose rules cannot fail keep
     * this default.
     */
    default Tagging match(NewsArticle article) {
        return new Tagging(tag(article), List.of());
    }
}
