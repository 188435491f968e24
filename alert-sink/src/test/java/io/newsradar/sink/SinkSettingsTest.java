package io.newsradar.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsradar.schemas.config.NewsradarConfig;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class SinkSettingsTest {

    @Test
    void shouldUseTheDefaultsWhenNothingIsSet() {
        NewsradarConfig config = NewsradarConfig.defaults();

        assertThat(SinkSettings.retryBudget(config)).isEqualTo(SinkSettings.DEFAULT_RETRY_BUDGET);
        assertThat(SinkSettings.startupTimeout(config)).isEqualTo(SinkSettings.DEFAULT_STARTUP_TIMEOUT);
    }

    @Test
    void shouldReadBothSettingsInMilliseconds() {
        NewsradarConfig config = NewsradarConfig.defaults()
                .with(SinkSettings.RETRY_BUDGET_MS, "1500")
                .with(SinkSettings.STARTUP_TIMEOUT_MS, "2000");

        assertThat(SinkSettings.retryBudget(config)).isEqualTo(Duration.ofMillis(1500));
        assertThat(SinkSettings.startupTimeout(config)).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void shouldRefuseARetryBudgetTheConsumerGroupWouldNotWaitFor() {
        NewsradarConfig config = NewsradarConfig.defaults()
                .with(SinkSettings.RETRY_BUDGET_MS, "60000")
                .with("kafka.max.poll.interval.ms", "30000");

        assertThatThrownBy(() -> SinkSettings.retryBudget(config))
                .hasMessageContaining(SinkSettings.RETRY_BUDGET_MS)
                .hasMessageContaining("max.poll.interval.ms");
    }

    @Test
    void shouldRefuseANonPositiveTimeout() {
        NewsradarConfig config = NewsradarConfig.defaults().with(SinkSettings.STARTUP_TIMEOUT_MS, "0");

        assertThatThrownBy(() -> SinkSettings.startupTimeout(config))
                .hasMessageContaining(SinkSettings.STARTUP_TIMEOUT_MS);
    }
}
