package io.newsradar.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ThreadFailureWindowTest {
    private static final long SECOND = 1_000_000_000L;

    @Test
    void shouldStopALoopWhoseRoundsEachWaitOutARebalance() {
        // the scoring app's own policy; each round: thread dies, session times out (45 s), fails again
        ThreadFailureWindow policy =
                new ThreadFailureWindow(ScoringApp.MAX_THREAD_REPLACEMENTS, ScoringApp.REPLACEMENT_WINDOW);
        for (int round = 0; round < ScoringApp.MAX_THREAD_REPLACEMENTS; round++) {
            assertThat(policy.tooMany(round * 45 * SECOND))
                    .as("round %d", round)
                    .isFalse();
        }
        assertThat(policy.tooMany(ScoringApp.MAX_THREAD_REPLACEMENTS * 45 * SECOND))
                .isTrue();
        assertThat(policy.count()).isEqualTo(ScoringApp.MAX_THREAD_REPLACEMENTS + 1);
    }

    @Test
    void shouldForgetFailuresOlderThanTheWindow() {
        ThreadFailureWindow policy = new ThreadFailureWindow(2, Duration.ofMinutes(1));
        assertThat(policy.tooMany(0)).isFalse();
        assertThat(policy.tooMany(10 * SECOND)).isFalse();
        // the first is more than a minute old by now
        assertThat(policy.tooMany(65 * SECOND)).isFalse();
        assertThat(policy.count()).isEqualTo(2);
        assertThat(policy.tooMany(66 * SECOND)).isTrue();
    }
}
