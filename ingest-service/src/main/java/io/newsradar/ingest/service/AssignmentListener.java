package io.newsradar.ingest.service;

import java.util.Collection;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The poller's assignment changes, on its loop thread inside {@code poll}: an assigned
 * {@code feeds.v1} partition is read from its start and waits for its states; a revoked one is
 * dropped from the schedule after its polls in flight ended (bounded), a lost one at once. The
 * outcomes of the feeds given up are never committed.
 */
final class AssignmentListener implements ConsumerRebalanceListener {
    private static final Logger log = LoggerFactory.getLogger(AssignmentListener.class);

    private final FeedSchedule schedule;
    private final Consumer<String, String> feedsConsumer;
    private final BlockingQueue<PollResult> results;
    private final Deque<PollResult> deferred;
    private final PollerSettings settings;
    private final BooleanSupplier closing;
    private final Runnable joined;

    AssignmentListener(
            FeedSchedule schedule,
            Consumer<String, String> feedsConsumer,
            BlockingQueue<PollResult> results,
            Deque<PollResult> deferred,
            PollerSettings settings,
            BooleanSupplier closing,
            Runnable joined) {
        this.schedule = schedule;
        this.feedsConsumer = feedsConsumer;
        this.results = results;
        this.deferred = deferred;
        this.settings = settings;
        this.closing = closing;
        this.joined = joined;
    }

    @Override
    public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
        joined.run();
        if (partitions.isEmpty()) {
            return;
        }
        schedule.assign(numbers(partitions));
        // the whole feed list of the partition, whatever offsets earlier transactions committed
        feedsConsumer.seekToBeginning(partitions);
        log.info("feed partition(s) {} assigned to {}", numbers(partitions), settings.instanceId());
    }

    @Override
    public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
        handOver(partitions, !closing.getAsBoolean(), "revoked");
    }

    @Override
    public void onPartitionsLost(Collection<TopicPartition> partitions) {
        handOver(partitions, false, "lost");
    }

    private void handOver(Collection<TopicPartition> partitions, boolean awaitPolls, String how) {
        if (partitions.isEmpty()) {
            return;
        }
        Set<Integer> numbers = numbers(partitions);
        List<FeedSchedule.Lease> dropped = schedule.revoke(numbers);
        if (awaitPolls && !dropped.isEmpty()) {
            awaitPolls(dropped);
        }
        log.info("feed partition(s) {} {}; {} poll(s) in flight dropped", numbers, how, dropped.size());
    }

    /**
     * Waits (bounded) until the polls of the feeds given up have ended, so the next owner does
     * not poll a host while this instance still does; other outcomes are kept for the loop.
     */
    private void awaitPolls(List<FeedSchedule.Lease> leases) {
        long deadline = System.nanoTime() + settings.revokeWait().toNanos();
        try {
            while (leases.stream().anyMatch(schedule::inFlight)) {
                long left = deadline - System.nanoTime();
                PollResult r = left > 0 ? results.poll(left, TimeUnit.NANOSECONDS) : null;
                if (r == null) {
                    log.warn(
                            "polls of feeds given up still running after {}; their outcomes will be dropped",
                            settings.revokeWait());
                    return;
                }
                if (leases.contains(r.lease())) {
                    schedule.finish(r.lease()); // frees the host; the lease is invalid, nothing is committed
                } else {
                    deferred.add(r);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Set<Integer> numbers(Collection<TopicPartition> partitions) {
        return partitions.stream().map(TopicPartition::partition).collect(Collectors.toSet());
    }
}
