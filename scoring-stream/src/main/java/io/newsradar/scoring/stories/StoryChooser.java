package io.newsradar.scoring.stories;

import io.newsradar.scoring.Provisional;
import io.newsradar.scoring.ScoringCounters;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stage 3, keyed by article id: gathers the votes of all bands of an article revision, then
 * places it in a story and sends a {@link StoryAssignment} keyed by story id.
 *
 * <ul>
 *   <li>A later revision of an article placed within the window keeps its story: a correction
 *       must not move an article (and its alerts) to another story.</li>
 *   <li>Otherwise the story is the smallest origin proposed (the merge rule): the votes may come
 *       in any order and the result is the same.</li>
 *   <li>A retraction looks the article up: known -> an assignment carrying the retraction to the
 *       story; unknown (never seen, or out of the window) -> counted and logged, nothing else.</li>
 * </ul>
 * The pending votes of a revision are deleted as soon as it is complete.
 */
public final class StoryChooser implements Processor<String, BandVote, String, StoryAssignment> {
    private static final Logger LOG = LoggerFactory.getLogger(StoryChooser.class);
    private static final Duration SWEEP_INTERVAL = Duration.ofMinutes(10);
    // Votes of one article travel through different band partitions and can be far apart when
    // one stage lags (a backlog being replayed): an entry is dropped only after this much
    // processing time as well as a story window of stream time, counted from the later of its
    // first vote and this task's start, so a restart gives every entry the whole hour again.
    static final Duration PENDING_PROCESSING_TIMEOUT = Duration.ofHours(1);

    private final String pendingStore;
    private final String pendingProvisionalStore;
    private final String articleStoriesStore;
    private final StorySettings settings;
    private final ScoringCounters counters;
    private ProcessorContext<String, StoryAssignment> context;
    private KeyValueStore<String, PendingVotes> pending;
    private KeyValueStore<String, Provisional> pendingProvisional;
    private ArticleStories articleStories;
    private long taskStartWallMs;

    public StoryChooser(
            String pendingStore,
            String pendingProvisionalStore,
            String articleStoriesStore,
            StorySettings settings,
            ScoringCounters counters) {
        this.pendingStore = Objects.requireNonNull(pendingStore, "pendingStore");
        this.pendingProvisionalStore = Objects.requireNonNull(pendingProvisionalStore, "pendingProvisionalStore");
        this.articleStoriesStore = Objects.requireNonNull(articleStoriesStore, "articleStoriesStore");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.counters = Objects.requireNonNull(counters, "counters");
    }

    @Override
    public void init(ProcessorContext<String, StoryAssignment> context) {
        this.context = context;
        this.pending = context.getStateStore(pendingStore);
        this.pendingProvisional = context.getStateStore(pendingProvisionalStore);
        this.articleStories = new ArticleStories(context.getStateStore(articleStoriesStore), settings.windowMs());
        this.taskStartWallMs = context.currentSystemTimeMs();
        // Garbage collection of votes that will never complete, so on processing time: whether a
        // vote is still coming depends on how far the other stages are, not on event time (stream
        // time alone jumps with one article's timestamp and once dropped an article in flight).
        context.schedule(SWEEP_INTERVAL, PunctuationType.WALL_CLOCK_TIME, this::dropStalePending);
    }

