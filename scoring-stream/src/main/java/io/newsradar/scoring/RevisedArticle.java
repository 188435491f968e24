package io.newsradar.scoring;

import io.newsradar.avro.NewsArticle;

/** An article that passed dedupe, with its revision (1 for the first content of its id). */
public record RevisedArticle(NewsArticle article, int revision) {}
