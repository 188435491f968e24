package io.newsradar.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

class BrokerChoiceTest {

    private static final BooleanSupplier DOCKER = () -> true;
    private static final BooleanSupplier NO_DOCKER = () -> false;

    @Test
    void shouldUseTheInProcessBrokerWhenNothingIsSetAndDockerIsAbsent() {
        assertThat(BrokerChoice.choose(null, NO_DOCKER)).isEqualTo(BrokerChoice.IN_PROCESS);
    }

    @Test
    void shouldPreferAContainerWhenNothingIsSetAndDockerAnswers() {
        assertThat(BrokerChoice.choose(null, DOCKER)).isEqualTo(BrokerChoice.TESTCONTAINERS_PREFERRED);
        assertThat(BrokerChoice.choose("auto", DOCKER)).isEqualTo(BrokerChoice.TESTCONTAINERS_PREFERRED);
    }

    @Test
    void shouldRequireAContainerWhenAskedEvenWithoutDocker() {
        assertThat(BrokerChoice.choose("testcontainers", NO_DOCKER)).isEqualTo(BrokerChoice.TESTCONTAINERS_REQUIRED);
        assertThat(BrokerChoice.choose(" TestContainers ", NO_DOCKER)).isEqualTo(BrokerChoice.TESTCONTAINERS_REQUIRED);
    }

    @Test
    void shouldNotProbeDockerWhenAChoiceIsForced() {
        AtomicBoolean probed = new AtomicBoolean();
        BooleanSupplier probe = () -> {
            probed.set(true);
            return true;
        };

        assertThat(BrokerChoice.choose("inprocess", probe)).isEqualTo(BrokerChoice.IN_PROCESS);
        assertThat(BrokerChoice.choose("testcontainers", probe)).isEqualTo(BrokerChoice.TESTCONTAINERS_REQUIRED);
        assertThat(probed).isFalse();
    }

    @Test
    void shouldNameThePropertyAndTheChoicesForAnUnknownValue() {
        assertThatThrownBy(() -> BrokerChoice.choose("docker", NO_DOCKER))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(BrokerChoice.PROPERTY)
                .hasMessageContaining("docker")
                .hasMessageContaining("inprocess");
    }
}
