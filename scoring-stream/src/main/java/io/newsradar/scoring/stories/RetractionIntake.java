package io.newsradar.scoring.stories;

import io.newsradar.avro.NewsArticle;
import io.newsradar.schemas.topics.ArticleHeaders;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * A tombstone on {@code news.raw.v1} (the article id as key, no value) is a takedown: it becomes
 * a retraction on the band path, with the reason from the {@link ArticleHeaders#RETRACT_REASON}
 * header when there is one. It never reaches the validator, which would dead-letter it.
 */
public final class RetractionIntake implements Processor<String, NewsArticle, String, BandRecord> {
    /** The reason of a tombstone without the header: most come from a feed dropping the item. */
    public static final String DEFAULT_REASON = "taken down at the source";

    private ProcessorContext<String, BandRecord> context;

    @Override
    public void init(ProcessorContext<String, BandRecord> context) {
        this.context = context;
    }

    @Override
    public void process(Record<String, NewsArticle> record) {
        String articleId = record.key();
        if (articleId == null || articleId.isBlank()) {
            // no article to look up; the processing handler dead-letters it with this message
            throw new IllegalArgumentException("a tombstone on the raw topic without an article id as key");
        }
        context.forward(record.withKey(BandRecord.retractionKey(articleId))
                .withValue(BandRecord.retraction(articleId, reason(record))));
    }

    static String reason(Record<String, ?> record) {
        Header header = record.headers().lastHeader(ArticleHeaders.RETRACT_REASON);
        if (header == null || header.value() == null) {
            return DEFAULT_REASON;
        }
        String reason = new String(header.value(), StandardCharsets.UTF_8).strip();
        return reason.isEmpty() ? DEFAULT_REASON : reason;
    }
}
