package io.newsradar.scoring;

import io.newsradar.avro.NewsArticle;

/** Test articles for the tests of other packages (the helpers of {@link Articles} are package-private). */
public final class TestArticles {
    private TestArticles() {}

    public static NewsArticle article(String title, String body) {
        return Articles.article(title, body);
    }

    public static NewsArticle article(String title, String body, String language) {
        NewsArticle a = Articles.article(title, body);
        a.setLanguage(language);
        return a;
    }

    /** The team's samples (config/samples/articles.jsonl), in file order. */
    public static java.util.List<NewsArticle> samples() {
        return Articles.samples();
    }
}
