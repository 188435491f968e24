package io.newsradar.localkafka;

import io.newsradar.schemas.topics.TopicDef;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The admin step that creates the topic catalogue. Idempotent: run it at every start-up; topics
 * that already exist are left alone, so services never depend on broker-side auto-creation.
 */
public final class TopicAdmin {

    private static final Logger LOG = LoggerFactory.getLogger(TopicAdmin.class);

    private TopicAdmin() {}

    /**
     * Creates every topic of {@code topics} that does not exist yet, with {@code partitions},
     * {@code replicationFactor} and the topic's own creation configs (compaction).
     *
     * @param adminClientProps Kafka admin client config, at least {@code bootstrap.servers}
     * @return the names of the topics this call created, in catalogue order (empty when all existed)
     * @throws TopicAdminException naming the topic, when one could not be created for any reason but "exists already"
     */
    public static List<String> ensureTopics(
            Map<String, Object> adminClientProps,
            Collection<TopicDef<?, ?>> topics,
            int partitions,
            short replicationFactor) {
        if (partitions < 1) {
            throw new IllegalArgumentException("partitions must be at least 1 but is " + partitions);
        }
        if (replicationFactor < 1) {
            throw new IllegalArgumentException("replication factor must be at least 1 but is " + replicationFactor);
        }
        // one definition per name: the same topic listed twice must not fail as "exists"
        Map<String, TopicDef<?, ?>> wanted = new LinkedHashMap<>();
        topics.forEach(t -> wanted.putIfAbsent(t.name(), t));
        if (wanted.isEmpty()) {
            return List.of();
        }
        try (Admin admin = Admin.create(adminClientProps)) {
            Set<String> existing = listTopics(admin);
            List<NewTopic> missing = new ArrayList<>();
            for (TopicDef<?, ?> t : wanted.values()) {
                if (!existing.contains(t.name())) {
                    missing.add(new NewTopic(t.name(), partitions, replicationFactor).configs(t.creationConfigs()));
                }
            }
            if (missing.isEmpty()) {
                return List.of();
            }
            Map<String, KafkaFuture<Void>> results = admin.createTopics(missing).values();
            List<String> created = new ArrayList<>();
            for (NewTopic topic : missing) {
                if (awaitCreation(topic, results.get(topic.name()))) {
                    created.add(topic.name());
                }
            }
            LOG.info("created topics {} ({} partitions, replication {})", created, partitions, replicationFactor);
            return List.copyOf(created);
        }
    }

    /** The names of every non-internal topic of the cluster. */
    public static Set<String> listTopics(Map<String, Object> adminClientProps) {
        try (Admin admin = Admin.create(adminClientProps)) {
            return listTopics(admin);
        }
    }

    private static Set<String> listTopics(Admin admin) {
        try {
            return new TreeSet<>(admin.listTopics().names().get());
        } catch (ExecutionException e) {
            throw new TopicAdminException("cannot list topics: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TopicAdminException("interrupted while listing topics", e);
        }
    }

    /** True when this call created the topic, false when someone else created it first. */
    private static boolean awaitCreation(NewTopic topic, KafkaFuture<Void> result) {
        try {
            result.get();
            return true;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof TopicExistsException) {
                // another service's admin step won the race: the topic is there, which is all we need
                return false;
            }
            throw new TopicAdminException(
                    "cannot create topic " + topic.name() + " (" + topic.numPartitions()
                            + " partitions, replication " + topic.replicationFactor() + ", configs " + topic.configs()
                            + "): " + e.getCause(),
                    e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TopicAdminException("interrupted while creating topic " + topic.name(), e);
        }
    }
}
