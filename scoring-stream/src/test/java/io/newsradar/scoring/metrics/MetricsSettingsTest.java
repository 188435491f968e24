package io.newsradar.scoring.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsradar.schemas.config.NewsradarConfig;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class MetricsSettingsTest {
    @Test
    void shouldDefaultToTenMinutesGraceAndTwoHoursRetention() {
        MetricsSettings s = MetricsSettings.from(NewsradarConfig.defaults());
        assertThat(s.grace()).isEqualTo(Duration.ofMinutes(10));
        assertThat(s.retention()).isEqualTo(Duration.ofHours(2));
        assertThat(s).isEqualTo(MetricsSettings.defaults());
    }

    @Test
    void shouldReadIsoDurations() {
        MetricsSettings s = MetricsSettings.from(NewsradarConfig.defaults()
                .with(MetricsSettings.GRACE, "PT0S")
                .with(MetricsSettings.RETENTION, " PT1H "));
        assertThat(s.grace()).isZero();
        assertThat(s.retention()).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void shouldRefuseANegativeGrace() {
        assertThatThrownBy(() -> MetricsSettings.from(NewsradarConfig.defaults().with(MetricsSettings.GRACE, "-PT1S")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("bad metrics.window.* setting: metrics.window.grace must not be negative: PT-1S");
    }

    @Test
    void shouldRefuseARetentionShorterThanAnHourPlusTheGrace() {
        assertThatThrownBy(() -> MetricsSettings.from(NewsradarConfig.defaults()
                        .with(MetricsSettings.GRACE, "PT30M")
                        .with(MetricsSettings.RETENTION, "PT1H29M")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("bad metrics.window.* setting: metrics.window.retention must be at least one hour plus"
                        + " metrics.window.grace (PT1H30M) so the last hour can be queried: PT1H29M");
        // exactly an hour plus the grace is enough
        assertThat(new MetricsSettings(Duration.ofMinutes(30), Duration.ofMinutes(90)).retention())
                .isEqualTo(Duration.ofMinutes(90));
    }

    @Test
    void shouldNameTheSettingOfAnUnreadableDuration() {
        assertThatThrownBy(() -> MetricsSettings.from(NewsradarConfig.defaults().with(MetricsSettings.RETENTION, "2h")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("'metrics.window.retention'")
                .hasMessageContaining("'2h'");
    }
}
