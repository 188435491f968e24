package io.newsradar.ingest.feeds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class PollIntervalTest {
    @Test
    void shouldReadShortAndIsoForms() {
        assertThat(PollInterval.parse("15m")).isEqualTo(Duration.ofMinutes(15));
        assertThat(PollInterval.parse(" 1H30M ")).isEqualTo(Duration.ofMinutes(90));
        assertThat(PollInterval.parse("90s")).isEqualTo(Duration.ofSeconds(90));
        assertThat(PollInterval.parse("1d")).isEqualTo(Duration.ofDays(1));
        assertThat(PollInterval.parse("PT15M")).isEqualTo(Duration.ofMinutes(15));
        assertThat(PollInterval.parse("pt1h")).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void shouldKeepToTheBounds() {
        assertThat(PollInterval.parse("1m")).isEqualTo(PollInterval.MIN);
        assertThatThrownBy(() -> PollInterval.parse("59s")).hasMessageContaining("between 1m and 1d");
        assertThatThrownBy(() -> PollInterval.parse("1d1s")).hasMessageContaining("between 1m and 1d");
        assertThatThrownBy(() -> PollInterval.parse("")).hasMessageContaining("must be a duration");
        assertThatThrownBy(() -> PollInterval.parse("-PT5M")).hasMessageContaining("between");
    }

    @Test
    void shouldFormatSoThatParsingGivesItBack() {
        for (Duration d : new Duration[] {Duration.ofMinutes(15), Duration.ofSeconds(5430), Duration.ofDays(1)}) {
            assertThat(PollInterval.parse(PollInterval.format(d))).isEqualTo(d);
        }
        assertThat(PollInterval.format(Duration.ofSeconds(5430))).isEqualTo("1h30m30s");
    }
}
