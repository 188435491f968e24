package io.newsradar.ingest.service;

import io.newsradar.ingest.IngestError;
import io.newsradar.ingest.poll.FeedPoll;
import io.newsradar.ingest.poll.PollOutcome;
import io.newsradar.schemas.config.NewsradarConfig;
import io.newsradar.schemas.feeds.FeedRecord;
import io.newsradar.schemas.topics.Topics;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The continuous feed poller: polls the feeds of the {@code feeds.v1} partitions the ingest group
 * assigns this instance, and writes each poll's articles and the feed's new state in one Kafka
 * transaction.
 *
 * <p>One loop thread owns the group consumer, the state reader and the transactional producer
 * (Kafka clients are single-threaded); {@code maxConcurrentFetches} worker threads run {@link
 * FeedPoll#poll} and hand their outcomes back through a queue. On assignment of partition p the
 * loop reads {@code feeds.v1} p from its start (and keeps following it: feeds added, changed and
 * removed while running) and, once a previous owner's pending transaction is settled, {@code
 * feeds.state.v1} p to its end. On revocation it waits (bounded) for the polls in flight of the
 * feeds it gives up and drops their outcomes. A feed's state advances in memory only after its
 * transaction committed; a failed commit keeps the old state and polls again later.
 *
 * <p>Construct, {@link #start()}, watch {@link #health()} or {@link #isStopped()} (a fatal error
 * stops the service by itself, see {@link #failure()}), and {@link #close()}.
 */
public final class FeedPollerService implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(FeedPollerService.class);
    /** How long the loop waits for feed records before it looks at outcomes and due feeds again. */
    private static final Duration LOOP_POLL = Duration.ofMillis(100);

    private final PollerSettings settings;
    private final FeedPoll feedPoll;
    private final PollEvents events;
    private final Clock clock;
    private final Consumer<String, String> feedsConsumer;
    private final Consumer<String, String> stateConsumer;
    private final Producer<byte[], byte[]> producer;
    private final PollerClients clients;
    private final ExecutorService workers;
    private final BlockingQueue<PollResult> results = new LinkedBlockingQueue<>();
    /** Outcomes taken off the queue during a rebalance, for the loop's next turn. */
    private final Deque<PollResult> deferred = new ArrayDeque<>();

    private final AtomicBoolean started = new AtomicBoolean();
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private volatile boolean closing;
    private volatile boolean stopped;
    private volatile boolean leaveGroupOnClose = true;
    private volatile PollerHealth health = PollerHealth.starting();
    private Thread loop;

    // loop thread only
    private FeedSchedule schedule;
    private volatile OutcomeCommitter committer;
    private StateLoader stateLoader;
    private volatile boolean joined;

    /** With Kafka clients built from the config ({@code kafka.*}) and {@link PollerSettings#from}. */
    public FeedPollerService(NewsradarConfig config, FeedPoll feedPoll, PollEvents events) {
        this(config, PollerSettings.from(config), feedPoll, events, Clock.systemUTC());
    }

    public FeedPollerService(
            NewsradarConfig config, PollerSettings settings, FeedPoll feedPoll, PollEvents events, Clock clock) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.feedPoll = Objects.requireNonNull(feedPoll, "feedPoll");
        this.events = Objects.requireNonNull(events, "events");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.clients = PollerClients.create(config, settings);
        this.feedsConsumer = clients.feeds();
        this.stateConsumer = clients.states();
        this.producer = clients.producer();
        AtomicInteger threads = new AtomicInteger();
        this.workers = Executors.newFixedThreadPool(settings.maxConcurrentFetches(), r -> {
            Thread t = new Thread(r, "feed-poll-" + settings.instanceId() + "-" + threads.incrementAndGet());
            t.setDaemon(true); // a poll stuck in I/O must not keep the JVM alive after close
            return t;
        });
    }

    /** Starts the loop thread; returns at once. */
    public void start() {
        if (!started.compareAndSet(false, true)) {
            throw new IllegalStateException("the feed poller was started already");
        }
        running.set(true);
        loop = new Thread(this::runLoop, "feed-poller-" + settings.instanceId());
        loop.start();
    }

    public PollerSettings settings() {
        return settings;
    }

    /** The last snapshot, with whether the poller waits for the cluster now. */
    public PollerHealth health() {
        return health.withBrokerUnavailable(brokerUnavailable());
    }

    /**
     * Whether this instance polls what the group assigned it (for {@code /ready}): false before
     * the assignment's states are read, while the cluster does not take its transactions, and
     * once stopped.
     */
    public boolean isReady() {
        return health.ready() && !brokerUnavailable();
    }

    /**
     * Whether the last poll transaction could not reach the Kafka cluster (a commit is being
     * retried, or was aborted for a cluster error); false again after the next commit.
     */
    public boolean brokerUnavailable() {
        OutcomeCommitter c = committer;
        return c != null && c.brokerUnavailable();
    }

    /** Whether the loop has ended: closed, or stopped by itself ({@link #failure()}). */
    public boolean isStopped() {
        return stopped;
    }

    /** Why the poller stopped by itself, if it did. */
    public Optional<Throwable> failure() {
        return Optional.ofNullable(failure.get());
    }

    /** Whether the poller stopped because the cluster failed it (not for its own or a config error). */
    public boolean failedOnInfrastructure() {
        return failure.get() instanceof PollerFailedException p && p.infrastructure()
                || failure.get() instanceof TimeoutException;
    }

    @Override
    public void close() {
        close(Duration.ofSeconds(30));
    }

    /** Stops polling, leaves the group and closes the clients, waiting at most about {@code timeout}. */
    public void close(Duration timeout) {
        closing = true;
        running.set(false);
        if (loop == null) {
            closeClients();
            stopped = true;
            return;
        }
        try {
            loop.join(timeout.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (loop.isAlive()) {
            log.warn("the feed poller did not stop within {}", timeout);
        }
    }

    /**
     * Stops without the group leave request (REMAIN_IN_GROUP) and without waiting for the
     * producer: the nearest an in-process test gets to a crash. A real kill (SIGKILL) is tested
     * with a poller in a JVM of its own.
     */
    void crash(Duration timeout) {
        leaveGroupOnClose = false;
        close(timeout);
    }

    private void runLoop() {
        try {
            int partitions = partitionCount();
            schedule = new FeedSchedule(partitions, settings.maxConcurrentFetches());
            committer = new OutcomeCommitter(producer, partitions, running::get);
            stateLoader = new StateLoader(stateConsumer);
            committer.init();
            // the output topics' metadata now: a missing topic fails the start, and the first
            // transaction does not wait for metadata
            producer.partitionsFor(Topics.NEWS_RAW.name());
            producer.partitionsFor(Topics.FEEDS_STATE.name());
            feedsConsumer.subscribe(
                    List.of(Topics.FEEDS.name()),
                    new AssignmentListener(
                            schedule, feedsConsumer, results, deferred, settings, () -> closing, () -> joined = true));
            log.info(
                    "feed poller {} started: group {}, up to {} fetches at once",
                    settings.instanceId(),
                    settings.groupId(),
                    settings.maxConcurrentFetches());
            while (running.get()) {
                FeedTopicRecords.apply(feedsConsumer.poll(LOOP_POLL), schedule);
                loadPendingStates();
                commitOutcomes();
                dispatchDue();
                health = snapshot(true);
            }
        } catch (RuntimeException | Error e) {
            if (running.get()) {
                failure.set(e);
                log.error("the feed poller stopped: {}", e.getMessage(), e);
            }
        } finally {
            running.set(false);
            closing = true;
            closeClients();
            health = new PollerHealth(
                    false,
                    false,
                    Set.of(),
                    0,
                    0,
                    false,
                    Optional.ofNullable(failure.get()).map(Throwable::getMessage));
            stopped = true;
        }
    }

    /** The partition count of feeds.v1, which feeds.state.v1 must share (the same feed on the same partition). */
    private int partitionCount() {
        int feeds = partitionsOf(Topics.FEEDS.name());
        int states = partitionsOf(Topics.FEEDS_STATE.name());
        if (feeds != states) {
            throw new PollerFailedException(
                    Topics.FEEDS.name() + " has " + feeds + " partitions but " + Topics.FEEDS_STATE.name() + " has "
                            + states + ": they must have the same count (a feed's state lives on its feed's "
                            + "partition); recreate " + Topics.FEEDS_STATE.name(),
                    null,
                    false);
        }
        return feeds;
    }

    private int partitionsOf(String topic) {
        List<PartitionInfo> infos = feedsConsumer.partitionsFor(topic, settings.brokerWait());
        if (infos == null || infos.isEmpty()) {
            throw new PollerFailedException(
                    "topic " + topic + " does not exist: create it (the admin step of `newsradar ingest --serve`)",
                    null,
                    true);
        }
        return infos.size();
    }

    /**
     * Reads the states of newly assigned partitions. First the committed offsets of the feed
     * partitions are fetched: a read_committed consumer's fetch waits while a previous owner has
     * a transaction pending on them (KIP-447), and every poll transaction carries those offsets,
     * so the states read next include everything the previous owner committed.
     */
    private void loadPendingStates() {
        Set<Integer> pending = schedule.pendingLoads();
        if (pending.isEmpty()) {
            return;
        }
        try {
            Set<TopicPartition> feedPartitions = pending.stream()
                    .map(p -> new TopicPartition(Topics.FEEDS.name(), p))
                    .collect(Collectors.toSet());
            feedsConsumer.committed(feedPartitions, settings.brokerWait());
            Map<Integer, StateLoader.Loaded> loaded = stateLoader.load(pending, settings.brokerWait());
            int count = 0;
            for (Map.Entry<Integer, StateLoader.Loaded> e : loaded.entrySet()) {
                schedule.stateLoaded(
                        e.getKey(), e.getValue().states(), e.getValue().unreadable());
                count += e.getValue().states().size();
            }
            log.info("read {} feed state(s) of partition(s) {}", count, pending);
        } catch (TimeoutException e) {
            log.warn("feed states of partition(s) {} not read yet ({}); trying again", pending, e.getMessage());
        }
    }

    private void commitOutcomes() {
        List<PollResult> batch = new ArrayList<>(deferred);
        deferred.clear();
        results.drainTo(batch);
        for (PollResult result : batch) {
            Optional<FeedRecord> feed = schedule.finish(result.lease());
            if (feed.isEmpty()) {
                log.info(
                        "feed {}: poll outcome dropped, the feed was removed or moved to another instance",
                        result.lease().feedId());
            } else if (!running.get()) {
                return; // closing: the feed is polled again from its committed state
            } else if (result.error() != null) {
                Instant again = schedule.notCommitted(feed.get().id(), clock.instant(), settings);
                String reason = OutcomeCommitter.describe(result.error());
                events.notCommitted(feed.get(), reason);
                log.warn("feed {}: poll failed: {}; polled again at {}", PollLog.name(feed.get()), reason, again);
            } else {
                commit(feed.get(), result.outcome());
            }
        }
    }

    private void commit(FeedRecord feed, PollOutcome outcome) {
        OutcomeCommitter.Result result;
        try {
            result = committer.commit(feed, outcome, positions(), feedsConsumer.groupMetadata());
        } catch (TimeoutException e) {
            result = new OutcomeCommitter.Result(false, 0, OutcomeCommitter.describe(e));
        }
        if (result.committed()) {
            schedule.committed(feed.id(), outcome.state());
            events.committed(feed, outcome, result.published());
            log.info("{}", PollLog.line(feed, outcome, result.published()));
            for (IngestError e : outcome.itemErrors()) {
                log.warn("feed {}: item rejected: {}", PollLog.name(feed), e.message());
            }
        } else {
            Instant again = schedule.notCommitted(feed.id(), clock.instant(), settings);
            events.notCommitted(feed, result.reason());
            log.warn(
                    "feed {}: poll not committed ({}); nothing of it is visible, polled again from its old state at {}",
                    PollLog.name(feed),
                    result.reason(),
                    again);
        }
    }

    /** The positions of every assigned feeds.v1 partition: the offsets each transaction commits. */
    private Map<TopicPartition, OffsetAndMetadata> positions() {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        for (TopicPartition tp : feedsConsumer.assignment()) {
            offsets.put(tp, new OffsetAndMetadata(feedsConsumer.position(tp, settings.brokerWait())));
        }
        return offsets;
    }

    private void dispatchDue() {
        for (FeedSchedule.Due due : schedule.takeDue(clock.instant())) {
            workers.execute(() -> runPoll(due));
        }
    }

    /** On a worker thread: one poll; its outcome (or error) always goes back to the loop. */
    private void runPoll(FeedSchedule.Due due) {
        PollOutcome outcome = null;
        Throwable error = null;
        try {
            outcome = feedPoll.poll(due.feed(), due.state(), clock.instant());
            if (outcome == null) {
                error = new IllegalStateException("the feed poll returned no outcome");
            }
        } catch (InterruptedException e) {
            error = e;
            Thread.currentThread().interrupt();
        } catch (RuntimeException | Error e) {
            error = e;
        } finally {
            results.add(new PollResult(due.lease(), outcome, error));
        }
    }

    private PollerHealth snapshot(boolean isRunning) {
        boolean ready = isRunning && joined && schedule.pendingLoads().isEmpty();
        return new PollerHealth(
                isRunning,
                ready,
                schedule.owned(),
                schedule.feedCount(),
                schedule.inFlightCount(),
                false,
                Optional.empty());
    }

    private void closeClients() {
        workers.shutdownNow();
        try {
            if (!workers.awaitTermination(5, TimeUnit.SECONDS)) {
                log.warn("feed polls still running after close; their outcomes are dropped");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        clients.close(leaveGroupOnClose);
    }
}
