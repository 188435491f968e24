package io.newsradar.localkafka;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The server configuration of the single-node combined broker/controller. Pure: the same identity,
 * log dir and overrides always give the same map, so the settings are unit-tested without a broker.
 */
final class BrokerSettings {

    /** The only node of the cluster; broker and controller share it in combined mode. */
    static final int NODE_ID = 1;

    static final String BROKER_LISTENER = "PLAINTEXT";
    static final String CONTROLLER_LISTENER = "CONTROLLER";

    private BrokerSettings() {}

    static Map<String, String> build(BrokerIdentity identity, Path logDir, Map<String, String> overrides) {
        Objects.requireNonNull(identity, "identity");
        Objects.requireNonNull(logDir, "logDir");
        Objects.requireNonNull(overrides, "overrides");
        String host = FreePorts.HOST;
        Map<String, String> s = new LinkedHashMap<>();

        // one JVM plays both KRaft roles: no separate controller process to start or keep alive
        s.put("process.roles", "broker,controller");
        s.put("node.id", Integer.toString(NODE_ID));
        // a static single voter: the node elects itself at once, no dynamic-quorum bootstrap needed
        s.put("controller.quorum.voters", NODE_ID + "@" + host + ":" + identity.controllerPort());
        s.put("controller.listener.names", CONTROLLER_LISTENER);
        // loopback only: a local demo/test broker must not be reachable from the network
        s.put(
                "listeners",
                BROKER_LISTENER + "://" + host + ":" + identity.brokerPort() + "," + CONTROLLER_LISTENER + "://" + host
                        + ":" + identity.controllerPort());
        // clients get back exactly the address they bootstrapped with
        s.put("advertised.listeners", BROKER_LISTENER + "://" + host + ":" + identity.brokerPort());
        s.put("inter.broker.listener.name", BROKER_LISTENER);
        s.put("listener.security.protocol.map", BROKER_LISTENER + ":PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT");
        s.put("log.dirs", logDir.toAbsolutePath().toString());

        // one broker: every replication factor and ISR must be 1 or internal topics cannot be created
        s.put("default.replication.factor", "1");
        s.put("min.insync.replicas", "1");
        s.put("offsets.topic.replication.factor", "1");
        s.put("transaction.state.log.replication.factor", "1");
        s.put("transaction.state.log.min.isr", "1");
        s.put("share.coordinator.state.topic.replication.factor", "1");
        s.put("share.coordinator.state.topic.min.isr", "1");
        // fewer internal partitions than the default 50: faster first group/transaction use, smaller footprint,
        // and one broker gains no parallelism from more
        s.put("offsets.topic.num.partitions", "5");
        s.put("transaction.state.log.num.partitions", "5");
        s.put("share.coordinator.state.topic.num.partitions", "5");
        s.put("num.partitions", "1");

        // topics are created by the admin step from the catalogue; a typo must fail, not create a topic
        s.put("auto.create.topics.enable", "false");
        // tests and the demo start a group and expect it to work now, not after the 3 s join grace period
        s.put("group.initial.rebalance.delay.ms", "0");
        // the same for Streams apps on the new streams group protocol (KIP-1071), which has its own delay
        s.put("group.streams.initial.rebalance.delay.ms", "0");
        // the 128 MiB default dedupe buffer would dominate the heap of a small in-process broker
        s.put("log.cleaner.dedupe.buffer.size", Integer.toString(8 * 1024 * 1024));
        // the machine has 2 cores and one client process: the default thread pools (3 network, 8 I/O) only cost memory
        s.put("num.network.threads", "2");
        s.put("num.io.threads", "4");

        // last, so fault tests can shorten e.g. transaction.max.timeout.ms
        s.putAll(overrides);
        return s;
    }
}
