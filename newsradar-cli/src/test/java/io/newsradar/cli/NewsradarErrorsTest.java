package io.newsradar.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsradar.localkafka.BrokerUnreachableException;
import org.junit.jupiter.api.Test;

/** How a failed command is reported: the exit code it gets and the message the user sees. */
class NewsradarErrorsTest {

    @Test
    void shouldGiveAnUnreachableBrokerTheInfrastructureCodeWhereverItIsInTheCauses() {
        BrokerUnreachableException unreachable = new BrokerUnreachableException("no broker at b:1", null);

        assertThat(Newsradar.exitCodeOf(unreachable)).isEqualTo(ExitCodes.INFRASTRUCTURE);
        assertThat(Newsradar.exitCodeOf(new IllegalStateException("cannot start", unreachable)))
                .isEqualTo(ExitCodes.INFRASTRUCTURE);
        assertThat(Newsradar.exitCodeOf(new IllegalStateException("bad rules"))).isEqualTo(ExitCodes.FAILED);
    }

    @Test
    void shouldHideCredentialsInTheMessageOfAFailure() {
        Exception failure = new IllegalStateException(
                "cannot create the consumer",
                new IllegalArgumentException("invalid sasl.jaas.config="
                        + "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"svc\""
                        + " password=\"s3cret-pw\";"));

        String message = Newsradar.describe(failure);

        assertThat(message).contains("cannot create the consumer").doesNotContain("s3cret-pw", "svc\"");
    }
}
