package io.newsradar.scoring.ruleset;

import io.newsradar.scoring.Route;
import io.newsradar.scoring.ScoringEngine;
import io.newsradar.scoring.ScoringRules;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.StateRestoreListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The scoring engine in force, switched without a restart when a ruleset is published on
 * {@code rules.v1}.
 *
 * <p>Stream threads read {@link #engine()} once per record (one volatile read). Publications are
 * offered by the global-store processor ({@link RulesetStoreUpdater}) on the global thread, never
 * on the scoring path: each is decoded, parsed and validated, its alert topics checked, and its
 * Lucene matcher built to the side; only then is it swapped in, atomically. Records scored after
 * the swap carry the new version, records scored before it the old one.
 *
 * <p>The rules in force are those of the highest-sequence <em>valid</em> publication of the
 * followed ruleset name. Publications of one name have keys of their own and so sit on several
 * partitions, which the global consumer reads one after the other: a lower sequence that arrives
 * after a higher one is ignored. A publication that cannot be read, is invalid, or names an alert
 * topic that does not exist is refused (logged without its text, counted, kept as the last
 * rejected) and the rules in force keep scoring. Until a valid publication exists, the bootstrap
 * rules (files or built-in defaults) score.
 *
 * <p>A swapped-out engine is not closed here: a stream thread may be evaluating with it. Its
 * matcher is released when it is garbage collected (see {@link ScoringEngine#close()}).
 */
public final class LiveRules implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LiveRules.class);
    // a rejection reason is one line, bounded: parser messages may quote a fragment of the input
    private static final int MAX_ERROR_CHARS = 400;

    private final String followed;
    private final TopicCheck topics;
    private final Clock clock;
    private final AtomicReference<Current> current;
    private final AtomicReference<RulesetStatus.Rejected> lastRejected = new AtomicReference<>();
    // publications refused once are not tried again (the scan after a restore meets them again)
    private final Set<String> rejectedKeys = ConcurrentHashMap.newKeySet();
    private final AtomicLong activations = new AtomicLong();
    private final AtomicLong rejections = new AtomicLong();
    private final AtomicLong superseded = new AtomicLong();
    private final List<Consumer<ScoringRules>> listeners = new CopyOnWriteArrayList<>();
    // true while Kafka Streams re-reads rules.v1 into the global store at start (see restoreListener)
    private volatile boolean restoring;

    private record Current(ScoringEngine engine, ScoringRules rules, RulesetStatus.Active meta) {}

    private LiveRules(String followed, ScoringEngine engine, ScoringRules rules, TopicCheck topics, Clock clock) {
        this.followed = followed;
        this.topics = Objects.requireNonNull(topics, "topics");
        this.clock = Objects.requireNonNull(clock, "clock");
        String name = rules != null ? rules.taxonomy().name() : "fixed";
        this.current = new AtomicReference<>(
                new Current(engine, rules, new RulesetStatus.Active(name, 0, engine.rulesVersion(), clock.instant())));
    }

    /**
     * Follows the publications of ruleset {@code name} on {@code rules.v1}; {@code bootstrap}
     * scores until a valid one exists.
     */
    public static LiveRules following(String name, ScoringRules bootstrap, TopicCheck topics, Clock clock) {
        if (!isRulesetName(name)) {
            throw new IllegalArgumentException("not a ruleset name (lower-case letters, digits, '-'): " + name);
        }
        return new LiveRules(name, ScoringEngine.of(bootstrap), bootstrap, topics, clock);
    }

    public static LiveRules following(String name, ScoringRules bootstrap, TopicCheck topics) {
        return following(name, bootstrap, topics, Clock.systemUTC());
    }

    /** One engine for good, whatever {@code rules.v1} holds: for tests with stand-in engines. */
    public static LiveRules fixed(ScoringEngine engine) {
        return new LiveRules(null, Objects.requireNonNull(engine, "engine"), null, TopicCheck.NONE, Clock.systemUTC());
    }

    /** Whether {@code name} can name a ruleset on {@code rules.v1} (it is part of every key). */
    public static boolean isRulesetName(String name) {
        try {
            return name != null
                    && RulesetRecord.parseKey(RulesetRecord.key(name, 1)).name().equals(name);
        } catch (InvalidRulesetRecordException e) {
            return false;
        }
    }

    /** The engine to score the next record with. */
    public ScoringEngine engine() {
        return current.get().engine();
    }

    /** The rules in force, or null for a {@link #fixed} engine. */
    public ScoringRules rules() {
        return current.get().rules();
    }

    /** The ruleset name followed, or null when the engine is {@link #fixed}. */
    public String followed() {
        return followed;
    }

    public RulesetStatus status() {
        return new RulesetStatus(
                followed,
                current.get().meta(),
                lastRejected.get(),
                activations.get(),
                rejections.get(),
                superseded.get());
    }

    /** Called on the global thread after each activation, e.g. to watch the new alert topics. */
    public void onActivation(Consumer<ScoringRules> listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    /** One {@code rules.v1} record, as it arrives. Never throws: a bad record is refused. */
    public synchronized void offer(String key, String value) {
        if (followed == null) {
            return;
        }
        RulesetRecord.KeyParts parts;
        try {
            parts = RulesetRecord.parseKey(key);
        } catch (InvalidRulesetRecordException e) {
            LOG.warn("rules.v1 record ignored: {}", e.getMessage());
            return;
        }
        if (!parts.name().equals(followed)) {
            LOG.debug("rules.v1 record {} is not of ruleset {}, not followed here", key, followed);
            return;
        }
        if (value == null) {
            // compaction or an operator removed a publication; what scores now is unaffected
            LOG.info(
                    "rules.v1 record {} deleted; rules {} stay active",
                    key,
                    current.get().meta().label());
            return;
        }
        if (restoring) {
            // the store keeps it; activateLatest builds only the best once the store is complete
            LOG.debug("rules.v1 record {} read while restoring", key);
            return;
        }
        Current now = current.get();
        if (parts.sequence() <= now.meta().sequence()) {
            superseded.incrementAndGet();
            LOG.info(
                    "rules.v1 record {} is not newer than the active rules {}, ignored",
                    key,
                    now.meta().label());
            return;
        }
        tryActivate(key, parts.sequence(), value);
    }

    /**
     * After a restore: activates the highest-sequence valid publication of the followed name
     * among {@code records} (the global store's contents) that is newer than the rules in force.
     * A bad publication at the head does not win; the one before it does.
     */
    public synchronized void activateLatest(Iterator<KeyValue<String, String>> records) {
        // called when a processor starts, after any restore: new records activate at once again
        restoring = false;
        if (followed == null) {
            return;
        }
        List<Candidate> candidates = new ArrayList<>();
        long active = current.get().meta().sequence();
        while (records.hasNext()) {
            KeyValue<String, String> kv = records.next();
            try {
                RulesetRecord.KeyParts parts = RulesetRecord.parseKey(kv.key);
                if (parts.name().equals(followed)
                        && parts.sequence() > active
                        && kv.value != null
                        && !rejectedKeys.contains(kv.key)) {
                    candidates.add(new Candidate(kv.key, parts.sequence(), kv.value));
                }
            } catch (InvalidRulesetRecordException e) {
                LOG.debug("rules.v1 store entry {} is not a publication: {}", kv.key, e.getMessage());
            }
        }
        candidates.sort(Comparator.comparingLong(Candidate::sequence).reversed());
        for (Candidate c : candidates) {
            if (tryActivate(c.key(), c.sequence(), c.value())) {
                return;
            }
        }
    }

    private record Candidate(String key, long sequence, String value) {}

    /**
     * For {@code KafkaStreams#setGlobalStateRestoreListener}: while the global store {@code
     * storeName} is restored at start, its records are only stored, not each built and activated
     * (a matcher takes about a second to build, and a history can hold hundreds of publications);
     * the processor that starts after the restore activates the best one ({@link #activateLatest}).
     * Without it every newer valid record on the way is activated in turn: slower, same result.
     */
    public StateRestoreListener restoreListener(String storeName) {
        Objects.requireNonNull(storeName, "storeName");
        return new StateRestoreListener() {
            @Override
            public void onRestoreStart(TopicPartition partition, String store, long start, long end) {
                if (store.equals(storeName)) {
                    restoring = true;
                }
            }

            @Override
            public void onBatchRestored(TopicPartition partition, String store, long batchEnd, long restored) {}

            @Override
            public void onRestoreEnd(TopicPartition partition, String store, long restored) {
                if (store.equals(storeName)) {
                    restoring = false;
                }
            }
        };
    }

    private boolean tryActivate(String key, long sequence, String value) {
        if (rejectedKeys.contains(key)) {
            return false;
        }
        String claimed = null;
        try {
            RulesetRecord record = RulesetRecord.fromJson(key, value);
            claimed = record.version();
            ScoringRules rules = record.rules();
            List<String> missing = topics.missing(
                    rules.routes().stream().map(Route::topic).map(t -> t.name()).toList());
            if (!missing.isEmpty()) {
                throw new IllegalStateException("alert topics missing on the cluster: " + missing
                        + " (rules publish creates them; publish again once they exist)");
            }
            // builds the Lucene matcher here, on the global thread; a query the matcher refuses fails it
            ScoringEngine engine = ScoringEngine.of(rules);
            RulesetStatus.Active meta = new RulesetStatus.Active(followed, sequence, rules.version(), clock.instant());
            Current before = current.getAndSet(new Current(engine, rules, meta));
            activations.incrementAndGet();
            LOG.info(
                    "rules {} active (published by '{}' at {}), replacing {}",
                    meta.label(),
                    record.publishedBy(),
                    record.publishedAt(),
                    before.meta().label());
            notifyListeners(rules);
            return true;
        } catch (RuntimeException | StackOverflowError e) {
            reject(key, sequence, claimed, e);
            return false;
        }
    }

    private void reject(String key, long sequence, String claimed, Throwable e) {
        String error = oneLine(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        rejectedKeys.add(key);
        rejections.incrementAndGet();
        lastRejected.set(new RulesetStatus.Rejected(key, sequence, claimed, error, clock.instant()));
        // the reason only: never the bundle text
        LOG.error(
                "rules.v1 record {}{} rejected, rules {} stay active: {}",
                key,
                claimed == null ? "" : " (" + claimed + ")",
                current.get().meta().label(),
                error);
    }

    private void notifyListeners(ScoringRules rules) {
        for (Consumer<ScoringRules> l : listeners) {
            try {
                l.accept(rules);
            } catch (RuntimeException e) {
                LOG.warn("a listener of rules activations failed: {}", e.toString());
            }
        }
    }

    private static String oneLine(String message) {
        String line = message.replaceAll("\\s*[\\r\\n]+\\s*", " ").strip();
        return line.length() <= MAX_ERROR_CHARS ? line : line.substring(0, MAX_ERROR_CHARS) + "...";
    }

    /** Releases the engine in force; only once no stream thread scores any more. */
    @Override
    public void close() {
        current.get().engine().close();
    }
}
