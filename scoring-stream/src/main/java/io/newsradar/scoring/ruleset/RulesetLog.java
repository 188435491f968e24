package io.newsradar.scoring.ruleset;

import io.newsradar.schemas.topics.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Every publication on {@code rules.v1}, read once from the beginning to the end offsets it had
 * when reading started: the history {@code rules history} shows, and what {@code rules publish}
 * and {@code rules rollback} number their next publication from.
 */
public final class RulesetLog {
    private final List<Publication> publications;

    /** Publications in any order; a key read twice keeps its last value (as compaction would). */
    public RulesetLog(List<Publication> publications) {
        Map<String, Publication> byKey = new LinkedHashMap<>();
        publications.forEach(p -> byKey.put(p.key(), p));
        List<Publication> sorted = new ArrayList<>(byKey.values());
        sorted.sort(Comparator.comparing((Publication p) -> p.name() == null ? "" : p.name())
                .thenComparingLong(Publication::sequence)
                .thenComparing(Publication::key));
        this.publications = List.copyOf(sorted);
    }

    /**
     * Reads the whole topic with a consumer of its own: no group, read_committed (a publication
     * whose transaction was aborted never counts), up to the end offsets of the moment it starts.
     *
     * @param clientProps Kafka client settings, at least {@code bootstrap.servers}
     * @throws IllegalStateException when the topic is missing or the end is not reached within {@code timeout}
     */
    public static RulesetLog read(Map<String, Object> clientProps, Duration timeout) {
        Map<String, Object> props = new HashMap<>(clientProps);
        // publications are written in transactions: an aborted one must not look published
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        // a reader with assigned partitions: no group, no offsets to commit or clean up afterwards
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.remove(ConsumerConfig.GROUP_ID_CONFIG);
        String topic = Topics.RULES.name();
        List<Publication> read = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer =
                new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = WholeTopic.assignFromBeginning(
                    consumer, topic, timeout, clientProps.get(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG));
            // under read_committed these are the last stable offsets: nothing past an open transaction
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, timeout);
            long deadline = System.nanoTime() + timeout.toNanos();
            while (!reached(consumer, partitions, ends)) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("could not read " + topic + " to its end within " + timeout);
                }
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                    if (r.offset() < ends.get(new TopicPartition(r.topic(), r.partition()))) {
                        read.add(Publication.of(r.key() == null ? "(no key)" : r.key(), r.value()));
                    }
                }
            }
        }
        return new RulesetLog(read);
    }

    private static boolean reached(
            KafkaConsumer<?, ?> consumer, List<TopicPartition> partitions, Map<TopicPartition, Long> ends) {
        return partitions.stream().allMatch(tp -> consumer.position(tp) >= ends.get(tp));
    }

    /** Every publication, by ruleset name and then sequence (oldest first). */
    public List<Publication> publications() {
        return publications;
    }

    /** The publications of one ruleset, oldest first. */
    public List<Publication> publications(String name) {
        return publications.stream().filter(p -> name.equals(p.name())).toList();
    }

    /** The ruleset names that have publications. */
    public Set<String> names() {
        Set<String> names = new TreeSet<>();
        publications.stream().map(Publication::name).filter(n -> n != null).forEach(names::add);
        return names;
    }

    /** The highest sequence taken by a ruleset, valid or not (0 when it has none): the next is one more. */
    public long highestSequence(String name) {
        return publications(name).stream()
                .mapToLong(Publication::sequence)
                .max()
                .orElse(0);
    }

    /** The ruleset in force: the valid publication with the highest sequence. */
    public Optional<Publication> active(String name) {
        List<Publication> own = publications(name);
        for (int i = own.size() - 1; i >= 0; i--) {
            if (own.get(i).valid()) {
                return Optional.of(own.get(i));
            }
        }
        return Optional.empty();
    }

    /**
     * The ruleset a command means when it names none: the only one with publications.
     *
     * @throws IllegalArgumentException when there are none, or several (the message lists them)
     */
    public String onlyName() {
        Set<String> names = names();
        if (names.size() == 1) {
            return names.iterator().next();
        }
        if (names.isEmpty()) {
            throw new IllegalArgumentException(
                    "nothing has been published on " + Topics.RULES.name() + " yet (rules publish FILE)");
        }
        throw new IllegalArgumentException("several rulesets are published " + names + ": name one with --name");
    }

    /**
     * The publication a user names: a sequence ({@code 3}), a key ({@code builtin#3} or
     * {@code builtin#0000000003}), or a rules version ({@code builtin-2-16b11d53}; the latest
     * publication with that version, as a rollback republishes a version).
     *
     * @throws IllegalArgumentException naming what was looked for and what exists
     */
    public Publication find(String name, String ref) {
        String r = ref.strip();
        String ownName = name;
        String sequence = r;
        int hash = r.indexOf('#');
        if (hash > 0) {
            ownName = r.substring(0, hash);
            sequence = r.substring(hash + 1);
        }
        List<Publication> own = publications(ownName);
        if (sequence.matches("\\d{1,10}")) {
            long seq = Long.parseLong(sequence);
            return own.stream().filter(p -> p.sequence() == seq).findFirst().orElseThrow(() -> notFound(ref, name));
        }
        List<Publication> withVersion =
                publications.stream().filter(p -> r.equals(p.version())).toList();
        if (withVersion.isEmpty()) {
            throw notFound(ref, name);
        }
        return withVersion.get(withVersion.size() - 1);
    }

    private IllegalArgumentException notFound(String ref, String name) {
        List<String> known = publications(name).stream()
                .map(p -> p.sequence() + " (" + p.version() + ")")
                .toList();
        return new IllegalArgumentException("no publication " + ref + " of ruleset " + name + " on "
                + Topics.RULES.name() + "; it has " + (known.isEmpty() ? "none" : known));
    }
}
