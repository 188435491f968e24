package io.newsradar.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsradar.schemas.config.NewsradarConfig;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RevisionSettingsTest {
    @TempDir
    Path dir;

    private static NewsradarConfig config() {
        return NewsradarConfig.defaults();
    }

    @Test
    void shouldDefaultToThirtyDaysAndSixteenHashes() {
        RevisionSettings s = RevisionSettings.from(config());

        assertThat(s.retention()).isEqualTo(Duration.ofDays(30));
        assertThat(s.recentHashes()).isEqualTo(16);
        assertThat(s).isEqualTo(RevisionSettings.defaults());
    }

    @ParameterizedTest
    @CsvSource({"P30D, PT720H", "p7d, PT168H", "PT12H, PT12H", "45, PT1080H", " 2 , PT48H", "PT90M, PT1H30M"})
    void shouldReadARetentionAsAnIsoDurationOrDays(String text, Duration expected) {
        RevisionSettings s = RevisionSettings.from(config().with(RevisionSettings.RETENTION, text));

        assertThat(s.retention()).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"0", "-1", "P0D", "P-1D", "PT-5M", "30 days", "30d", "P1Y", "99999999999999999999", "P36526D"})
    void shouldRefuseABadRetentionNamingTheSetting(String text) {
        assertThatThrownBy(() -> RevisionSettings.from(config().with(RevisionSettings.RETENTION, text)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("'" + RevisionSettings.RETENTION + "'")
                .hasMessageContaining("P30D")
                .hasMessageContaining("got '" + text + "'");
    }

    @Test
    void shouldReadTheBoundOfRecentHashes() {
        assertThat(RevisionSettings.from(config().with(RevisionSettings.RECENT_HASHES, "1"))
                        .recentHashes())
                .isEqualTo(1);
        assertThat(RevisionSettings.from(config().with(RevisionSettings.RECENT_HASHES, "256"))
                        .recentHashes())
                .isEqualTo(256);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-3", "257", "many"})
    void shouldRefuseABadBoundNamingTheSetting(String text) {
        assertThatThrownBy(() -> RevisionSettings.from(config().with(RevisionSettings.RECENT_HASHES, text)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("'" + RevisionSettings.RECENT_HASHES + "'")
                .hasMessageContaining("'" + text + "'");
    }

    @Test
    void shouldExpireAtMostHourlyAndRefreshRepeatsAtOnePercentOfTheRetention() {
        RevisionSettings month = RevisionSettings.defaults();
        assertThat(month.expiryInterval()).isEqualTo(Duration.ofHours(1));
        assertThat(month.refreshAfterMs()).isEqualTo(Duration.ofDays(30).toMillis() / 100);

        RevisionSettings short_ = new RevisionSettings(Duration.ofMinutes(10), 4);
        assertThat(short_.expiryInterval()).isEqualTo(Duration.ofMinutes(10));
        assertThat(new RevisionSettings(Duration.ofMillis(50), 1).refreshAfterMs())
                .isEqualTo(1);
    }

    @Test
    void shouldRefuseToBuildTheServiceWithABadRetention() {
        NewsradarConfig bad = config().with(NewsradarConfig.BOOTSTRAP_SERVERS, "127.0.0.1:1")
                .with(NewsradarConfig.STATE_DIR, dir.toString())
                .with(RevisionSettings.RETENTION, "a month");

        assertThatThrownBy(() -> new ScoringApp(bad).close())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(RevisionSettings.RETENTION)
                .hasMessageContaining("a month");
    }
}
