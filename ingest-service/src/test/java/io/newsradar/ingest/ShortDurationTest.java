package io.newsradar.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ShortDurationTest {

    @Test
    void shouldReadShortCompoundAndIsoForms() {
        assertThat(ShortDuration.parse("1h30m")).hasValue(Duration.ofMinutes(90));
        assertThat(ShortDuration.parse(" 48 H ")).hasValue(Duration.ofHours(48));
        assertThat(ShortDuration.parse("500ms")).hasValue(Duration.ofMillis(500));
        assertThat(ShortDuration.parse("1m30s")).hasValue(Duration.ofSeconds(90));
        assertThat(ShortDuration.parse("1d")).hasValue(Duration.ofDays(1));
        assertThat(ShortDuration.parse("PT15M")).hasValue(Duration.ofMinutes(15));
    }

    @Test
    void shouldFindNoDurationInOtherText() {
        assertThat(ShortDuration.parse("")).isEmpty();
        assertThat(ShortDuration.parse(null)).isEmpty();
        assertThat(ShortDuration.parse("soon")).isEmpty();
        assertThat(ShortDuration.parse("30m1h")).isEmpty();
        assertThat(ShortDuration.parse("15")).isEmpty();
    }
}
