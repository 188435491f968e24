package io.newsradar.scoring;

import io.newsradar.avro.NewsArticle;
import java.util.Objects;
import java.util.function.Function;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Exact-repeat detection and revision numbering per article id, with the scoring itself in
 * between, so the store only ever learns content that was scored:
 * <ol>
 *   <li>look the id up in the {@link RevisionStore};</li>
 *   <li>content seen recently under this id (one of the last {@link RevisionSettings#recentHashes}
 *       distinct contents): a repeat, counted and not forwarded, so it is neither scored nor
 *       alerted again. Two texts served under one id (one URL in two feeds with different
 *       summaries) alternate A, B, A, B...: after the first A and B these are all repeats;</li>
 *   <li>otherwise {@code work} scores the article as revision 1 (unknown id) or the next revision
 *       (new content). If that throws, the store is left as it was: Streams dead-letters the
 *       input, and the same article published again after a fix is scored, not taken for a
 *       repeat;</li>
 *   <li>only then is the new state stored and the result forwarded.</li>
 * </ol>
 * Entries expire a {@link RevisionSettings#retention} of stream time after their last sighting
 * (a punctuator on stream time removes them, the lookup ignores them meanwhile): an article
 * seen again after that is scored as revision 1 again and can alert again.
 *
 * @param <R> what scoring produces, forwarded as the record's new value
 */
final class RevisionTracker<R> implements FixedKeyProcessor<String, NewsArticle, R> {
    private static final Logger LOG = LoggerFactory.getLogger(RevisionTracker.class);

    private final String byIdStore;
    private final String byLastSeenStore;
    private final RevisionSettings settings;
    private final ScoringCounters counters;
    private final Function<RevisedArticle, R> work;
    private FixedKeyProcessorContext<String, R> context;
    private RevisionStore store;

    RevisionTracker(
            String byIdStore,
            String byLastSeenStore,
            RevisionSettings settings,
            ScoringCounters counters,
            Function<RevisedArticle, R> work) {
        this.byIdStore = byIdStore;
        this.byLastSeenStore = byLastSeenStore;
        this.settings = Objects.requireNonNull(settings, "settings");
        this.counters = Objects.requireNonNull(counters, "counters");
        this.work = Objects.requireNonNull(work, "work");
    }

    @Override
    public void init(FixedKeyProcessorContext<String, R> context) {
        this.context = context;
        this.store = new RevisionStore(
                context.getStateStore(byIdStore), context.getStateStore(byLastSeenStore), settings.retentionMs());
        // stream time, not the wall clock: a replay expires the same entries at the same records
        context.schedule(settings.expiryInterval(), PunctuationType.STREAM_TIME, this::expire);
    }

    @Override
    public void process(FixedKeyRecord<String, NewsArticle> record) {
        NewsArticle article = record.value();
        String id = article.getId();
        String hash = article.getContentHash();
        // the task's stream time includes this record: the latest event time seen, never lower
        long now = context.currentStreamTimeMs();
        RevisionState stored = store.get(id);
        RevisionState known = store.live(stored, now);
        if (known != null && known.hasSeen(hash)) {
            counters.countRepeat();
            LOG.debug(
                    "exact repeat of article {} (hash {}, latest revision {}), not scored again",
                    id,
                    hash,
                    known.revision());
            RevisionState seen = known.repeated(hash, now, settings.refreshAfterMs(), settings.recentHashes());
            if (seen != known) {
                store.put(id, stored, seen);
            }
            return;
        }
        if (known == null && stored != null) {
            LOG.debug(
                    "article {} seen again after its revision entry expired (last seen at stream time {}):"
                            + " scored as revision 1 again",
                    id,
                    stored.lastSeenMs());
        }
        int revision = known == null ? 1 : known.revision() + 1;
        // may throw: the store has not changed yet, so a dead-lettered article is not remembered
        R result = work.apply(new RevisedArticle(article, revision));
        RevisionState next =
                known == null ? RevisionState.first(hash, now) : known.next(hash, now, settings.recentHashes());
        store.put(id, stored, next);
        if (known != null) {
            counters.countRevision();
            LOG.debug("article {} changed content: revision {}", id, revision);
        }
        counters.countScored();
        context.forward(record.withValue(result));
    }

    private void expire(long streamTime) {
        int indexed = store.indexLegacyEntries(streamTime);
        if (indexed > 0) {
            LOG.info(
                    "{} revision entries from before retention existed now expire a retention ({}) after stream"
                            + " time {}",
                    indexed,
                    settings.retention(),
                    streamTime);
        }
        int expired = store.expire(streamTime);
        if (expired > 0) {
            counters.countExpired(expired);
            LOG.debug(
                    "{} revision entries expired, last seen over {} before stream time {}",
                    expired,
                    settings.retention(),
                    streamTime);
        }
    }
}
