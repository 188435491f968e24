package io.newsradar.scoring;

import io.newsradar.avro.NewsArticle;

/**
 * An article that is not a repeat, with the revision it is scored as: 1 for the first content of
 * its id (or the first after its entry expired), the next number for new content.
 */
public record RevisedArticle(NewsArticle article, int revision) {}
