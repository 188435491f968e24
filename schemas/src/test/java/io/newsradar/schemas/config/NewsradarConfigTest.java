package io.newsradar.schemas.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NewsradarConfigTest {
    @TempDir
    Path dir;

    @Test
    void shouldLayerDefaultsFileAndEnvironment() throws Exception {
        Path file = dir.resolve("newsradar.properties");
        Files.writeString(
                file, "kafka.bootstrap.servers=file:9092\ntopics.partitions=6\nkafka.security.protocol=SSL\n");

        NewsradarConfig config = NewsradarConfig.load(
                file,
                Map.of(
                        "NEWSRADAR_KAFKA_BOOTSTRAP_SERVERS", "env:9092",
                        "PATH", "/usr/bin"));

        assertThat(config.bootstrapServers()).isEqualTo("env:9092");
        assertThat(config.getInt(NewsradarConfig.TOPIC_PARTITIONS, 1)).isEqualTo(6);
        assertThat(config.get(NewsradarConfig.SINK_GROUP)).isEqualTo("newsradar-alert-sink");
        assertThat(config.asMap()).doesNotContainKey("path");
    }

    @Test
    void shouldReadTheFileNamedByTheEnvironment() throws Exception {
        Path file = dir.resolve("other.properties");
        Files.writeString(file, "sink.file=/tmp/x.jsonl\n");
        NewsradarConfig config = NewsradarConfig.load(null, Map.of("NEWSRADAR_CONFIG", file.toString()));
        assertThat(config.get(NewsradarConfig.SINK_FILE)).isEqualTo("/tmp/x.jsonl");
    }

    @Test
    void shouldPassEveryKafkaSettingToClientsWithoutThePrefix() {
        NewsradarConfig config = NewsradarConfig.defaults()
                .with("kafka.bootstrap.servers", "b:1")
                .with("kafka.sasl.mechanism", "PLAIN")
                .with("sink.file", "x");
        assertThat(config.kafkaClientProps())
                .containsOnly(Map.entry("bootstrap.servers", "b:1"), Map.entry("sasl.mechanism", "PLAIN"));
    }

    @Test
    void shouldMapEnvironmentNamesToDottedKeys() {
        assertThat(NewsradarConfig.envToKey("NEWSRADAR_KAFKA_SASL_JAAS_CONFIG")).isEqualTo("kafka.sasl.jaas.config");
        assertThat(NewsradarConfig.envToKey("NEWSRADAR_SINK_FILE")).isEqualTo("sink.file");
        assertThat(NewsradarConfig.envToKey("NEWSRADAR_SCORING_APPLICATION__ID"))
                .isEqualTo("scoring.application-id");
    }

    @Test
    void shouldExplainMissingAndMalformedSettings() {
        assertThatThrownBy(() -> NewsradarConfig.defaults().bootstrapServers())
                .hasMessageContaining("kafka.bootstrap.servers")
                .hasMessageContaining("NEWSRADAR_KAFKA_BOOTSTRAP_SERVERS");
        assertThatThrownBy(() -> NewsradarConfig.defaults()
                        .with("topics.partitions", "many")
                        .getInt("topics.partitions", 1))
                .hasMessageContaining("topics.partitions")
                .hasMessageContaining("many");
        assertThatThrownBy(() -> NewsradarConfig.load(dir.resolve("absent.properties"), Map.of()))
                .hasMessageContaining("absent.properties");
    }

    @Test
    void shouldNeverPrintASecretInItsTextForm() {
        String jaas = "org.apache.kafka.common.security.plain.PlainLoginModule required"
                + " username=\"svc\" password=\"jaas-pw-1\";";
        NewsradarConfig config = NewsradarConfig.defaults()
                .with("kafka.bootstrap.servers", "b:1")
                .with("kafka.sasl.jaas.config", jaas)
                .with("kafka.ssl.keystore.password", "keystore-pw-2")
                .with("kafka.ssl.key.password", "key-pw-3")
                .with("kafka.basic.auth.user.info", "user:basic-pw-4")
                .with("sink.webhook.key", "webhook-key-5")
                .with("sink.webhook.token", "token-6")
                .with("api.secret", "secret-7")
                // a JAAS config under a key nobody would suspect
                .with("misc.login", jaas);

        String text = config.toString();

        assertThat(text)
                .contains("kafka.bootstrap.servers=b:1")
                .contains("kafka.sasl.jaas.config=" + Secrets.REDACTED)
                .doesNotContain("jaas-pw-1", "keystore-pw-2", "key-pw-3", "basic-pw-4", "webhook-key-5")
                .doesNotContain("token-6", "secret-7", "PlainLoginModule");
        assertThat(config.get("kafka.ssl.key.password"))
                .as("the value itself is untouched")
                .isEqualTo("key-pw-3");
    }

    @Test
    void shouldNotPrintASecretInAnErrorAboutIt() {
        NewsradarConfig config = NewsradarConfig.defaults().with("sink.webhook.secret", "hunter2");

        assertThatThrownBy(() -> config.getInt("sink.webhook.secret", 1))
                .hasMessageContaining("sink.webhook.secret")
                .hasMessageNotContaining("hunter2");
    }

    @Test
    void durationsAreIsoWithAFallbackAndAnErrorNamingTheKey() {
        NewsradarConfig config =
                NewsradarConfig.defaults().with("stories.window", " PT72H ").with("metrics.window.grace", "10 minutes");

        assertThat(config.getDuration("stories.window", java.time.Duration.ZERO))
                .isEqualTo(java.time.Duration.ofHours(72));
        assertThat(config.getDuration("stories.cooldown", java.time.Duration.ofMinutes(30)))
                .isEqualTo(java.time.Duration.ofMinutes(30));
        assertThatThrownBy(() -> config.getDuration("metrics.window.grace", java.time.Duration.ZERO))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("'metrics.window.grace'")
                .hasMessageContaining("ISO-8601")
                .hasMessageContaining("10 minutes");
    }
}
