package io.newsradar.scoring.ruleset;

import io.newsradar.schemas.topics.Topics;
import io.newsradar.scoring.ScoringRules;
import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.InvalidProducerEpochException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Puts a ruleset on {@code rules.v1} as its next publication.
 *
 * <p>Two analysts publishing the same ruleset at once must not both take sequence N (the second
 * record would replace the first under compaction). So the producer is transactional with an id
 * per ruleset name, and the log is read only after {@code initTransactions}: that call fences
 * every earlier producer of the same id and waits for its transaction to finish, so the log read
 * afterwards holds every earlier publication, and a publisher that read the log before a later
 * one started is fenced when it tries to commit (it fails rather than overwrite).
 */
public final class RulesetPublisher {
    /** Prefix of the transactional id: one id per ruleset name serialises its publications. */
    public static final String TRANSACTIONAL_ID_PREFIX = "newsradar-rules-publish-";

    private final Map<String, Object> clientProps;
    private final Duration timeout;
    private final Clock clock;

    /**
     * @param clientProps Kafka client settings, at least {@code bootstrap.servers}
     * @param timeout the bound on each step (reading the log, the send and the commit)
     */
    public RulesetPublisher(Map<String, Object> clientProps, Duration timeout, Clock clock) {
        this.clientProps = Map.copyOf(clientProps);
        this.timeout = timeout;
        this.clock = clock;
    }

    /** What to publish: the bundle text and its notes. */
    public record Draft(String bundleText, String note, String publishedBy, Long rolledBackFrom, boolean force) {}

    /**
     * Validates the bundle, then writes it as the next sequence of its ruleset name.
     *
     * @throws io.newsradar.scoring.RulesException when the text is not a valid ruleset (nothing is written)
     * @throws RulesetRefusedException when the text is the one already in force and {@code force} is
     *     not set, or another publication of the same name overtook this one (nothing is written)
     */
    public RulesetRecord publish(Draft draft) {
        ScoringRules rules = ScoringRules.parseBundle(draft.bundleText(), "to publish");
        String name = rules.taxonomy().name();
        try (Session session = open(name)) {
            RulesetLog log = session.log();
            Publication active = log.active(name).orElse(null);
            if (!draft.force() && active != null && active.record().ruleset().equals(draft.bundleText())) {
                throw new RulesetRefusedException("rules " + rules.version() + " of ruleset " + name
                        + " is already active (sequence " + active.sequence() + "); nothing published"
                        + " (--force publishes it again)");
            }
            RulesetRecord record = new RulesetRecord(
                    name,
                    log.highestSequence(name) + 1,
                    rules.version(),
                    // milliseconds are precise enough for people and keep history lines short
                    clock.instant().truncatedTo(ChronoUnit.MILLIS),
                    draft.publishedBy(),
                    draft.note(),
                    draft.rolledBackFrom(),
                    draft.bundleText());
            session.write(record);
            return record;
        }
    }

    /**
     * Starts a publication of ruleset {@code name}: fences every earlier publisher of the name.
     * {@link #publish} is the whole sequence; a session on its own lets a caller (a test) interleave
     * two publications.
     */
    public Session open(String name) {
        KafkaProducer<String, String> producer = producer(name);
        try {
            producer.initTransactions();
        } catch (RuntimeException e) {
            producer.close(Duration.ZERO);
            throw e;
        }
        return new Session(name, producer);
    }

    /** One publication under way: the log as it was once earlier publishers were fenced, then one write. */
    public final class Session implements AutoCloseable {
        private final String name;
        private final KafkaProducer<String, String> producer;

        private Session(String name, KafkaProducer<String, String> producer) {
            this.name = name;
            this.producer = producer;
        }

        /** Every publication so far, the earlier publishers' included. */
        public RulesetLog log() {
            return RulesetLog.read(clientProps, timeout);
        }

        /**
         * Writes {@code record} in a transaction of its own.
         *
         * @throws RulesetRefusedException when a later publisher of the same name fenced this one
         */
        public void write(RulesetRecord record) {
            try {
                producer.beginTransaction();
                producer.send(new ProducerRecord<>(Topics.RULES.name(), record.key(), record.toJson()))
                        .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
                producer.commitTransaction();
            } catch (ExecutionException | KafkaException e) {
                Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
                if (fenced(cause)) {
                    throw new RulesetRefusedException("another publication of ruleset " + name
                            + " started while this one was under way; nothing published by this one (see rules "
                            + "history, then try again)");
                }
                throw new IllegalStateException(
                        "could not write to " + Topics.RULES.name() + ": " + cause.getMessage(), cause);
            } catch (TimeoutException e) {
                throw new IllegalStateException("could not write to " + Topics.RULES.name() + " within " + timeout, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while publishing", e);
            }
        }

        @Override
        public void close() {
            // an open transaction (a failed write) is aborted by the next publisher's fencing
            producer.close(timeout);
        }
    }

    private static boolean fenced(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ProducerFencedException || t instanceof InvalidProducerEpochException) {
                return true;
            }
        }
        return false;
    }

    private KafkaProducer<String, String> producer(String name) {
        Map<String, Object> props = new HashMap<>(clientProps);
        // serialises the publications of one ruleset name (see the class comment)
        props.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, TRANSACTIONAL_ID_PREFIX + name);
        // a publication is acknowledged only once every in-sync replica has it
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        // required by transactions; also no duplicate on a retried send
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        // bounds initTransactions, send and commit when the cluster does not answer
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) timeout.toMillis());
        return new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
    }
}