    /**
     * Drops the pending votes of revisions still incomplete both a story window of stream time
     * and {@link #PENDING_PROCESSING_TIMEOUT} of processing time after their first vote: their
     * other band records are not coming (dead-lettered on the way). Normally the store holds only
     * the revisions in flight, so a full pass is cheap.
     */
    private void dropStalePending(long wallNow) {
        long streamNow = context.currentStreamTimeMs();
        long timeout = PENDING_PROCESSING_TIMEOUT.toMillis();
        List<String> stale = new ArrayList<>();
        try (KeyValueIterator<String, PendingVotes> it = pending.all()) {
            while (it.hasNext()) {
                KeyValue<String, PendingVotes> e = it.next();
                long waited = wallNow - Math.max(e.value.firstVoteWallMs(), taskStartWallMs);
                if (streamNow - e.value.firstVoteMs() > settings.windowMs() && waited > timeout) {
                    stale.add(e.key);
                }
            }
        }
        for (String key : stale) {
            pending.delete(key);
            pendingProvisional.delete(key);
        }
        if (!stale.isEmpty()) {
            LOG.warn(
                    "dropped the votes of {} article revisions still incomplete {} of stream time and {} of"
                            + " processing after their first vote (a band record was lost on the way; see the"
                            + " dead-letter topic): {}",
                    stale.size(),
                    settings.window(),
                    PENDING_PROCESSING_TIMEOUT,
                    stale.size() > 10 ? stale.subList(0, 10) + "..." : stale);
        }
    }

    @Override
    public void process(Record<String, BandVote> record) {
        BandVote vote = record.value();
        long now = context.currentStreamTimeMs();
        if (vote.isRetraction()) {
            retract(record, vote, now);
            return;
        }
        String key = vote.articleId() + "#" + vote.revision();
        PendingVotes stored = pending.get(key);
        PendingVotes votes = (stored == null
                        ? PendingVotes.none(vote.bandCount(), now, context.currentSystemTimeMs())
                        : stored)
                .with(vote);
        // the provisional score is written once, not with every vote
        Provisional provisional = vote.provisional();
        if (!votes.complete()) {
            pending.put(key, votes);
            if (provisional != null) {
                pendingProvisional.put(key, provisional);
            }
            return;
        }
        if (stored != null) {
            pending.delete(key);
        }
        if (provisional == null) {
            provisional = pendingProvisional.get(key);
            pendingProvisional.delete(key);
        }
        StoryOrigin known = articleStories.find(vote.articleId(), now);
        StoryOrigin story = known != null ? known : votes.smallest();
        // Other stories the bands led to. A band whose bucket held nothing similar proposes the
        // article's own origin: that is no story of another article, so no merge.
        List<String> alsoProposed = votes.proposals().stream()
                .map(StoryOrigin::storyId)
                .filter(id -> !id.equals(story.storyId()) && !id.equals(vote.articleId()))
                .distinct()
                .toList();
        count(vote, known, story, alsoProposed);
        articleStories.seen(vote.articleId(), story, now);
        context.forward(record.withKey(story.storyId())
                .withValue(new StoryAssignment(
                        story.storyId(), story, vote.articleId(), vote.revision(), alsoProposed, provisional, null)));
    }

    private void count(BandVote vote, StoryOrigin known, StoryOrigin story, List<String> alsoProposed) {
        if (!alsoProposed.isEmpty()) {
            counters.countStoryMerge();
            LOG.debug(
                    "article {} revision {}: its bands also led to stories {}, it {} {}",
                    vote.articleId(),
                    vote.revision(),
                    alsoProposed,
                    known != null ? "stays in its story" : "joins the earliest,",
                    story.storyId());
        }
        if (known != null) {
            return; // placed before: neither a new story nor a new copy
        }
        if (story.storyId().equals(vote.articleId())) {
            counters.countStoryStarted();
        } else {
            counters.countStoryCopy();
            LOG.debug("article {} joins story {}", vote.articleId(), story.storyId());
        }
    }

    private void retract(Record<String, BandVote> record, BandVote vote, long now) {
        StoryOrigin story = articleStories.find(vote.articleId(), now);
        if (story == null) {
            counters.countUnknownRetraction();
            LOG.info(
                    "retraction of article {} ({}): no story knows it (never seen, or not within the last {}),"
                            + " nothing to retract",
                    vote.articleId(),
                    vote.retraction(),
                    settings.window());
            return;
        }
        // counted once, by the story desk, which decides what the retraction withdraws
        context.forward(record.withKey(story.storyId())
                .withValue(new StoryAssignment(
                        story.storyId(), story, vote.articleId(), 0, List.of(), null, vote.retraction())));
    }
}
