package io.newsradar.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsradar.schemas.config.NewsradarConfig;
import io.newsradar.schemas.topics.Topics;
import io.newsradar.scoring.metrics.MetricsSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.StreamsException;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScoringAppTest {
    @TempDir
    Path dir;

    private NewsradarConfig config() {
        return NewsradarConfig.defaults()
                .with(NewsradarConfig.BOOTSTRAP_SERVERS, "127.0.0.1:1")
                .with(NewsradarConfig.STATE_DIR, dir.resolve("state").toString());
    }

    @Test
    void theStreamNeedsTheFeedListTopicBeforeItStarts() {
        // feeds.v1 feeds a global store: the start check must require it, the admin step creates it
        assertThat(ScoringApp.topicsFor(ScoringRules.defaults())).contains(Topics.FEEDS);
        assertThat(Topics.fixed()).contains(Topics.FEEDS);
    }

    @Test
    void theStreamNeedsTheMutesTopicBeforeItStarts() {
        // mutes.v1 feeds a global store too: required at start like feeds.v1, created by the admin step
        assertThat(ScoringApp.topicsFor(ScoringRules.defaults())).contains(Topics.MUTES);
        assertThat(Topics.fixed()).contains(Topics.MUTES);
    }

    @Test
    void theStreamNeedsTheMetricsTopicsBeforeItStarts() {
        // the per-minute tag and route figures are outputs: without their topics the stream stalls
        assertThat(ScoringApp.topicsFor(ScoringRules.defaults())).contains(Topics.METRICS_TAGS, Topics.METRICS_ROUTES);
        assertThat(Topics.fixed()).contains(Topics.METRICS_TAGS, Topics.METRICS_ROUTES);
    }

    @Test
    void shouldRefuseMetricsWindowsThatCannotServeTheLastHour() {
        assertThatThrownBy(() -> new ScoringApp(config().with(MetricsSettings.GRACE, "-PT1M")))
                .hasMessageContaining(MetricsSettings.GRACE)
                .hasMessageContaining("negative");
        assertThatThrownBy(() -> new ScoringApp(config().with(MetricsSettings.RETENTION, "PT1H")))
                .hasMessageContaining(MetricsSettings.RETENTION)
                .hasMessageContaining("PT1H10M");
    }

    @Test
    void shouldConfigureExactlyOnceAndTheBuiltInDeadLetterQueue() {
        Properties p = ScoringApp.streamsProperties(config().with("kafka.client.id", "scoring-1"));
        assertThat(p.get(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG)).isEqualTo("127.0.0.1:1");
        assertThat(p.get(StreamsConfig.APPLICATION_ID_CONFIG)).isEqualTo("newsradar-scoring");
        assertThat(p.get(StreamsConfig.STATE_DIR_CONFIG))
                .isEqualTo(dir.resolve("state").toString());
        assertThat(p.get(StreamsConfig.PROCESSING_GUARANTEE_CONFIG)).isEqualTo(StreamsConfig.EXACTLY_ONCE_V2);
        assertThat(p.get(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG))
                .isEqualTo(Topics.NEWS_DLQ.name());
        assertThat(p.get(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG))
                .isEqualTo(DeadLetteringDeserializationExceptionHandler.class);
        assertThat(p.get(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG))
                .isEqualTo(DeadLetteringProcessingExceptionHandler.class);
        assertThat(p.get(StreamsConfig.PRODUCTION_EXCEPTION_HANDLER_CLASS_CONFIG))
                .isEqualTo(DeadLetteringProductionExceptionHandler.class);
        // operator-supplied client settings pass through
        assertThat(p.get("client.id")).isEqualTo("scoring-1");
        // and Streams accepts the whole set
        new StreamsConfig(p);
    }

    @Test
    void shouldBoundDeadLettersAsConfigured() {
        assertThat(ScoringApp.streamsProperties(config()).get(DeadLetterBounds.MAX_BYTES_CONFIG))
                .isEqualTo(DeadLetterBounds.DEFAULT_MAX_BYTES);
        assertThat(ScoringApp.streamsProperties(config().with(DeadLetterBounds.MAX_BYTES_CONFIG, "100000"))
                        .get(DeadLetterBounds.MAX_BYTES_CONFIG))
                .isEqualTo(100000);
        // a bound the producer's request size leaves no room for fails at once, naming both
        assertThatThrownBy(() -> ScoringApp.streamsProperties(config().with("kafka.max.request.size", "50000")))
                .hasMessageContaining(DeadLetterBounds.MAX_BYTES_CONFIG)
                .hasMessageContaining("max.request.size=50000");
    }

    @Test
    void shouldRefuseATopicCheckIntervalThatIsNotPositive() {
        assertThatThrownBy(() -> new ScoringApp(config().with(ScoringApp.TOPIC_CHECK_INTERVAL_MS, "0")))
                .hasMessageContaining(ScoringApp.TOPIC_CHECK_INTERVAL_MS);
    }

    @Test
    void shouldRefuseARulesetNameThatCannotKeyAPublication() {
        assertThatThrownBy(() -> new ScoringApp(config().with(ScoringApp.RULES_NAME, "Live Rules")))
                .hasMessageContaining(ScoringApp.RULES_NAME)
                .hasMessageContaining("Live Rules");
    }

    @Test
    void shouldFollowTheBootstrapRulesNameUnlessTold() {
        try (ScoringApp app = new ScoringApp(config())) {
            assertThat(app.rulesStatus().followed()).isEqualTo("builtin");
            assertThat(app.rulesStatus().active().bootstrap()).isTrue();
            assertThat(app.rulesStatus().active().version())
                    .isEqualTo(app.rules().version());
        }
        try (ScoringApp app = new ScoringApp(config().with(ScoringApp.RULES_NAME, "staging"))) {
            assertThat(app.rulesStatus().followed()).isEqualTo("staging");
        }
    }

    @Test
    void shouldReportNoFailureBeforeStart() {
        try (ScoringApp app = new ScoringApp(config())) {
            assertThat(app.failure()).isEmpty();
        }
    }

    @Test
    void shouldShutDownAndSayWhyWhenADeadLetterCannotBeWritten() {
        try (ScoringApp app = new ScoringApp(config())) {
            UndeliverableDeadLetterException cause =
                    new UndeliverableDeadLetterException("cannot dead-letter input record news.raw.v1-0@7", null);
            // as Streams hands it over: wrapped, from the production handler's callback
            RuntimeException wrapped =
                    new StreamsException("Fatal user code error in production error callback", cause);

            assertThat(app.onUncaught(wrapped)).isEqualTo(StreamThreadExceptionResponse.SHUTDOWN_CLIENT);
            assertThat(app.failure()).hasValue("cannot dead-letter input record news.raw.v1-0@7");
        }
    }

    @Test
    void shouldReplaceAThreadThatFailedOnceAndReportNoFailure() {
        try (ScoringApp app = new ScoringApp(config())) {
            assertThat(app.onUncaught(new IllegalStateException("once")))
                    .isEqualTo(StreamThreadExceptionResponse.REPLACE_THREAD);
            assertThat(app.failure()).isEmpty();
        }
    }

    @Test
    void shouldNameTheMissingBootstrapSetting() {
        assertThatThrownBy(() -> ScoringApp.streamsProperties(NewsradarConfig.defaults()))
                .hasMessageContaining(NewsradarConfig.BOOTSTRAP_SERVERS);
    }

    @Test
    void shouldBuildWithoutConnectingAndCloseCleanly() {
        try (ScoringApp app = new ScoringApp(config())) {
            assertThat(app.state()).isEqualTo(KafkaStreams.State.CREATED);
            assertThat(app.rules().version()).isEqualTo(ScoringRules.defaults().version());
            assertThat(app.deadLettered()).isZero();
            assertThat(app.close(Duration.ofSeconds(10))).isTrue();
        }
    }

    @Test
    void shouldLoadRulesFilesNamedInConfig() throws IOException {
        Path tax = Files.writeString(dir.resolve("t.yaml"), """
                name: custom
                version: 3
                tags:
                  - {id: defense, label: defense, category: Security & Risk, weight: 1, query: defense}
                """);
        Path routes = Files.writeString(dir.resolve("r.yaml"), "routes: []\n");
        ScoringRules rules = ScoringApp.rulesFrom(config().with(ScoringApp.TAXONOMY_FILE, tax.toString())
                .with(ScoringApp.ROUTES_FILE, routes.toString()));
        assertThat(rules.version()).startsWith("custom-3-");
        assertThat(rules.routes()).isEmpty();
    }

    @Test
    void shouldRefuseATaxonomyFileWithoutRoutesFile() {
        assertThatThrownBy(() -> ScoringApp.rulesFrom(config().with(ScoringApp.TAXONOMY_FILE, "t.yaml")))
                .hasMessageContaining("set both");
    }

    @Test
    void aRulesetBundleTakesPrecedenceOverTheTwoFiles() throws IOException {
        Path bundle = Files.writeString(dir.resolve("ruleset.yaml"), """
                name: bundled
                version: 4
                tags:
                  - {id: defense, label: defense, category: Security & Risk, weight: 1, query: defense}
                routes: []
                """);
        ScoringRules rules = ScoringApp.rulesFrom(config().with(ScoringApp.RULES_FILE, bundle.toString())
                .with(ScoringApp.TAXONOMY_FILE, "ignored-taxonomy.yaml")
                .with(ScoringApp.ROUTES_FILE, "ignored-routes.yaml"));
        assertThat(rules.version()).startsWith("bundled-4-");
    }
}
