package io.newsradar.ingest.service;

import java.util.Optional;
import java.util.Set;

/**
 * A snapshot of the poller for {@code /health} and {@code /ready}: taken by the loop thread once
 * per turn, read from any thread.
 *
 * @param running       the loop is running (false before start, after close or a fatal error)
 * @param ready         running, the group has assigned this instance its partitions (possibly
 *                      none) and their feed states are read: it polls what it owns
 * @param partitions    the {@code feeds.v1} partitions this instance owns
 * @param feeds         feeds on those partitions
 * @param pollsInFlight polls running now
 * @param brokerUnavailable the last poll transaction could not reach the Kafka cluster
 * @param failure       why the poller stopped by itself, if it did
 */
public record PollerHealth(
        boolean running,
        boolean ready,
        Set<Integer> partitions,
        int feeds,
        int pollsInFlight,
        boolean brokerUnavailable,
        Optional<String> failure) {
    public PollerHealth {
        partitions = Set.copyOf(partitions);
    }

    static PollerHealth starting() {
        return new PollerHealth(false, false, Set.of(), 0, 0, false, Optional.empty());
    }

    PollerHealth withBrokerUnavailable(boolean waiting) {
        return waiting == brokerUnavailable
                ? this
                : new PollerHealth(running, ready && !waiting, partitions, feeds, pollsInFlight, waiting, failure);
    }
}
