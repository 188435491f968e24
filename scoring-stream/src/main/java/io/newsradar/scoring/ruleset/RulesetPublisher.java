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
     * @throws RulesetRefusedException when the text is the one already in force and {@code force} is not set
     */
    public RulesetRecord publish(Draft draft) {
        ScoringRules rules = ScoringRules.parseBundle(draft.bundleText(), "to publish");
        String name = rules.taxonomy().name();
        try (KafkaProducer<String, String> producer = producer(name)) {
            producer.initTransactions();
            RulesetLog log = RulesetLog.read(clientProps, timeout);
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
            producer.beginTransaction();
            producer.send(new ProducerRecord<>(Topics.RULES.name(), record.key(), record.toJson()))
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            producer.commitTransaction();
            return record;
        } catch (ProducerFencedException e) {
            throw new RulesetRefusedException("another publication of ruleset " + name
                    + " started while this one was under way; nothing published by this one (see rules history,"
                    + " then try again)");
        } catch (ExecutionException e) {
            throw new IllegalStateException(
                    "could not write to " + Topics.RULES.name() + ": "
                            + e.getCause().getMessage(),
                    e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("could not write to " + Topics.RULES.name() + " within " + timeout, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while publishing", e);
        }
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
