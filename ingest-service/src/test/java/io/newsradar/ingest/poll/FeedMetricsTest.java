package io.newsradar.ingest.poll;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class FeedMetricsTest {
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final FeedMetrics metrics = new FeedMetrics(registry);

    @Test
    void shouldCountPublishedItemsPerFeedWhenTheRuntimeSaysSo() {
        metrics.published("f1", 3);
        metrics.published("f1", 2);
        metrics.published("f2", 0);

        assertThat(registry.get(FeedMetrics.ITEMS_PUBLISHED)
                        .tag("feed", "f1")
                        .counter()
                        .count())
                .isEqualTo(5);
        assertThat(registry.find(FeedMetrics.ITEMS_PUBLISHED).tag("feed", "f2").counter())
                .isNull();
    }

    @Test
    void shouldStartTheLastSuccessGaugeFromTheStoredStateAndNeverMoveItBack() {
        Instant stored = Instant.parse("2026-11-29T12:00:00Z");
        metrics.polled("f1", stored);
        assertThat(gauge("f1")).isEqualTo(stored.getEpochSecond());

        metrics.notModified("f1", stored.plusSeconds(60));
        metrics.polled("f1", stored);

        assertThat(gauge("f1")).isEqualTo(stored.plusSeconds(60).getEpochSecond());
        metrics.polled("f2", null);
        assertThat(gauge("f2")).isZero();
    }

    @Test
    void shouldForgetAllMetersOfARemovedFeed() {
        metrics.polled("f1", null);
        metrics.failed("f1", PollFailure.TIMEOUT);
        metrics.published("f1", 1);
        metrics.polled("f2", null);

        metrics.forget("f1");

        assertThat(registry.getMeters())
                .allSatisfy(m -> assertThat(m.getId().getTag("feed")).isEqualTo("f2"));
        assertThat(registry.getMeters()).isNotEmpty();
    }

    private double gauge(String feed) {
        return registry.get(FeedMetrics.LAST_SUCCESS).tag("feed", feed).gauge().value();
    }
}
