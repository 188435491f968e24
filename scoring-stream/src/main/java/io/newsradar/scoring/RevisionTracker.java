package io.newsradar.scoring;

import io.newsradar.avro.NewsArticle;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Exact-repeat detection and revision numbering, per article id, in a persistent store:
 * <ul>
 *   <li>first time an id is seen: revision 1, forwarded;</li>
 *   <li>same id, same content hash as last time: an exact repeat (feeds re-serve items all the
 *       time), counted and not forwarded, so it is neither scored nor alerted twice;</li>
 *   <li>same id, new content hash: a correction, revision + 1, forwarded.</li>
 * </ul>
 * Only the last hash is kept, so content that changes back is a new revision too: what receivers
 * saw last is what matters.
 */
final class RevisionTracker implements FixedKeyProcessor<String, NewsArticle, RevisedArticle> {
    private static final Logger LOG = LoggerFactory.getLogger(RevisionTracker.class);

    private final String storeName;
    private final ScoringCounters counters;
    private FixedKeyProcessorContext<String, RevisedArticle> context;
    private KeyValueStore<String, RevisionState> store;

    RevisionTracker(String storeName, ScoringCounters counters) {
        this.storeName = storeName;
        this.counters = counters;
    }

    @Override
    public void init(FixedKeyProcessorContext<String, RevisedArticle> context) {
        this.context = context;
        this.store = context.getStateStore(storeName);
    }

    @Override
    public void process(FixedKeyRecord<String, NewsArticle> record) {
        NewsArticle article = record.value();
        String id = article.getId();
        RevisionState last = store.get(id);
        if (last != null && last.contentHash().equals(article.getContentHash())) {
            counters.countRepeat();
            LOG.debug(
                    "exact repeat of article {} revision {} (hash {}), not scored again",
                    id,
                    last.revision(),
                    last.contentHash());
            return;
        }
        int revision = last == null ? 1 : last.revision() + 1;
        if (last != null) {
            counters.countRevision();
            LOG.debug("article {} changed content: revision {}", id, revision);
        }
        store.put(id, new RevisionState(revision, article.getContentHash()));
        context.forward(record.withValue(new RevisedArticle(article, revision)));
    }
}
