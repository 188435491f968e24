package io.newsradar.scoring.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsradar.schemas.feeds.FeedState;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class FeedHealthTest {
    static final Instant NOW = Instant.parse("2026-11-30T06:00:00Z");
    private static final Duration STALE_AFTER = Duration.ofMinutes(10);

    static FeedState state(String id, Instant nextPollAt, int errors, String lastError) {
        return new FeedState(
                id,
                "https://feeds.test/" + id + "?key=hush",
                "",
                "",
                NOW.minusSeconds(300),
                errors > 0 ? NOW.minusSeconds(3600) : NOW.minusSeconds(300),
                nextPollAt,
                errors,
                lastError,
                errors > 0 ? 503 : 200,
                12,
                40,
                List.of());
    }

    @Test
    void staleMeansTheNextPollIsOverdueByMoreThanTheThreshold() {
        FeedHealth due = FeedHealth.of(state("due", NOW.minus(STALE_AFTER), 0, ""), NOW, STALE_AFTER);
        FeedHealth late = FeedHealth.of(state("late", NOW.minus(STALE_AFTER).minusSeconds(1), 0, ""), NOW, STALE_AFTER);
        FeedHealth ahead = FeedHealth.of(state("ahead", NOW.plusSeconds(60), 0, ""), NOW, STALE_AFTER);

        assertThat(due.stale()).isFalse();
        assertThat(due.overdueSeconds()).isEqualTo(600);
        assertThat(late.stale()).isTrue();
        assertThat(late.overdueSeconds()).isEqualTo(601);
        assertThat(ahead.stale()).isFalse();
        assertThat(ahead.overdueSeconds()).isZero();
    }

    @Test
    void failingMeansErrorsSinceTheLastSuccessAndTheErrorIsScrubbed() {
        FeedHealth failing = FeedHealth.of(
                state("down", NOW.plusSeconds(60), 2, "HTTP 503 from host, token=abc123"), NOW, STALE_AFTER);
        FeedHealth fine = FeedHealth.of(state("up", NOW.plusSeconds(60), 0, ""), NOW, STALE_AFTER);

        assertThat(failing.failing()).isTrue();
        assertThat(failing.consecutiveErrors()).isEqualTo(2);
        assertThat(failing.lastError()).contains("HTTP 503").doesNotContain("abc123");
        assertThat(fine.failing()).isFalse();
    }

    @Test
    void feedsInTroubleComeFirstThenById() {
        List<FeedHealth> all = FeedHealth.all(
                List.of(
                        state("b-ok", NOW.plusSeconds(60), 0, ""),
                        state("z-failing", NOW.plusSeconds(60), 1, "timeout"),
                        state("a-ok", NOW.plusSeconds(60), 0, ""),
                        state("c-stale", NOW.minus(Duration.ofHours(1)), 0, "")),
                NOW,
                STALE_AFTER);

        assertThat(all).extracting(FeedHealth::feedId).containsExactly("c-stale", "z-failing", "a-ok", "b-ok");
    }
}
