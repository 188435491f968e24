package io.newsradar.schemas.serde;

import io.newsradar.avro.Alert;
import io.newsradar.avro.NewsArticle;
import io.newsradar.avro.ScoredArticle;

/** One shared serde per value type. */
public final class AvroSerdes {
    private static final AvroSerde<NewsArticle> NEWS_ARTICLE =
            new AvroSerde<>(NewsArticle.class, NewsArticle.getClassSchema());
    private static final AvroSerde<ScoredArticle> SCORED_ARTICLE =
            new AvroSerde<>(ScoredArticle.class, ScoredArticle.getClassSchema());
    private static final AvroSerde<Alert> ALERT = new AvroSerde<>(Alert.class, Alert.getClassSchema());

    private AvroSerdes() {}

    public static AvroSerde<NewsArticle> newsArticle() {
        return NEWS_ARTICLE;
    }

    public static AvroSerde<ScoredArticle> scoredArticle() {
        return SCORED_ARTICLE;
    }

    public static AvroSerde<Alert> alert() {
        return ALERT;
    }
}
