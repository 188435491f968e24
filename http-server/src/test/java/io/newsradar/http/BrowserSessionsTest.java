package io.newsradar.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class BrowserSessionsTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-30T06:00:00Z"));
    private final BrowserSessions sessions = new BrowserSessions(clock);

    @Test
    void anOpenedSessionIsValidUntilItsTtlEnds() {
        String id = sessions.open();

        assertThat(sessions.isValid(id)).isTrue();
        clock.now = clock.now.plus(BrowserSessions.TTL).minusSeconds(1);
        assertThat(sessions.isValid(id)).isTrue();
        clock.now = clock.now.plusSeconds(1);
        assertThat(sessions.isValid(id)).isFalse();
        assertThat(sessions.size()).isZero();
    }

    @Test
    void idsAreRandomAndUnknownOnesAreRefused() {
        String a = sessions.open();
        String b = sessions.open();

        assertThat(a).isNotEqualTo(b).hasSizeGreaterThanOrEqualTo(43); // 256 bits in base64url
        assertThat(sessions.isValid(a + "x")).isFalse();
        assertThat(sessions.isValid("")).isFalse();
        assertThat(sessions.isValid(null)).isFalse();
    }

    @Test
    void closingASessionEndsIt() {
        String id = sessions.open();
        sessions.close(id);
        assertThat(sessions.isValid(id)).isFalse();
    }

    @Test
    void theStoreIsBoundedDroppingTheOldestLogin() {
        String first = sessions.open();
        clock.now = clock.now.plusSeconds(1);
        for (int i = 1; i < BrowserSessions.MAX_SESSIONS; i++) {
            sessions.open();
        }
        String last = sessions.open();

        assertThat(sessions.size()).isEqualTo(BrowserSessions.MAX_SESSIONS);
        assertThat(sessions.isValid(first)).isFalse();
        assertThat(sessions.isValid(last)).isTrue();
    }

    private static final class MutableClock extends Clock {
        Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void ttlIsAWorkingDay() {
        assertThat(BrowserSessions.TTL).isEqualTo(Duration.ofHours(12));
    }
}
