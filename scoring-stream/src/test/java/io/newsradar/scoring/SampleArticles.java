package io.newsradar.scoring;

import io.newsradar.avro.NewsArticle;

/** The team's sample articles ({@link Articles}) for tests in other packages. */
public final class SampleArticles {
    private SampleArticles() {}

    /** The sample whose URL contains {@code urlPart}. */
    public static NewsArticle sample(String urlPart) {
        return Articles.sample(urlPart);
    }
}
