package io.newsradar.schemas.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SecretsTest {

    @Test
    void shouldTreatCredentialKeysAsSecret() {
        assertThat(Map.of(
                        "kafka.sasl.jaas.config", true,
                        "kafka.ssl.truststore.password", true,
                        "kafka.ssl.keystore.key", true,
                        "kafka.basic.auth.user.info", true,
                        "sink.webhook.key", true,
                        "push.bearer.token", true,
                        "kafka.sasl.oauthbearer.client.credentials.client.secret", true,
                        "kafka.bootstrap.servers", false,
                        "kafka.key.serializer", false,
                        "scoring.application.id", false))
                .allSatisfy((key, secret) ->
                        assertThat(Secrets.isSecretKey(key)).as(key).isEqualTo(secret));
    }

    @Test
    void shouldHideSecretValuesAndJaasConfigsButKeepTheRest() {
        assertThat(Secrets.redact("kafka.ssl.key.password", "pw")).isEqualTo(Secrets.REDACTED);
        assertThat(Secrets.redact("anything", "com.example.ScramLoginModule required username=\"a\" password=\"b\";"))
                .isEqualTo(Secrets.REDACTED);
        assertThat(Secrets.redact("sink.url", "https://user:pw@hooks.example.org/x"))
                .isEqualTo("https://user:" + Secrets.REDACTED + "@hooks.example.org/x");
        assertThat(Secrets.redact("kafka.bootstrap.servers", "b:1,c:2")).isEqualTo("b:1,c:2");
    }

    @Test
    void shouldScrubSecretsOutOfFreeText() {
        String message = "cannot connect: sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule"
                + " required username=\"svc\" password=\"pw-1\"; and token=abc123 at https://u:pw-2@h/x";

        String scrubbed = Secrets.scrub(message);

        assertThat(scrubbed).startsWith("cannot connect: ").doesNotContain("pw-1", "abc123", "pw-2");
    }
}
