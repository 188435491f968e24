package io.newsradar.ingest.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsradar.schemas.config.NewsradarConfig;
import io.newsradar.schemas.feeds.FeedPartitions;
import io.newsradar.schemas.feeds.FeedRecord;
import io.newsradar.schemas.feeds.FeedState;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FeedScheduleTest {
    private static final int PARTITIONS = 1;
    private static final Instant NOW = Instant.parse("2026-11-30T00:00:00Z");
    private static final PollerSettings SETTINGS = PollerSettings.from(NewsradarConfig.defaults()
            .with(PollerSettings.INSTANCE_ID, "test")
            .with(PollerSettings.COMMIT_RETRY_MS, "1000"));

    private static FeedRecord feed(String id, String host) {
        return new FeedRecord(id, "http://" + host + "/rss", "", Duration.ofMinutes(15), 0, List.of(), "", "");
    }

    private static FeedSchedule loaded(int maxInFlight, Map<String, FeedState> states, FeedRecord... feeds) {
        FeedSchedule s = new FeedSchedule(PARTITIONS, maxInFlight);
        s.assign(List.of(0));
        for (FeedRecord f : feeds) {
            s.put(0, f);
        }
        s.stateLoaded(0, states, Set.of());
        return s;
    }

    @Test
    void feedsWithoutStateAreDueNowAndOtherAtTheirNextPollTime() {
        FeedState later = FeedState.initial("b", "http://b.test/rss", NOW.plusSeconds(60));
        FeedSchedule s = loaded(8, Map.of("b", later), feed("a", "a.test"), feed("b", "b.test"));

        assertThat(s.takeDue(NOW)).extracting(d -> d.feed().id()).containsExactly("a");
        assertThat(s.takeDue(NOW.plusSeconds(60)))
                .extracting(d -> d.feed().id())
                .containsExactly("b");
    }

    @Test
    void nothingIsDueBeforeThePartitionsStatesAreRead() {
        FeedSchedule s = new FeedSchedule(PARTITIONS, 8);
        s.assign(List.of(0));
        s.put(0, feed("a", "a.test"));

        assertThat(s.takeDue(NOW)).isEmpty();
        assertThat(s.pendingLoads()).containsExactly(0);
        s.stateLoaded(0, Map.of(), Set.of());
        assertThat(s.takeDue(NOW)).hasSize(1);
    }

    @Test
    void oneRequestAtATimePerHostAndNoMoreThanTheCap() {
        FeedSchedule s = loaded(
                2, Map.of(), feed("a1", "a.test"), feed("a2", "a.test"), feed("b", "b.test"), feed("c", "c.test"));

        List<FeedSchedule.Due> first = s.takeDue(NOW);
        assertThat(first).hasSize(2);
        assertThat(first).extracting(d -> d.lease().host()).doesNotHaveDuplicates();
        assertThat(s.takeDue(NOW)).isEmpty(); // the cap

        FeedSchedule.Due a = first.stream()
                .filter(d -> d.lease().host().equals("a.test"))
                .findFirst()
                .orElseThrow();
        assertThat(s.finish(a.lease())).isPresent();
        List<FeedSchedule.Due> next = s.takeDue(NOW);
        assertThat(next).hasSize(1);
        assertThat(next.get(0).lease().host()).isNotEqualTo(first.get(1).lease().host());
    }

    @Test
    void aRevokedOrRemovedFeedsOutcomeIsNotCommittedButItsHostIsFreed() {
        FeedSchedule s = loaded(8, Map.of(), feed("a", "a.test"), feed("b", "b.test"));
        List<FeedSchedule.Due> due = s.takeDue(NOW);
        FeedSchedule.Lease a = due.stream()
                .filter(d -> d.feed().id().equals("a"))
                .findFirst()
                .orElseThrow()
                .lease();
        FeedSchedule.Lease b = due.stream()
                .filter(d -> d.feed().id().equals("b"))
                .findFirst()
                .orElseThrow()
                .lease();

        s.remove(0, "a");
        assertThat(s.finish(a)).isEmpty();
        assertThat(s.revoke(List.of(0))).containsExactly(b);
        assertThat(s.inFlight(b)).isTrue();
        assertThat(s.finish(b)).isEmpty();
        assertThat(s.inFlightCount()).isZero();
    }

    @Test
    void aFailedCommitKeepsTheOldStateAndBacksOff() {
        FeedSchedule s = loaded(8, Map.of(), feed("a", "a.test"));
        FeedSchedule.Lease lease = s.takeDue(NOW).get(0).lease();
        assertThat(s.finish(lease)).isPresent();

        Instant again = s.notCommitted("a", NOW, SETTINGS);
        assertThat(again).isEqualTo(NOW.plusSeconds(1));
        assertThat(s.state("a")).isEmpty();
        assertThat(s.takeDue(NOW.plusMillis(999))).isEmpty();
        assertThat(s.takeDue(again)).hasSize(1);
        assertThat(s.notCommitted("a", again, SETTINGS)).isEqualTo(again.plusSeconds(2));
    }

    @Test
    void aFeedOnTheWrongPartitionIsNotPolled() {
        FeedSchedule s = new FeedSchedule(8, 8);
        FeedRecord f = feed("a", "a.test");
        int right = FeedPartitions.partitionFor(f.url(), 8);
        int wrong = (right + 1) % 8;
        s.assign(List.of(right, wrong));
        s.stateLoaded(right, Map.of(), Set.of());
        s.stateLoaded(wrong, Map.of(), Set.of());

        s.put(wrong, f);
        assertThat(s.takeDue(NOW)).isEmpty();
        s.put(right, f);
        assertThat(s.takeDue(NOW)).hasSize(1);
    }
}
