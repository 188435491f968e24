package io.newsradar.localkafka;

import static io.newsradar.localkafka.KafkaTestClients.awaitRecord;
import static io.newsradar.localkafka.KafkaTestClients.produce;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.newsradar.schemas.topics.TopicDef;
import io.newsradar.schemas.topics.Topics;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One temporary broker shared by these tests; each test uses its own keys so they do not see each other. */
@Tag("integration")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LocalKafkaBrokerIntegrationTest {

    private static final Logger LOG = LoggerFactory.getLogger(LocalKafkaBrokerIntegrationTest.class);

    private LocalKafkaBroker broker;
    private List<String> createdByFirstCall;

    @BeforeAll
    void startBrokerAndCreateCatalogue() {
        broker = LocalKafkaBroker.startTemporary();
        LOG.info(
                "temporary broker ready in {} ms; test JVM RSS {} MiB",
                broker.startupTime().toMillis(),
                KafkaTestClients.residentMiB().map(String::valueOf).orElse("?"));
        createdByFirstCall = TopicAdmin.ensureTopics(broker.clientProps(), Topics.all(), 1, (short) 1);
    }

    @AfterAll
    void stopBroker() {
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void shouldCreateEveryCatalogueTopicOnceAndNothingOnTheSecondCall() {
        List<String> catalogue = Topics.all().stream().map(TopicDef::name).collect(Collectors.toList());

        List<String> createdBySecondCall = TopicAdmin.ensureTopics(broker.clientProps(), Topics.all(), 1, (short) 1);

        assertThat(createdByFirstCall).containsExactlyElementsOf(catalogue);
        assertThat(createdBySecondCall).isEmpty();
        assertThat(TopicAdmin.listTopics(broker.clientProps())).containsAll(catalogue);
    }

    @Test
    void shouldCreateCompactedTopicsWithCompactionAndOthersWithDeletion() throws Exception {
        try (Admin admin = Admin.create(broker.clientProps())) {
            Map<String, String> policies = cleanupPolicies(
                    admin, Set.of(Topics.RULES.name(), Topics.FEEDS_STATE.name(), Topics.NEWS_RAW.name()));

            assertThat(policies)
                    .containsEntry(Topics.RULES.name(), TopicConfig.CLEANUP_POLICY_COMPACT)
                    .containsEntry(Topics.FEEDS_STATE.name(), TopicConfig.CLEANUP_POLICY_COMPACT)
                    .containsEntry(Topics.NEWS_RAW.name(), TopicConfig.CLEANUP_POLICY_DELETE);
        }
    }

    @Test
    void shouldDeliverAProducedRecordToAConsumer() throws Exception {
        String key = "plain-" + UUID.randomUUID();

        produce(broker.bootstrapServers(), Topics.DELIVERY_DLQ, key, "{\"reason\":\"test\"}");

        ConsumerRecord<String, String> record =
                awaitRecord(broker.bootstrapServers(), Topics.DELIVERY_DLQ, key, "read_uncommitted");
        assertThat(record.value()).isEqualTo("{\"reason\":\"test\"}");
    }

    @Test
    void shouldShowACommittedTransactionToReadCommittedConsumers() {
        String key = "txn-" + UUID.randomUUID();
        Map<String, Object> props = new HashMap<>(broker.clientProps());
        // a transactional id makes the producer use the transaction coordinator and its RF-1 state topic
        props.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "local-kafka-test-" + UUID.randomUUID());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(
                props, Serdes.String().serializer(), Serdes.String().serializer())) {
            producer.initTransactions();
            producer.beginTransaction();
            producer.send(new ProducerRecord<>(Topics.METRICS_TAGS.name(), key, "{\"count\":1}"));
            producer.commitTransaction();
        }

        ConsumerRecord<String, String> record =
                awaitRecord(broker.bootstrapServers(), Topics.METRICS_TAGS, key, "read_committed");
        assertThat(record.value()).isEqualTo("{\"count\":1}");
    }

    // both group protocols: the scoring app may pick either, and the broker must serve both
    @ParameterizedTest
    @ValueSource(strings = {"classic", "streams"})
    void shouldRunAnExactlyOnceV2StreamsApp(String groupProtocol, @TempDir Path stateDir) {
        String key = "eos-" + groupProtocol + "-" + UUID.randomUUID();
        StreamsBuilder builder = new StreamsBuilder();
        // any two String topics of the catalogue will do: this proves the broker side of exactly-once
        builder.stream(Topics.FEEDS_STATE.name(), Consumed.with(Serdes.String(), Serdes.String()))
                .mapValues(v -> v + "-processed")
                .to(Topics.RULES.name(), Produced.with(Serdes.String(), Serdes.String()));
        Map<String, Object> props = new HashMap<>(broker.clientProps());
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "local-kafka-eos-test-" + UUID.randomUUID());
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        // the design asks for an explicit group protocol
        props.put(StreamsConfig.GROUP_PROTOCOL_CONFIG, groupProtocol);
        props.put(StreamsConfig.consumerPrefix("auto.offset.reset"), "earliest");
        AtomicReference<Throwable> failure = new AtomicReference<>();
        try (KafkaStreams streams = new KafkaStreams(builder.build(), new StreamsConfig(props))) {
            streams.setUncaughtExceptionHandler(e -> {
                failure.set(e);
                return org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse
                        .SHUTDOWN_CLIENT;
            });
            streams.start();
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> streams.state() == KafkaStreams.State.RUNNING || failure.get() != null);
            assertThat(failure.get()).isNull();

            produce(broker.bootstrapServers(), Topics.FEEDS_STATE, key, "state");

            ConsumerRecord<String, String> out =
                    awaitRecord(broker.bootstrapServers(), Topics.RULES, key, "read_committed");
            assertThat(out.value()).isEqualTo("state-processed");
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static Map<String, String> cleanupPolicies(Admin admin, Set<String> topics) throws Exception {
        List<ConfigResource> resources = topics.stream()
                .map(t -> new ConfigResource(ConfigResource.Type.TOPIC, t))
                .collect(Collectors.toList());
        Map<ConfigResource, Config> configs =
                admin.describeConfigs(resources).all().get();
        return configs.entrySet().stream()
                .collect(Collectors.toMap(
                        e -> e.getKey().name(),
                        e -> e.getValue().get(TopicConfig.CLEANUP_POLICY_CONFIG).value()));
    }
}
