package io.newsradar.scoring;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Cheap in-process counters of what the topology did, for logs, the CLI and tests. Dead letters
 * are counted by Kafka Streams itself (dropped-records metrics), see {@link ScoringApp#deadLettered()}.
 */
public final class ScoringCounters {
    private final AtomicLong scored = new AtomicLong();
    private final AtomicLong repeats = new AtomicLong();
    private final AtomicLong revisions = new AtomicLong();
    private final AtomicLong expired = new AtomicLong();
    private final AtomicLong ruleErrors = new AtomicLong();
    private final AtomicLong storiesStarted = new AtomicLong();
    private final AtomicLong storyCopies = new AtomicLong();
    private final AtomicLong storyMerges = new AtomicLong();
    private final AtomicLong updatesHeld = new AtomicLong();
    private final AtomicLong muted = new AtomicLong();
    private final AtomicLong retractions = new AtomicLong();
    private final AtomicLong unknownRetractions = new AtomicLong();
    // per windowed aggregate (MetricsStages.AGGREGATES): records too late for their window
    private final Map<String, AtomicLong> metricsLate = new ConcurrentHashMap<>();

    /** Articles scored (first revisions and corrections). */
    public long scored() {
        return scored.get();
    }

    /**
     * Exact repeats that were counted and not scored again: an id seen before with one of the
     * contents recently seen under it.
     */
    public long repeats() {
        return repeats.get();
    }

    /** Corrections: an id seen before with new content, scored again as a new revision. */
    public long revisions() {
        return revisions.get();
    }

    /**
     * Revision-store entries removed by retention: ids not seen for longer than the retention,
     * which count as new if they come again.
     */
    public long expired() {
        return expired.get();
    }

    /**
     * Rule evaluations that failed on an article (a query the matcher could not run on it): the
     * article was scored without that rule. Each is also logged by the tagger.
     */
    public long ruleErrors() {
        return ruleErrors.get();
    }

    /** Articles that started a story of their own. */
    public long storiesStarted() {
        return storiesStarted.get();
    }

    /** Articles (first revisions) that joined a story started by another article. */
    public long storyCopies() {
        return storyCopies.get();
    }

    /** Articles whose bands proposed more than one story: the merge rule chose one. */
    public long storyMerges() {
        return storyMerges.get();
    }

    /** UPDATED alerts not raised because the story's cool-down on the route had not passed. */
    public long updatesHeld() {
        return updatesHeld.get();
    }

    /** Articles that would have alerted but a mute held them. */
    public long muted() {
        return muted.get();
    }

    /** Retractions (tombstones or {@code newsradar retract}) of articles whose story was known. */
    public long retractions() {
        return retractions.get();
    }

    /** Retractions of article ids no story knows (never seen, or out of the window): logged, nothing else. */
    public long unknownRetractions() {
        return unknownRetractions.get();
    }

    /**
     * Records too late for their minute window in the windowed aggregate {@code aggregate}
     * ({@code tags} or {@code routes}, see {@code MetricsStages.AGGREGATES}): counted and left out
     * of the metrics topics. 0 for an aggregate that has seen no late record.
     */
    public long metricsLate(String aggregate) {
        AtomicLong late = metricsLate.get(aggregate);
        return late == null ? 0 : late.get();
    }

    public void countMetricsLate(String aggregate) {
        metricsLate.computeIfAbsent(aggregate, a -> new AtomicLong()).incrementAndGet();
    }

    public void countStoryStarted() {
        storiesStarted.incrementAndGet();
    }

    public void countStoryCopy() {
        storyCopies.incrementAndGet();
    }

    public void countStoryMerge() {
        storyMerges.incrementAndGet();
    }

    public void countUpdateHeld() {
        updatesHeld.incrementAndGet();
    }

    public void countMuted() {
        muted.incrementAndGet();
    }

    public void countRetraction() {
        retractions.incrementAndGet();
    }

    public void countUnknownRetraction() {
        unknownRetractions.incrementAndGet();
    }

    void countRuleErrors(long errors) {
        ruleErrors.addAndGet(errors);
    }

    void countScored() {
        scored.incrementAndGet();
    }

    void countRepeat() {
        repeats.incrementAndGet();
    }

    void countRevision() {
        revisions.incrementAndGet();
    }

    void countExpired(long entries) {
        expired.addAndGet(entries);
    }

    @Override
    public String toString() {
        return "scored=" + scored() + " repeats=" + repeats() + " revisions=" + revisions() + " expired=" + expired()
                + " ruleErrors=" + ruleErrors() + " storiesStarted=" + storiesStarted() + " storyCopies="
                + storyCopies() + " storyMerges=" + storyMerges() + " updatesHeld=" + updatesHeld() + " muted="
                + muted() + " retractions=" + retractions() + " unknownRetractions=" + unknownRetractions()
                + " metricsLate=" + metricsLate;
    }
}
