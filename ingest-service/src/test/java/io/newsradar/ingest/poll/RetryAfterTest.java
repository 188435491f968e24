package io.newsradar.ingest.poll;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RetryAfterTest {
    private static final Instant NOW = Instant.parse("1994-11-06T08:00:00Z");
    private static final Duration CAP = Duration.ofHours(24);

    private static Optional<Duration> parse(String value) {
        return RetryAfter.parse(value, NOW, CAP);
    }

    @Test
    void shouldReadDeltaSeconds() {
        assertThat(parse("120")).contains(Duration.ofSeconds(120));
        assertThat(parse(" 0 ")).contains(Duration.ZERO);
    }

    @Test
    void shouldReadAllThreeHttpDateForms() {
        Duration expected = Duration.ofMinutes(49).plusSeconds(37);
        assertThat(parse("Sun, 06 Nov 1994 08:49:37 GMT")).contains(expected);
        assertThat(parse("Sunday, 06-Nov-94 08:49:37 GMT")).contains(expected);
        assertThat(parse("Sun Nov  6 08:49:37 1994")).contains(expected);
    }

    @Test
    void shouldAskForNoWaitAtADateInThePast() {
        assertThat(parse("Sat, 05 Nov 1994 08:49:37 GMT")).contains(Duration.ZERO);
    }

    @Test
    void shouldCapAbsurdValues() {
        assertThat(parse("999999999")).contains(CAP);
        assertThat(parse("99999999999999999999999")).contains(CAP);
        assertThat(parse("Fri, 01 Jan 2100 00:00:00 GMT")).contains(CAP);
    }

    @Test
    void shouldIgnoreWhatItCannotRead() {
        assertThat(parse(null)).isEmpty();
        assertThat(parse("")).isEmpty();
        assertThat(parse("-5")).isEmpty();
        assertThat(parse("1.5")).isEmpty();
        assertThat(parse("tomorrow")).isEmpty();
    }
}
