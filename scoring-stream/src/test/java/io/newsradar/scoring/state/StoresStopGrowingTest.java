package io.newsradar.scoring.state;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsradar.scoring.RevisionSettings;
import io.newsradar.scoring.ScoringTopology;
import io.newsradar.scoring.stories.StorySettings;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every state store of the scoring topology stops growing once its window is full: with a window
 * (and revision retention) of an hour, articles at a steady rate for eight windows, and a census of
 * every store of the driver (found by iteration, not by name) at each window boundary, no store
 * holds more than half again what it held at the end of the second window.
 *
 * <p>The bound is real: the same run with the revision store's default retention of 30 days (a
 * store that does not expire within the run) breaks it for that store.
 */
class StoresStopGrowingTest {
    private static final Duration WINDOW = Duration.ofHours(1);
    private static final int WINDOWS = 8;
    private static final int PER_WINDOW = 120;
    private static final Instant T0 = Instant.parse("2026-06-01T00:00:00Z");
    // the second window on: by its end every store has filled its window at least once
    private static final int FULL_FROM = 2;
    private static final double GROWTH_BOUND = 1.5;
    // a store with a handful of entries at window 2 may hold a few more later (a story still
    // running at a boundary); 16 is far below a window's articles, so a store that keeps every
    // article still fails
    private static final long SLACK = 16;

    @TempDir
    Path stateDir;

    private static StorySettings stories(Duration window) {
        return new StorySettings(
                window,
                StorySettings.DEFAULT_BANDS,
                StorySettings.DEFAULT_ROWS,
                StorySettings.DEFAULT_SIMILARITY,
                StorySettings.DEFAULT_COOLDOWN,
                StorySettings.DEFAULT_BUCKET_CAP);
    }

    /** A census at the end of each window, first to last. */
    private List<StateRun.Sample> run(RevisionSettings revisions, Path dir) {
        SyntheticNews news = new SyntheticNews(
                42,
                T0,
                PER_WINDOW * (3_600_000.0 / WINDOW.toMillis()),
                // copies and corrections of the last half window, so the stories end within the run
                new SyntheticNews.Mix(0.20, 0.05, WINDOW.dividedBy(2)));
        List<StateRun.Sample> samples = new ArrayList<>();
        try (StateRun run = new StateRun(dir, revisions, stories(WINDOW))) {
            for (int w = 1; w <= WINDOWS; w++) {
                samples.add(run.feedUntil(news, T0.plus(WINDOW.multipliedBy(w)).toEpochMilli()));
            }
        }
        return samples;
    }

    /** The stores holding more, after the window filled, than the bound allows; with the totals as "total". */
    private static Set<String> overBound(List<StateRun.Sample> samples) {
        Set<String> over = new TreeSet<>();
        StateRun.Sample full = samples.get(FULL_FROM - 1);
        for (StoreCensus.StoreSize store : full.stores()) {
            long bound = (long) (GROWTH_BOUND * store.entries()) + SLACK;
            for (StateRun.Sample later : samples.subList(FULL_FROM, samples.size())) {
                if (later.entries(store.name()) > bound) {
                    over.add(store.name());
                }
            }
        }
        long totalBound = (long) (GROWTH_BOUND * full.totalEntries());
        for (StateRun.Sample later : samples.subList(FULL_FROM, samples.size())) {
            if (later.totalEntries() > totalBound) {
                over.add("total");
            }
        }
        return over;
    }

    private static String table(List<StateRun.Sample> samples) {
        StringBuilder b = new StringBuilder("entries per store at the end of windows 1-" + samples.size() + ":\n");
        for (StoreCensus.StoreSize s : samples.get(0).stores()) {
            b.append("  ")
                    .append(s.name())
                    .append(' ')
                    .append(StateRun.entriesOf(samples, s.name()))
                    .append('\n');
        }
        return b.toString();
    }

    @Test
    void shouldStopEveryStoreGrowingOnceTheWindowIsFull() {
        List<StateRun.Sample> samples =
                run(new RevisionSettings(WINDOW, RevisionSettings.DEFAULT_RECENT_HASHES), stateDir);
        System.out.println(table(samples)); // in target/surefire-reports: what the stores held

        // the run fills the stores: the revision store holds at least the window's articles
        assertThat(samples.get(FULL_FROM - 1).entries(ScoringTopology.REVISIONS_STORE))
                .as(table(samples))
                .isGreaterThanOrEqualTo(PER_WINDOW);
        assertThat(overBound(samples)).as(table(samples)).isEmpty();
    }

    @Test
    void shouldCatchAStoreThatDoesNotExpireWithinTheRun() {
        // a retention of 30 days: nothing expires in eight hours, so the store grows all along
        List<StateRun.Sample> samples = run(RevisionSettings.defaults(), stateDir);

        assertThat(overBound(samples))
                .as(table(samples))
                .contains(ScoringTopology.REVISIONS_STORE, ScoringTopology.REVISIONS_BY_LAST_SEEN_STORE);
    }
}
