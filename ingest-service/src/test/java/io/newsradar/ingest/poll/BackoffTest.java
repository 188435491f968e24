package io.newsradar.ingest.poll;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BackoffTest {
    private static final Duration QUARTER = Duration.ofMinutes(15);
    private static final Duration HALF_DAY = Duration.ofHours(12);

    @Test
    void shouldDoubleTheCeilingPerErrorUpToTheCap() {
        assertThat(Backoff.ceiling(QUARTER, HALF_DAY, 1)).isEqualTo(QUARTER);
        assertThat(Backoff.ceiling(QUARTER, HALF_DAY, 2)).isEqualTo(Duration.ofMinutes(30));
        assertThat(Backoff.ceiling(QUARTER, HALF_DAY, 6)).isEqualTo(Duration.ofHours(8));
        assertThat(Backoff.ceiling(QUARTER, HALF_DAY, 7)).isEqualTo(HALF_DAY);
        assertThat(Backoff.ceiling(QUARTER, HALF_DAY, Integer.MAX_VALUE)).isEqualTo(HALF_DAY);
    }

    @Test
    void shouldNeverBackOffLessThanTheIntervalOfAFeedPolledRarely() {
        Duration daily = Duration.ofDays(1);
        assertThat(Backoff.ceiling(daily, HALF_DAY, 1)).isEqualTo(daily);
        assertThat(Backoff.ceiling(daily, HALF_DAY, 5)).isEqualTo(daily);
    }

    @Test
    void shouldSpreadTheDelayOverTheFloorToTheCeiling() {
        assertThat(Backoff.delay(QUARTER, HALF_DAY, 3, TestFeeds.fixedRandom(0)))
                .isEqualTo(Backoff.FLOOR);
        assertThat(Backoff.delay(QUARTER, HALF_DAY, 3, TestFeeds.fixedRandom(0.9999999999)))
                .isEqualTo(Duration.ofHours(1));
        Random random = new Random(3);
        for (int i = 0; i < 1000; i++) {
            assertThat(Backoff.delay(QUARTER, HALF_DAY, 4, random)).isBetween(Backoff.FLOOR, Duration.ofHours(2));
        }
    }

    @Test
    void shouldUseTheCeilingAsFloorWhenTheIntervalIsShorterThanAMinute() {
        Duration second = Duration.ofSeconds(1);
        assertThat(Backoff.delay(second, HALF_DAY, 1, TestFeeds.fixedRandom(0))).isEqualTo(second);
    }
}
