package io.newsradar.localkafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BrokerIdentityTest {

    @TempDir
    Path dir;

    @Test
    void shouldReadBackTheIdentityItSaved() {
        BrokerIdentity identity = new BrokerIdentity("abc123", 19092, 19093);

        identity.save(dir);

        assertThat(BrokerIdentity.load(dir)).contains(identity);
        assertThat(BrokerIdentity.fileIn(dir)).exists();
    }

    @Test
    void shouldReportNothingSavedInAFreshDir() {
        assertThat(BrokerIdentity.load(dir)).isEmpty();
    }

    @Test
    void shouldNameTheFileAndKeyWhenTheSavedIdentityIsBroken() throws Exception {
        Files.writeString(
                BrokerIdentity.fileIn(dir),
                "cluster.id=abc\nbroker.port=notaport\ncontroller.port=1\n",
                StandardCharsets.UTF_8);

        assertThatThrownBy(() -> BrokerIdentity.load(dir))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(BrokerIdentity.fileIn(dir).toString())
                .hasMessageContaining("notaport");
    }

    @Test
    void shouldNameTheMissingKey() throws Exception {
        Files.writeString(BrokerIdentity.fileIn(dir), "cluster.id=abc\nbroker.port=19092\n", StandardCharsets.UTF_8);

        assertThatThrownBy(() -> BrokerIdentity.load(dir))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("controller.port");
    }

    @Test
    void shouldRejectEqualBrokerAndControllerPorts() {
        assertThatThrownBy(() -> new BrokerIdentity("abc", 19092, 19092))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("19092");
    }
}
