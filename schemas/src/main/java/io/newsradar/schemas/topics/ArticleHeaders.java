package io.newsradar.schemas.topics;

/**
 * Kafka record headers that ingest puts on {@code news.raw.v1} records, beside the {@code
 * NewsArticle} value. Values are UTF-8 text. Here, not in the ingest service, because readers of
 * the topic (the scoring stream, tools) need the names too.
 */
public final class ArticleHeaders {
    /**
     * The version of the rules that derived the record's key (the article id) from its URL; on
     * every record ingest writes. Records without it were written before id schemes were numbered
     * (scheme 1).
     */
    public static final String ID_SCHEME = "newsradar.id-scheme";

    /**
     * The id the same article had under the previous id scheme, when the current scheme gave it
     * another id. The two ids hash to different partitions, so only a reader that looks at this
     * header can tell that a "new" article is one it already knew.
     */
    public static final String PREVIOUS_ID = "newsradar.previous-id";

    /**
     * On a tombstone (null value) for an article id: why the article was taken down, as given to
     * {@code newsradar retract --reason}. Optional; the scoring stream puts it in the RETRACTED
     * alert's {@code change}.
     */
    public static final String RETRACT_REASON = "newsradar.retract-reason";

    private ArticleHeaders() {}
}
