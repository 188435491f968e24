package io.newsradar.scoring.stories;

import java.util.Iterator;
import java.util.Objects;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;

/**
 * Stage 2, keyed by band key: finds the articles of the band's bucket that are the same story as
 * the arriving one and proposes the smallest story origin among the article's own and theirs
 * (the merge rule, see {@link StoryOrigin}); stores the article in the bucket with that proposal
 * and sends the proposal on as a {@link BandVote} keyed by article id.
 *
 * <p>The bucket is a window store with duplicates retained (every member one entry at the stream
 * time it arrived, not its own event time: a late article is indexed like any other), retention =
 * the story window, so buckets empty themselves as stream time moves on.
 * Only the {@link StorySettings#bucketCap} newest members are compared: a band shared by many
 * unrelated articles (boilerplate) costs no more than that per arrival. A retraction passes
 * straight through.
 */
public final class BandMatcher implements Processor<String, BandRecord, String, BandVote> {
    private final String storeName;
    private final StorySettings settings;
    private final StoryHasher hasher;
    private ProcessorContext<String, BandVote> context;
    private WindowStore<String, BandEntry> index;

    public BandMatcher(String storeName, StorySettings settings) {
        this.storeName = Objects.requireNonNull(storeName, "storeName");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.hasher = new StoryHasher(settings);
    }

    @Override
    public void init(ProcessorContext<String, BandVote> context) {
        this.context = context;
        this.index = context.getStateStore(storeName);
    }

    @Override
    public void process(Record<String, BandRecord> record) {
        BandRecord band = record.value();
        if (band.isRetraction()) {
            context.forward(record.withKey(band.articleId())
                    .withValue(BandVote.retraction(band.articleId(), band.retraction())));
            return;
        }
        // members indexed within the window before stream time, newest first
        long now = context.currentStreamTimeMs();
        long from = Math.max(0L, now - settings.windowMs());
        StoryOrigin proposal;
        try (WindowStoreIterator<BandEntry> members = index.backwardFetch(record.key(), from, Long.MAX_VALUE)) {
            proposal = propose(band.origin(), band.signature(), values(members), settings.bucketCap(), hasher);
        }
        index.put(record.key(), new BandEntry(band.articleId(), proposal, band.signature()), now);
        context.forward(record.withKey(band.articleId()).withValue(BandVote.of(band, proposal)));
    }

    /**
     * The merge rule within one bucket: the smallest of {@code own} and the stories of the first
     * {@code cap} members that are the same story as {@code signature}. Members with a signature
     * of another size (written under other settings) are not comparable and are skipped.
     */
    static StoryOrigin propose(
            StoryOrigin own, byte[] signature, Iterator<BandEntry> newestFirst, int cap, StoryHasher hasher) {
        StoryOrigin proposal = own;
        for (int seen = 0; seen < cap && newestFirst.hasNext(); seen++) {
            BandEntry member = newestFirst.next();
            if (member.signature().length == signature.length && hasher.sameStory(signature, member.signature())) {
                proposal = StoryOrigin.min(proposal, member.story());
            }
        }
        return proposal;
    }

    private static Iterator<BandEntry> values(WindowStoreIterator<BandEntry> it) {
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return it.hasNext();
            }

            @Override
            public BandEntry next() {
                KeyValue<Long, BandEntry> e = it.next();
                return e.value;
            }
        };
    }
}
