package io.newsradar.scoring;

import io.newsradar.schemas.config.NewsradarConfig;
import io.newsradar.schemas.topics.TopicDef;
import io.newsradar.schemas.topics.Topics;
import io.newsradar.scoring.feeds.FeedDirectory;
import io.newsradar.scoring.metrics.MetricsSettings;
import io.newsradar.scoring.mutes.MuteDirectory;
import io.newsradar.scoring.query.QueryRecorders;
import io.newsradar.scoring.query.QuerySettings;
import io.newsradar.scoring.query.QueryStages;
import io.newsradar.scoring.ruleset.LiveRules;
import io.newsradar.scoring.ruleset.RulesetStatus;
import io.newsradar.scoring.state.BoundedRocksDb;
import io.newsradar.scoring.state.RocksDbMemory;
import io.newsradar.scoring.stories.StorySettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.apache.kafka.streams.state.HostInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The scoring service: the {@link ScoringTopology} in a {@link KafkaStreams} client with its
 * lifecycle. Construction does no I/O beyond reading rules files; {@link #start()} connects.
 */
public final class ScoringApp implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ScoringApp.class);

    /**
     * Optional ruleset bundle (taxonomy, routes and weights in one file, see {@link ScoringRules});
     * when set it takes precedence over {@value #TAXONOMY_FILE} and {@value #ROUTES_FILE}.
     */
    public static final String RULES_FILE = "scoring.rules.file";
    /** Optional taxonomy file; the built-in default is used when unset. */
    public static final String TAXONOMY_FILE = "scoring.taxonomy.file";
    /** Optional routes file; the built-in default is used when unset. */
    public static final String ROUTES_FILE = "scoring.routes.file";
    /**
     * The ruleset whose publications on {@code rules.v1} this instance follows; by default the
     * name of the bootstrap rules (the taxonomy's {@code name}, {@code builtin} for the defaults).
     */
    public static final String RULES_NAME = "scoring.rules.name";
    /** How often the stream checks that its topics still exist, in ms (see {@link TopicWatchdog}). */
    public static final String TOPIC_CHECK_INTERVAL_MS = "scoring.topic.check.interval.ms";
    /**
     * 15 s: a deleted topic stops the stream within about this long (and a check's own wait), at
     * the cost of one small metadata request per interval.
     */
    public static final int DEFAULT_TOPIC_CHECK_INTERVAL_MS = 15_000;

    // A thread that dies this often within the window is failing on something a new thread will
    // fail on too; stop the client instead of looping. Ten minutes, because one round of such a
    // loop takes a rebalance (up to session.timeout.ms, 45 s by default), see ThreadFailureWindow.
    static final int MAX_THREAD_REPLACEMENTS = 5;
    static final Duration REPLACEMENT_WINDOW = Duration.ofMinutes(10);

    private final ScoringRules rules;
    private final Map<String, Object> adminProps;
    private final ScoringCounters counters = new ScoringCounters();
    // the feed list read from feeds.v1 (weights and fixed tags), shared with the topology
    private final FeedDirectory feeds = new FeedDirectory();
    private final MuteDirectory mutes = new MuteDirectory();
    // freshness and score distribution of what this instance scored, for the query API
    private final QueryRecorders queryRecorders = new QueryRecorders();
    // where the other instances reach this one's query API (application.server), peer timeouts
    private final QuerySettings querySettings;
    // what the process's other readers of the cluster (the dashboard's) connect with
    private final NewsradarConfig config;
    private final KafkaStreams streams;
    // the rules in force (a Lucene Monitor each), switched by publications on rules.v1
    private final LiveRules live;
    // the global thread's check that a published ruleset's alert topics exist
    private final AdminTopicCheck routeTopics;
    private final ThreadFailureWindow threadFailures =
            new ThreadFailureWindow(MAX_THREAD_REPLACEMENTS, REPLACEMENT_WINDOW);
    private final CountDownLatch terminated = new CountDownLatch(1);
    private final Duration topicCheckInterval;
    private final AtomicReference<String> failure = new AtomicReference<>();
    // set when the stream stopped because a topic or its limits failed it, not because of a bug
    private volatile boolean infrastructureFailure;
    private volatile TopicWatchdog watchdog;

    /** Rules from {@value #RULES_FILE}, else {@value #TAXONOMY_FILE} / {@value #ROUTES_FILE}, else the defaults. */
    public ScoringApp(NewsradarConfig config) {
        this(config, rulesFrom(config));
    }

    public ScoringApp(NewsradarConfig config, ScoringRules rules) {
        this.rules = rules;
        Properties props = streamsProperties(config);
        // an object, not a string: the query stage's processors record into this instance's recorders
        props.put(QueryStages.RECORDERS_CONFIG, queryRecorders);
        this.querySettings = QuerySettings.from(config);
        this.config = config;
        this.adminProps = new HashMap<>(config.kafkaClientProps());
        adminProps.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
        this.topicCheckInterval =
                Duration.ofMillis(config.getInt(TOPIC_CHECK_INTERVAL_MS, DEFAULT_TOPIC_CHECK_INTERVAL_MS));
        if (topicCheckInterval.isNegative() || topicCheckInterval.isZero()) {
            throw new IllegalStateException("setting '" + TOPIC_CHECK_INTERVAL_MS
                    + "' must be a positive number of ms, got " + topicCheckInterval);
        }
        this.routeTopics = new AdminTopicCheck(adminProps);
        this.live = LiveRules.following(RulesSettings.followedName(config, rules), rules, routeTopics);
        // a newly activated ruleset may name new alert topics: the watchdog checks them from now on
        live.onActivation(this::watchRouteTopics);
        StorySettings stories = StorySettings.from(config);
        // the settings that decide which articles are one story and how often a story alerts
        LOG.info(
                "stories: window {}, {} bands x {} rows (each article is {} records on the band"
                        + " repartition), similarity >= {}, bucket cap {}, update cool-down {}",
                stories.window(),
                stories.bands(),
                stories.rows(),
                stories.bands(),
                stories.similarity(),
                stories.bucketCap(),
                stories.cooldown());
        MetricsSettings metrics = MetricsSettings.from(config);
        LOG.info(
                "metrics windows: 1 minute, grace {}, kept {} (records later than window end + grace are"
                        + " counted as late)",
                metrics.grace(),
                metrics.retention());
        this.streams = new KafkaStreams(
                ScoringTopology.build(live, RevisionSettings.from(config), stories, metrics, counters, feeds, mutes),
                props);
        streams.setStateListener((now, before) -> {
            LOG.info("scoring stream state {} -> {}", before, now);
            if (now == KafkaStreams.State.NOT_RUNNING || now == KafkaStreams.State.ERROR) {
                terminated.countDown();
            }
        });
        streams.setUncaughtExceptionHandler(this::onUncaught);
        // rules.v1 is re-read at start: build only the best publication, not each one on the way
        streams.setGlobalStateRestoreListener(live.restoreListener(ScoringTopology.RULESETS_STORE));
        LOG.info(
                "scoring stream {} built with bootstrap rules {}, following ruleset '{}' on {}",
                props.get(StreamsConfig.APPLICATION_ID_CONFIG),
                rules.version(),
                live.followed(),
                Topics.RULES.name());
    }

    /**
     * The rules named by the config, or the built-in defaults. Both files or neither: a taxonomy
     * without its routes (or the reverse) would silently mix two rulesets.
     */
    public static ScoringRules rulesFrom(NewsradarConfig config) {
        return RulesSettings.bootstrapRules(config);
    }

    /** The Kafka Streams configuration of the service; public so the CLI and tests can show or reuse it. */
    public static Properties streamsProperties(NewsradarConfig config) {
        Properties p = new Properties();
        // operator-supplied client settings first (security, timeouts...); ours below win where they must
        p.putAll(config.kafkaClientProps());
        // fails with a message naming the setting when no broker address is configured
        p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
        // names the consumer group, the transactional ids and the internal topics of this service
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, config.require(NewsradarConfig.APPLICATION_ID));
        // RocksDB and checkpoints live here; a stable path lets a restart reuse local state
        p.put(
                StreamsConfig.STATE_DIR_CONFIG,
                config.get(
                        NewsradarConfig.STATE_DIR,
                        Path.of(System.getProperty("java.io.tmpdir"), "newsradar-state")
                                .toString()));
        // one native memory bound for all RocksDB stores of this instance (block cache, index and
        // filter blocks, memtables): by default every store, partition and window segment would
        // reserve its own 50 MB cache and 48 MB of memtables, so memory would grow with them
        p.put(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG, BoundedRocksDb.class);
        p.put(RocksDbMemory.MEMORY_BYTES, RocksDbMemory.from(config).streamsValue());
        // no duplicate scores or alerts after a crash; dead letters share the transaction
        p.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        // under EOS outputs become visible at commit: commit often so alerts leave within ~0.1 s
        p.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 100);
        // changelog topics get the same replication as our other topics (1 on a single broker)
        p.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, config.getInt(NewsradarConfig.TOPIC_REPLICATION, 1));
        // the classic rebalance protocol works with every broker; an operator may choose "streams"
        p.putIfAbsent(StreamsConfig.GROUP_PROTOCOL_CONFIG, "classic");
        // Kafka Streams' own dead-letter queue (KIP-1034): the handlers below build the records and
        // the task's producer writes them inside the exactly-once transaction, with the original
        // key and value and __streams.errors.* headers
        p.put(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG, Topics.NEWS_DLQ.name());
        // the largest dead letter: the handlers below cut longer ones so that each can be sent (a
        // whole copy of an input near the size limit, plus error headers, would not be)
        p.put(
                DeadLetterBounds.MAX_BYTES_CONFIG,
                config.getInt(DeadLetterBounds.MAX_BYTES_CONFIG, DeadLetterBounds.DEFAULT_MAX_BYTES));
        // undecodable input: dead-letter it and go on rather than stop the app
        p.put(
                StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG,
                DeadLetteringDeserializationExceptionHandler.class);
        // input that decodes but fails validation or scoring: dead-letter it and go on
        p.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetteringProcessingExceptionHandler.class);
        // the same handler for global-store processing too (the 5.0 default; silences the start-up warning)
        p.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG, true);
        // output the broker refuses: the default handler would dead-letter and then stop the app
        p.put(StreamsConfig.PRODUCTION_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetteringProductionExceptionHandler.class);
        // interactive queries: every instance learns every other's HTTP address with the assignment
        QuerySettings.applicationServer(config).ifPresent(s -> p.put(StreamsConfig.APPLICATION_SERVER_CONFIG, s));
        // a bound that leaves no room for a dead letter fails here, naming the settings, not in a task
        DeadLetterBounds.from(toMap(p));
        return p;
    }

    /**
     * Starts the stream once every topic it reads or writes exists. Kafka Streams would otherwise
     * start and then stall on a missing output topic (a route's alert topic, say) until the
     * producer's metadata wait runs out; a ruleset whose topics are missing is refused here. While
     * the stream runs, a {@link TopicWatchdog} checks every {@value #TOPIC_CHECK_INTERVAL_MS} that
     * they still exist and stops the stream with {@link #failure()} naming the topic if one is gone.
     *
     * <p>Returns once the global {@code rules.v1} store is restored (Kafka Streams' start waits for
     * its global thread): {@link #rulesStatus()} then names the rules that score the first record.
     */
    public synchronized void start() {
        List<String> names = topicsFor(rules).stream().map(TopicDef::name).toList();
        // one admin client for the start-up check and, after it, the watchdog
        Admin admin = Admin.create(adminProps);
        try {
            List<String> missing;
            try {
                // refuses only what is still missing after a short grace for topics just created
                missing = AdminTopicCheck.missing(admin, names, AdminTopicCheck.VISIBILITY_GRACE);
            } catch (IllegalStateException e) {
                throw new IllegalStateException(
                        "on " + adminProps.get(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG) + ": " + e.getMessage(), e);
            }
            if (!missing.isEmpty()) {
                throw new IllegalStateException("cannot start the scoring stream: topics missing on the cluster: "
                        + missing
                        + " (create them first: the newsradar commands do unless --no-create-topics is given)");
            }
        } catch (RuntimeException e) {
            admin.close(Duration.ofSeconds(5));
            throw e;
        }
        watchdog = new TopicWatchdog(admin, names, topicCheckInterval);
        Optional<String> gone = watchdog.start(this::onTopicLost);
        if (gone.isPresent()) {
            watchdog.close();
            watchdog = null;
            throw new IllegalStateException("cannot start the scoring stream: " + gone.get());
        }
        streams.start();
    }

    /**
     * Every topic the stream reads or writes with these rules: input, rulesets, feed list, mutes, outputs
     * (scored articles, the per-minute tag and route figures), DLQ, one per route. The stream does not start without them (a global store on a missing
     * topic would fail the app later and less clearly).
     */
    public static List<TopicDef<?, ?>> topicsFor(ScoringRules rules) {
        List<TopicDef<?, ?>> topics = new ArrayList<>(List.of(
                Topics.NEWS_RAW,
                Topics.RULES,
                Topics.FEEDS,
                Topics.MUTES,
                Topics.NEWS_SCORED,
                Topics.METRICS_TAGS,
                Topics.METRICS_ROUTES,
                Topics.NEWS_DLQ));
        rules.routes().forEach(r -> topics.add(r.topic()));
        return List.copyOf(topics);
    }

    /**
     * Why the stream stopped by itself, when it did: a sentence naming the record or topic and
     * the limit or setting involved. Empty while it runs and after an ordinary {@link #close}.
     */
    public Optional<String> failure() {
        return Optional.ofNullable(failure.get());
    }

    /**
     * True when the stream stopped because of the cluster rather than the code: a topic it writes
     * was deleted (or re-created), or a dead letter could not be written within the topic's
     * limits. A supervisor can tell these apart (the CLI exits 4 for them).
     */
    public boolean failedOnInfrastructure() {
        return infrastructureFailure;
    }

    public KafkaStreams.State state() {
        return streams.state();
    }

    /** The bootstrap rules (files or defaults); {@link #rulesStatus()} says which rules score now. */
    public ScoringRules rules() {
        return rules;
    }

    /**
     * The live rules of this instance: the publication in force (or the bootstrap rules), the last
     * publication refused and why, and counts. Reports a publication active only once it scores.
     */
    public RulesetStatus rulesStatus() {
        return live.status();
    }

    public ScoringCounters counters() {
        return counters;
    }

    /** The mutes this instance has read from {@code mutes.v1}. */
    public MuteDirectory mutes() {
        return mutes;
    }

    /** The feed list as read from {@code feeds.v1}, with its counts of what could not be used. */
    public FeedDirectory feeds() {
        return feeds;
    }

    /**
     * Records sent to the dead-letter topic so far by this client: Kafka Streams counts every
     * record its log-and-continue handlers skipped as dropped.
     */
    public long deadLettered() {
        double total = 0;
        for (Map.Entry<MetricName, ? extends Metric> e : streams.metrics().entrySet()) {
            if (e.getKey().name().equals("dropped-records-total")
                    && e.getValue().metricValue() instanceof Number n) {
                total += n.doubleValue();
            }
        }
        return (long) total;
    }

    /** Blocks until the client has stopped, by {@link #close} or by a fatal error. */
    public void awaitTermination() throws InterruptedException {
        terminated.await();
    }

    /** Freshness and score recording of this instance, read by the query API. */
    public QueryRecorders queryRecorders() {
        return queryRecorders;
    }

    /** This instance's {@code application.server} ({@value QuerySettings#ADVERTISED}), when set. */
    public Optional<HostInfo> applicationServer() {
        return querySettings.advertised();
    }

    /** The query API's settings of this instance (advertised address, peer timeout). */
    public QuerySettings querySettings() {
        return querySettings;
    }

    /**
     * The settings this instance was built with, for the process's other readers of the same
     * cluster (the dashboard's). Holds secrets: never print it, print {@link NewsradarConfig#redacted()}.
     */
    public NewsradarConfig config() {
        return config;
    }

    /** The underlying client, for interactive queries and metrics binders. */
    public KafkaStreams streams() {
        return streams;
    }

    /** Stops processing, committing what was done; true when it finished within the timeout. */
    public boolean close(Duration timeout) {
        closeWatchdog();
        // Leave the group on close: by default a Streams member stays registered until its session
        // times out, so the next start (a demo re-run, a restart) would sit in a rebalance for up to
        // session.timeout.ms waiting for a member that is gone. One extra rebalance on a rolling
        // restart is the smaller cost.
        boolean closed = streams.close(CloseOptions.timeout(timeout)
                .withGroupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP));
        LOG.info(
                "scoring stream closed ({}), {}, feeds listed={} unreadable feed records={} ignored fixed tags={}",
                closed ? "clean" : "timed out",
                counters,
                feeds.size(),
                feeds.rejectedRecords(),
                feeds.ignoredTags());
        routeTopics.close();
        if (closed) {
            // only now no stream thread evaluates with it; after a timeout the cleaner releases it
            live.close();
        }
        return closed;
    }

    @Override
    public void close() {
        close(Duration.ofSeconds(30));
    }

    /**
     * On the global thread, after a ruleset was activated. Not synchronized: {@link #start()} holds
     * the lock while the global thread restores, and activates, the rules.
     */
    private void watchRouteTopics(ScoringRules active) {
        TopicWatchdog w = watchdog;
        if (w != null) {
            w.watch(topicsFor(active).stream().map(TopicDef::name).toList());
        }
    }

    private synchronized void closeWatchdog() {
        if (watchdog != null) {
            watchdog.close();
            watchdog = null;
        }
    }

    /** Records the first reason the stream stopped by itself; later ones are consequences. */
    private void fail(String reason) {
        if (failure.compareAndSet(null, reason)) {
            LOG.error("the scoring stream stops: {}", reason);
        }
    }

    /** On the watchdog's thread: a topic is gone, so every task writing to it would stall. */
    private void onTopicLost(String reason) {
        infrastructureFailure = true;
        fail(reason);
        // does not wait: a stream thread may sit in a send until max.block.ms runs out; the state
        // leaves RUNNING now and reaches NOT_RUNNING once the threads are done
        streams.close(CloseOptions.timeout(Duration.ZERO)
                .withGroupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP));
    }

    /** The answer to a stream thread's death; package-private for tests. */
    StreamThreadExceptionResponse onUncaught(Throwable error) {
        Optional<UndeliverableDeadLetterException> undeliverable =
                causeOf(error, UndeliverableDeadLetterException.class);
        if (undeliverable.isPresent()) {
            // a new thread would meet the same record and fail the same way
            infrastructureFailure = true;
            fail(undeliverable.get().getMessage());
            return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
        }
        if (threadFailures.tooMany(System.nanoTime())) {
            LOG.error("stream thread failed again", error);
            fail("a stream thread failed " + threadFailures.count() + " times within " + threadFailures.window()
                    + "; the last error: " + error);
            return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
        }
        LOG.error("stream thread failed; replacing it", error);
        return StreamThreadExceptionResponse.REPLACE_THREAD;
    }

    private static <T extends Throwable> Optional<T> causeOf(Throwable error, Class<T> type) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return Optional.of(type.cast(t));
            }
        }
        return Optional.empty();
    }

    private static Map<String, Object> toMap(Properties p) {
        Map<String, Object> m = new HashMap<>();
        p.forEach((k, v) -> m.put(k.toString(), v));
        return m;
    }

    /** Wiring only: config from the environment (and NEWSRADAR_CONFIG), run until stopped. */
    public static void main(String[] args) throws InterruptedException {
        NewsradarConfig config = NewsradarConfig.load(args.length > 0 ? Path.of(args[0]) : null, System.getenv());
        ScoringApp app = new ScoringApp(config);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> app.close(Duration.ofSeconds(30)), "scoring-shutdown"));
        app.start();
        app.awaitTermination();
        app.close(Duration.ofSeconds(30));
    }
}
