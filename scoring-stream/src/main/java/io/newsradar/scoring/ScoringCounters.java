package io.newsradar.scoring;

import io.newsradar.avro.Alert;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

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
    // alerts that left the desk, per kind; a kind is added once and never removed (few routes x
    // priorities x three statuses)
    private final Map<AlertKind, AtomicLong> alerts = new ConcurrentHashMap<>();
    private final List<Consumer<AlertKind>> alertKindListeners = new CopyOnWriteArrayList<>();

    /**
     * What an alert counts under: its route, the route's priority and its status ({@code NEW},
     * {@code UPDATED}, {@code RETRACTED}; a v1 alert without a status counts under its lifecycle).
     */
    public record AlertKind(String route, String priority, String status) {
        public AlertKind {
            Objects.requireNonNull(route, "route");
            Objects.requireNonNull(priority, "priority");
            Objects.requireNonNull(status, "status");
        }

        public static AlertKind of(Alert alert) {
            String status = alert.getStatus() == null || alert.getStatus().isEmpty()
                    ? alert.getLifecycle().name()
                    : alert.getStatus();
            return new AlertKind(alert.getRoute(), alert.getPriority(), status);
        }
    }

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

    /** Alerts the desk sent to the alert topics, by kind (a copy, in route/priority/status order). */
    public Map<AlertKind, Long> alerts() {
        Map<AlertKind, Long> copy = new TreeMap<>(Comparator.comparing(AlertKind::route)
                .thenComparing(AlertKind::priority)
                .thenComparing(AlertKind::status));
        alerts.forEach((kind, n) -> copy.put(kind, n.get()));
        return copy;
    }

    /** Alerts of one kind sent so far; 0 for a kind never seen. */
    public long alerts(AlertKind kind) {
        AtomicLong n = alerts.get(kind);
        return n == null ? 0 : n.get();
    }

    /**
     * Calls {@code listener} with every alert kind counted so far and then once with each new kind
     * as it is first counted (on the stream thread that counts it), so a meter can be registered
     * per kind. The returned handle stops the calls.
     */
    public synchronized Runnable onAlertKind(Consumer<AlertKind> listener) {
        Objects.requireNonNull(listener, "listener");
        alertKindListeners.add(listener);
        alerts.keySet().forEach(listener);
        return () -> alertKindListeners.remove(listener);
    }

    /** One alert sent to its route's topic: counted where the alerts leave the desk. */
    public void countAlert(Alert alert) {
        AlertKind kind = AlertKind.of(alert);
        AtomicLong n = alerts.get(kind);
        if (n == null) {
            n = newAlertKind(kind);
        }
        n.incrementAndGet();
    }

    // synchronized with onAlertKind: a listener sees each kind exactly once
    private synchronized AtomicLong newAlertKind(AlertKind kind) {
        AtomicLong n = alerts.get(kind);
        if (n == null) {
            n = new AtomicLong();
            alerts.put(kind, n);
            for (Consumer<AlertKind> listener : alertKindListeners) {
                listener.accept(kind);
            }
        }
        return n;
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
                + muted() + " retractions=" + retractions() + " unknownRetractions=" + unknownRetractions() + " alerts="
                + alerts().values().stream().mapToLong(Long::longValue).sum() + " metricsLate=" + metricsLate;
    }
}
