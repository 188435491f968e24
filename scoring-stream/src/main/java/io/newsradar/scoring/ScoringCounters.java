package io.newsradar.scoring;

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
                + " ruleErrors=" + ruleErrors();
    }
}
