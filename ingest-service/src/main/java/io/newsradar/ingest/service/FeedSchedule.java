package io.newsradar.ingest.service;

import io.newsradar.schemas.feeds.FeedPartitions;
import io.newsradar.schemas.feeds.FeedRecord;
import io.newsradar.schemas.feeds.FeedState;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the poller owns and when to poll it: the feeds of the assigned {@code feeds.v1} partitions,
 * their states, the polls in flight (leases), busy hosts and the backoff after failed commits.
 * Used by the poller's loop thread only, so it has no locks.
 *
 * <p>A feed is due when its state's next-poll time has come (no state: now, a first poll) and no
 * failed commit holds it back. It is handed out only when fewer than the cap are in flight and no
 * poll of its host (the current URL's) is in flight. Every hand-out is a {@link Lease}; a lease
 * stops being valid when its feed is removed or its partition revoked, and the outcome of a poll
 * under an invalid lease is never committed.
 */
final class FeedSchedule {
    private static final Logger log = LoggerFactory.getLogger(FeedSchedule.class);

    /** A poll handed out: its feed, partition and host. */
    record Lease(long token, String feedId, int partition, String host) {}

    /** A due feed with its lease: what a worker polls. */
    record Due(Lease lease, FeedRecord feed, Optional<FeedState> state) {}

    private final int partitionCount;
    private final int maxInFlight;
    private final Map<Integer, Map<String, FeedRecord>> feeds = new HashMap<>();
    private final Set<Integer> owned = new TreeSet<>();
    private final Set<Integer> loaded = new HashSet<>();
    private final Map<String, FeedState> states = new HashMap<>();
    private final Set<String> unreadableStates = new HashSet<>();
    private final Map<String, Instant> notBefore = new HashMap<>();
    private final Map<String, Integer> commitFailures = new HashMap<>();
    private final Map<Long, Lease> inFlight = new HashMap<>();
    private final Map<String, Long> validLease = new HashMap<>();
    private final Set<String> busyHosts = new HashSet<>();
    private long nextToken = 1;

    FeedSchedule(int partitionCount, int maxInFlight) {
        this.partitionCount = partitionCount;
        this.maxInFlight = maxInFlight;
    }

    /** Partitions newly assigned: their feeds arrive with records, their states with {@link #stateLoaded}. */
    void assign(Collection<Integer> partitions) {
        for (int p : partitions) {
            owned.add(p);
            feeds.computeIfAbsent(p, k -> new HashMap<>());
        }
    }

    /** Partitions assigned whose states are not loaded yet; their feeds are not polled until then. */
    Set<Integer> pendingLoads() {
        Set<Integer> pending = new TreeSet<>(owned);
        pending.removeAll(loaded);
        return pending;
    }

    Set<Integer> owned() {
        return Set.copyOf(owned);
    }

    /** The committed states of a partition's feeds, read to the end; unreadable ones hold their feed back. */
    void stateLoaded(int partition, Map<String, FeedState> partitionStates, Set<String> unreadable) {
        if (!owned.contains(partition)) {
            return;
        }
        states.putAll(partitionStates);
        unreadableStates.addAll(unreadable);
        loaded.add(partition);
    }

    /**
     * Partitions taken away: their feeds, states and leases are forgotten (a new assignment reads
     * them again). Returns the leases in flight for those feeds, which will not be committed.
     */
    List<Lease> revoke(Collection<Integer> partitions) {
        List<Lease> cancelled = new ArrayList<>();
        for (int p : partitions) {
            owned.remove(p);
            loaded.remove(p);
            Map<String, FeedRecord> gone = feeds.remove(p);
            if (gone != null) {
                gone.keySet().forEach(this::forget);
            }
        }
        for (Lease lease : inFlight.values()) {
            if (partitions.contains(lease.partition())) {
                cancelled.add(lease);
            }
        }
        return cancelled;
    }

    /** A feed record from {@code feeds.v1} partition {@code partition}: added or updated. */
    void put(int partition, FeedRecord feed) {
        Map<String, FeedRecord> partitionFeeds = feeds.get(partition);
        if (partitionFeeds == null) {
            return; // not ours (a record fetched just before a revocation)
        }
        int expected = FeedPartitions.partitionFor(feed.url(), partitionCount);
        if (expected != partition) {
            // its state would be written to, and read from, another partition than its owner's
            log.warn(
                    "feed {} ({}) is on partition {} of the feed topic but its host belongs on partition {}: not "
                            + "polled; write it again with `newsradar feeds add` (which sets the partition)",
                    feed.id(),
                    feed.url(),
                    partition,
                    expected);
            remove(partition, feed.id());
            return;
        }
        partitionFeeds.put(feed.id(), feed);
    }

    /** A tombstone: the feed is no longer polled; a poll in flight for it is not committed. */
    void remove(int partition, String feedId) {
        Map<String, FeedRecord> partitionFeeds = feeds.get(partition);
        if (partitionFeeds != null && partitionFeeds.remove(feedId) != null) {
            forget(feedId);
        }
    }

    private void forget(String feedId) {
        states.remove(feedId);
        unreadableStates.remove(feedId);
        notBefore.remove(feedId);
        commitFailures.remove(feedId);
        validLease.remove(feedId);
    }

    /** The due feeds that may start now, within the caps, each with a new lease. */
    List<Due> takeDue(Instant now) {
        List<Due> due = new ArrayList<>();
        List<FeedRecord> candidates = new ArrayList<>();
        for (int p : loaded) {
            for (FeedRecord feed : feeds.getOrDefault(p, Map.of()).values()) {
                if (!validLease.containsKey(feed.id())
                        && !unreadableStates.contains(feed.id())
                        && !dueAt(feed, now).isAfter(now)) {
                    candidates.add(feed);
                }
            }
        }
        candidates.sort(Comparator.comparing((FeedRecord f) -> dueAt(f, now)).thenComparing(FeedRecord::id));
        for (FeedRecord feed : candidates) {
            if (inFlight.size() >= maxInFlight) {
                break;
            }
            Optional<FeedState> state = Optional.ofNullable(states.get(feed.id()));
            String host = FeedPartitions.hostOf(state.map(FeedState::url).orElse(feed.url()));
            if (busyHosts.contains(host)) {
                continue; // one request at a time per host
            }
            int partition = FeedPartitions.partitionFor(feed.url(), partitionCount);
            Lease lease = new Lease(nextToken++, feed.id(), partition, host);
            inFlight.put(lease.token(), lease);
            validLease.put(feed.id(), lease.token());
            busyHosts.add(host);
            due.add(new Due(lease, feed, state));
        }
        return due;
    }

    private Instant dueAt(FeedRecord feed, Instant now) {
        FeedState state = states.get(feed.id());
        Instant next = state == null ? now : state.nextPollAt();
        Instant held = notBefore.get(feed.id());
        return held != null && held.isAfter(next) ? held : next;
    }

    /**
     * A poll ended: frees its host and slot. Returns the feed when the lease is still valid (the
     * outcome may be committed), empty when the feed was removed or its partition revoked.
     */
    Optional<FeedRecord> finish(Lease lease) {
        if (inFlight.remove(lease.token()) != null) {
            busyHosts.remove(lease.host());
        }
        Long valid = validLease.get(lease.feedId());
        if (valid == null || valid != lease.token()) {
            return Optional.empty();
        }
        validLease.remove(lease.feedId());
        Map<String, FeedRecord> partitionFeeds = feeds.get(lease.partition());
        return partitionFeeds == null ? Optional.empty() : Optional.ofNullable(partitionFeeds.get(lease.feedId()));
    }

    /** The poll's transaction committed: its state is the feed's state now. */
    void committed(String feedId, FeedState state) {
        if (feeds.values().stream().anyMatch(m -> m.containsKey(feedId))) {
            states.put(feedId, state);
        }
        notBefore.remove(feedId);
        commitFailures.remove(feedId);
    }

    /**
     * The poll's outcome was not committed: the feed keeps its old state and is polled again from
     * it after a backoff. Returns when.
     */
    Instant notCommitted(String feedId, Instant now, PollerSettings settings) {
        int failures = commitFailures.merge(feedId, 1, Integer::sum);
        Duration wait = settings.commitRetryAfter(failures);
        Instant at = now.plus(wait);
        notBefore.put(feedId, at);
        return at;
    }

    Optional<FeedState> state(String feedId) {
        return Optional.ofNullable(states.get(feedId));
    }

    int feedCount() {
        return feeds.values().stream().mapToInt(Map::size).sum();
    }

    int inFlightCount() {
        return inFlight.size();
    }

    /** Whether a lease is still in flight (its worker has not reported back). */
    boolean inFlight(Lease lease) {
        return inFlight.containsKey(lease.token());
    }
}
