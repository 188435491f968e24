package io.newsradar.scoring.stories;

import io.newsradar.avro.NewsArticle;
import io.newsradar.scoring.Provisional;
import java.util.List;
import java.util.Objects;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * Stage 1's last step: an article revision scored at coverage 1 becomes one record per LSH band
 * of its signature, keyed by the band key, so copies that share a band meet on one partition of
 * {@code story-bands} whatever partition their own ids hashed to. Only band 0's record carries
 * the provisional score; the others carry the signature alone. Timestamps pass through.
 */
public final class BandFanOut implements Processor<String, Provisional, String, BandRecord> {
    private final StoryHasher hasher;
    private ProcessorContext<String, BandRecord> context;

    public BandFanOut(StorySettings settings) {
        this.hasher = new StoryHasher(Objects.requireNonNull(settings, "settings"));
    }

    @Override
    public void init(ProcessorContext<String, BandRecord> context) {
        this.context = context;
    }

    @Override
    public void process(Record<String, Provisional> record) {
        Provisional provisional = record.value();
        NewsArticle article = provisional.scored().getArticle();
        byte[] signature = hasher.signature(article);
        StoryOrigin origin = StoryOrigin.of(article);
        int revision = provisional.scored().getRevision();
        List<String> keys = hasher.bandKeys(signature);
        for (int band = 0; band < keys.size(); band++) {
            BandRecord out = new BandRecord(
                    article.getId(),
                    revision,
                    origin,
                    signature,
                    band,
                    keys.size(),
                    band == 0 ? provisional : null,
                    null);
            context.forward(record.withKey(keys.get(band)).withValue(out));
        }
    }
}
