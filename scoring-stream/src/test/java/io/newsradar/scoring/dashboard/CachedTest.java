package io.newsradar.scoring.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class CachedTest {
    private Instant now = Instant.parse("2026-11-30T06:00:00Z");
    private final Clock clock = new Clock() {
        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };

    @Test
    void asksOncePerPeriod() {
        AtomicInteger asked = new AtomicInteger();
        AdminDlqCounter.Cached<Integer> cached =
                new AdminDlqCounter.Cached<>(clock, Duration.ofSeconds(5), asked::incrementAndGet);

        assertThat(cached.get()).isEqualTo(1);
        now = now.plusSeconds(4);
        assertThat(cached.get()).isEqualTo(1);
        now = now.plusSeconds(1);
        assertThat(cached.get()).isEqualTo(2);
        assertThat(asked).hasValue(2);
    }

    @Test
    void aFailureIsNotCached() {
        AtomicInteger asked = new AtomicInteger();
        AdminDlqCounter.Cached<Integer> cached = new AdminDlqCounter.Cached<>(clock, Duration.ofSeconds(5), () -> {
            if (asked.incrementAndGet() == 1) {
                throw new IllegalStateException("cluster away");
            }
            return asked.get();
        });

        assertThatThrownBy(cached::get).hasMessage("cluster away");
        assertThat(cached.get()).isEqualTo(2);
    }
}
