package io.newsradar.localkafka;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;

/**
 * What a persistent broker must keep across restarts besides its logs: the cluster id it was
 * formatted with and the two ports clients and the controller quorum know it by. Kept in a small
 * properties file beside the data so a restarted demo broker comes back where clients expect it.
 */
record BrokerIdentity(String clusterId, int brokerPort, int controllerPort) {

    static final String FILE_NAME = "newsradar-broker.properties";

    private static final String CLUSTER_ID = "cluster.id";
    private static final String BROKER_PORT = "broker.port";
    private static final String CONTROLLER_PORT = "controller.port";

    BrokerIdentity {
        Objects.requireNonNull(clusterId, "clusterId");
        if (clusterId.isBlank()) {
            throw new IllegalArgumentException("cluster id must not be blank");
        }
        checkPort(brokerPort, BROKER_PORT);
        checkPort(controllerPort, CONTROLLER_PORT);
        if (brokerPort == controllerPort) {
            throw new IllegalArgumentException("broker and controller ports must differ, both are " + brokerPort);
        }
    }

    private static void checkPort(int port, String what) {
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException(what + " must be in 1..65535 but is " + port);
        }
    }

    /** The identity file of a data dir (it may not exist yet). */
    static Path fileIn(Path dataDir) {
        return dataDir.resolve(FILE_NAME);
    }

    /** Reads the identity saved in {@code dataDir}, or empty when none was saved yet. */
    static Optional<BrokerIdentity> load(Path dataDir) {
        Path file = fileIn(dataDir);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        Properties props = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            props.load(in);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read broker identity file " + file + ": " + e.getMessage(), e);
        }
        try {
            return Optional.of(new BrokerIdentity(
                    required(props, CLUSTER_ID),
                    Integer.parseInt(required(props, BROKER_PORT)),
                    Integer.parseInt(required(props, CONTROLLER_PORT))));
        } catch (IllegalArgumentException e) {
            // NumberFormatException is an IllegalArgumentException too: one message for both
            throw new IllegalStateException(
                    "broker identity file " + file + " is invalid: " + e.getMessage()
                            + " (delete it to let the broker pick new ports)",
                    e);
        }
    }

    private static String required(Properties props, String key) {
        String value = props.getProperty(key);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("missing key '" + key + "'");
        }
        return value.trim();
    }

    /** Writes this identity into {@code dataDir}, replacing any earlier file atomically. */
    void save(Path dataDir) {
        Path file = fileIn(dataDir);
        Properties props = new Properties();
        props.setProperty(CLUSTER_ID, clusterId);
        props.setProperty(BROKER_PORT, Integer.toString(brokerPort));
        props.setProperty(CONTROLLER_PORT, Integer.toString(controllerPort));
        try {
            Files.createDirectories(dataDir);
            // write beside, then move: a crash mid-write must not leave a half file that blocks restarts
            Path tmp = Files.createTempFile(dataDir, FILE_NAME, ".tmp");
            try (Writer out = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                props.store(out, "newsradar local Kafka broker: ports and cluster id reused on every restart");
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write broker identity file " + file + ": " + e.getMessage(), e);
        }
    }
}
