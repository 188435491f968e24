package io.newsradar.localkafka;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.net.BindException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real single-node Kafka broker (KRaft, broker and controller in one node) running inside this
 * JVM, for the demo and for integration tests. Not a mock: clients speak the wire protocol to it,
 * transactions and compaction work, and exactly-once Streams applications run against it.
 *
 * <p>A persistent broker ({@link #start(Path)}) formats its log dir only the first time and keeps
 * its ports across restarts (saved in {@value BrokerIdentity#FILE_NAME} beside its data), so a
 * restarted demo broker is found where clients expect it. A temporary broker
 * ({@link #startTemporary()}) lives in a temp dir that {@link #close()} deletes.
 *
 * <p>A running broker holds its data dir's {@link DataDirLock}, so a second broker on the same
 * dir, or a {@code demo --fresh} that would delete it, is refused with the holder's pid.
 */
public final class LocalKafkaBroker implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LocalKafkaBroker.class);

    /** Sub-directory of the data dir that holds Kafka's logs and {@code meta.properties}. */
    static final String LOG_DIR_NAME = "kafka-logs";

    private static final String META_PROPERTIES = "meta.properties";
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);
    /** Only a temporary broker may retry: a persistent one must keep the ports it saved. */
    private static final int TEMPORARY_BIND_ATTEMPTS = 3;

    private final KafkaRaftServer server;
    private final DataDirLock lock;
    private final Path dataDir;
    private final BrokerIdentity identity;
    private final boolean temporary;
    private final Duration startupTime;
    private final AtomicBoolean closed = new AtomicBoolean();

    private LocalKafkaBroker(
            KafkaRaftServer server,
            DataDirLock lock,
            Path dataDir,
            BrokerIdentity identity,
            boolean temporary,
            Duration startupTime) {
        this.server = server;
        this.lock = lock;
        this.dataDir = dataDir;
        this.identity = identity;
        this.temporary = temporary;
        this.startupTime = startupTime;
    }

    /** Starts (formatting on first use) a persistent broker whose data lives in {@code dataDir}. */
    public static LocalKafkaBroker start(Path dataDir) {
        return start(dataDir, Map.of());
    }

    /**
     * Starts a persistent broker in {@code dataDir}; {@code overrides} are broker configs applied
     * last (fault tests lower e.g. {@code transaction.max.timeout.ms}).
     *
     * @throws DataDirLockedException when another broker (in this process or another) runs on the dir
     * @throws IllegalStateException when a port saved by an earlier run is taken now, or the broker fails to start
     */
    public static LocalKafkaBroker start(Path dataDir, Map<String, String> overrides) {
        long startNanos = System.nanoTime();
        Path dir = dataDir.toAbsolutePath().normalize();
        createDirectories(dir);
        // first, before anything in the dir is read or written: two brokers on one dir would corrupt it
        DataDirLock lock = DataDirLock.acquire(dir);
        try {
            return startLocked(dir, lock, overrides, startNanos);
        } catch (RuntimeException e) {
            lock.close();
            throw e;
        }
    }

    private static LocalKafkaBroker startLocked(
            Path dir, DataDirLock lock, Map<String, String> overrides, long startNanos) {
        Path logDir = dir.resolve(LOG_DIR_NAME);
        Optional<String> formattedClusterId = formattedClusterId(logDir);
        Optional<BrokerIdentity> saved = BrokerIdentity.load(dir);
        BrokerIdentity identity;
        if (saved.isPresent()) {
            identity = saved.get();
            requireFree(identity.brokerPort(), "broker", dir);
            requireFree(identity.controllerPort(), "controller", dir);
            if (formattedClusterId.isPresent() && !formattedClusterId.get().equals(identity.clusterId())) {
                throw new IllegalStateException("broker data dir " + dir + " is inconsistent: "
                        + BrokerIdentity.FILE_NAME + " names cluster " + identity.clusterId() + " but "
                        + logDir.resolve(META_PROPERTIES) + " names cluster " + formattedClusterId.get());
            }
        } else {
            // logs formatted by a run whose identity file was lost keep their cluster id; ports may change
            identity = freshIdentity(
                    formattedClusterId.orElseGet(() -> Uuid.randomUuid().toString()));
            identity.save(dir);
        }
        return launch(dir, lock, identity, false, overrides, startNanos);
    }

    /** Starts a broker in a new temp dir, deleted by {@link #close()}. */
    public static LocalKafkaBroker startTemporary() {
        return startTemporary(Map.of());
    }

    /** Starts a temporary broker with broker config {@code overrides} applied last. */
    public static LocalKafkaBroker startTemporary(Map<String, String> overrides) {
        long startNanos = System.nanoTime();
        for (int attempt = 1; ; attempt++) {
            Path dir;
            try {
                dir = Files.createTempDirectory("newsradar-kafka-");
            } catch (IOException e) {
                throw new IllegalStateException("cannot create a temp dir for a Kafka broker: " + e.getMessage(), e);
            }
            BrokerIdentity identity = freshIdentity(Uuid.randomUuid().toString());
            DataDirLock lock = DataDirLock.acquire(dir);
            try {
                return launch(dir, lock, identity, true, overrides, startNanos);
            } catch (RuntimeException e) {
                lock.close();
                deleteRecursively(dir);
                // picked ports can be taken by another process before Kafka binds them: pick again
                if (attempt < TEMPORARY_BIND_ATTEMPTS && isBindFailure(e)) {
                    LOG.warn(
                            "Kafka broker could not bind {} or {}, retrying with other ports",
                            identity.brokerPort(),
                            identity.controllerPort());
                    continue;
                }
                throw e;
            }
        }
    }

    /** {@code 127.0.0.1:PORT} of the client listener. */
    public String bootstrapServers() {
        return FreePorts.HOST + ":" + identity.brokerPort();
    }

    /** Minimal client config for this broker: the bootstrap servers, in a new mutable map. */
    public Map<String, Object> clientProps() {
        Map<String, Object> props = new HashMap<>();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        return props;
    }

    /** The data dir given to {@link #start(Path)}, or the temp dir of a temporary broker. */
    public Path dataDir() {
        return dataDir;
    }

    public String clusterId() {
        return identity.clusterId();
    }

    public int brokerPort() {
        return identity.brokerPort();
    }

    public int controllerPort() {
        return identity.controllerPort();
    }

    /** Time from the start call until the broker answered a cluster description. */
    public Duration startupTime() {
        return startupTime;
    }

    /** Shuts the broker down cleanly and waits for it; deletes the data of a temporary broker. Idempotent. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            server.shutdown();
            server.awaitShutdown();
        } finally {
            // only once the broker has stopped writing: a waiting `demo --fresh` may delete the dir next
            lock.close();
            if (temporary) {
                deleteRecursively(dataDir);
            }
        }
        LOG.info("Kafka broker at {} stopped", bootstrapServers());
    }

    @Override
    public String toString() {
        return "LocalKafkaBroker[" + bootstrapServers() + ", " + dataDir + (temporary ? ", temporary" : "") + "]";
    }

    private static LocalKafkaBroker launch(
            Path dir,
            DataDirLock lock,
            BrokerIdentity identity,
            boolean temporary,
            Map<String, String> overrides,
            long startNanos) {
        Path logDir = dir.resolve(LOG_DIR_NAME);
        Map<String, String> settings = BrokerSettings.build(identity, logDir, overrides);
        KafkaConfig config = new KafkaConfig(settings, false);
        if (!Files.exists(logDir.resolve(META_PROPERTIES))) {
            format(config, identity, logDir);
        }
        KafkaRaftServer server = null;
        try {
            server = new KafkaRaftServer(config, Time.SYSTEM);
            server.startup();
            awaitReady(identity);
        } catch (RuntimeException e) {
            stopQuietly(server);
            throw new IllegalStateException(
                    "Kafka broker in " + dir + " (ports " + identity.brokerPort() + "/" + identity.controllerPort()
                            + ") failed to start: " + e.getMessage(),
                    e);
        }
        Duration took = Duration.ofNanos(System.nanoTime() - startNanos);
        LocalKafkaBroker broker = new LocalKafkaBroker(server, lock, dir, identity, temporary, took);
        LOG.info("Kafka broker ready at {} in {} ms (data in {})", broker.bootstrapServers(), took.toMillis(), dir);
        return broker;
    }

    private static void format(KafkaConfig config, BrokerIdentity identity, Path logDir) {
        createDirectories(logDir);
        ByteArrayOutputStream formatterOutput = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(formatterOutput, true, StandardCharsets.UTF_8)) {
            new Formatter()
                    .setPrintStream(out)
                    .setNodeId(BrokerSettings.NODE_ID)
                    .setClusterId(identity.clusterId())
                    .setDirectories(List.of(logDir.toString()))
                    .setMetadataLogDirectory(config.metadataLogDir())
                    .setControllerListenerName(BrokerSettings.CONTROLLER_LISTENER)
                    .run();
        } catch (Exception e) {
            throw new IllegalStateException("cannot format Kafka log dir " + logDir + ": " + e.getMessage(), e);
        }
        LOG.debug(
                "formatted {}: {}",
                logDir,
                formatterOutput.toString(StandardCharsets.UTF_8).trim());
    }

    /** Returns once the broker is registered, unfenced and answering clients. */
    private static void awaitReady(BrokerIdentity identity) {
        Map<String, Object> props =
                Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, FreePorts.HOST + ":" + identity.brokerPort());
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        try (Admin admin = Admin.create(props)) {
            while (true) {
                long leftMs = Math.max(
                        1, Duration.ofNanos(deadline - System.nanoTime()).toMillis());
                Iterable<Node> nodes = admin.describeCluster(new DescribeClusterOptions().timeoutMs((int) leftMs))
                        .nodes()
                        .get();
                if (nodes.iterator().hasNext()) {
                    return;
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("broker did not register within " + READY_TIMEOUT);
                }
                // a just-started broker may answer before it is unfenced; its registration follows shortly
                Thread.sleep(50);
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException("broker did not become ready: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the broker", e);
        }
    }

    private static BrokerIdentity freshIdentity(String clusterId) {
        int brokerPort = FreePorts.pick();
        int controllerPort = FreePorts.pick();
        while (controllerPort == brokerPort) {
            controllerPort = FreePorts.pick();
        }
        return new BrokerIdentity(clusterId, brokerPort, controllerPort);
    }

    private static void requireFree(int port, String listener, Path dir) {
        if (!FreePorts.isFree(port)) {
            throw new IllegalStateException("cannot start the Kafka broker in " + dir + ": its " + listener
                    + " port " + port + " (saved in " + BrokerIdentity.fileIn(dir) + ") is in use."
                    + " Is another broker running on this dir? Stop whatever holds port " + port
                    + ", or delete " + BrokerIdentity.FILE_NAME
                    + " to pick new ports (clients must then use the new address).");
        }
    }

    private static Optional<String> formattedClusterId(Path logDir) {
        Path meta = logDir.resolve(META_PROPERTIES);
        if (!Files.exists(meta)) {
            return Optional.empty();
        }
        Properties props = new Properties();
        try (Reader in = Files.newBufferedReader(meta, StandardCharsets.UTF_8)) {
            props.load(in);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + meta + ": " + e.getMessage(), e);
        }
        return Optional.ofNullable(props.getProperty("cluster.id"))
                .map(String::trim)
                .filter(s -> !s.isEmpty());
    }

    private static boolean isBindFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof BindException
                    || (t.getMessage() != null && t.getMessage().contains("failed to bind"))) {
                return true;
            }
        }
        return false;
    }

    private static void stopQuietly(KafkaRaftServer server) {
        if (server == null) {
            return;
        }
        try {
            server.shutdown();
            server.awaitShutdown();
        } catch (RuntimeException e) {
            LOG.warn("error while stopping a broker that failed to start", e);
        }
    }

    private static void createDirectories(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new IllegalStateException("cannot create directory " + dir + ": " + e.getMessage(), e);
        }
    }

    private static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    LOG.warn("cannot delete {}: {}", p, e.getMessage());
                }
            });
        } catch (IOException e) {
            LOG.warn("cannot delete broker dir {}: {}", dir, e.getMessage());
        }
    }
}
