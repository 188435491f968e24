package io.newsradar.scoring.mutes;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsradar.schemas.mutes.MuteKind;
import io.newsradar.schemas.mutes.MuteRecord;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** What a mute covers: kind and value, case, expiry by the article's event time, several mutes at once. */
class MuteDirectoryTest {
    private static final Instant UNTIL = Instant.parse("2026-12-01T18:00:00Z");
    private static final Instant CREATED = Instant.parse("2026-11-30T12:00:00Z");
    private static final long BEFORE = UNTIL.minusSeconds(3600).toEpochMilli();
    private static final long AFTER = UNTIL.plusSeconds(1).toEpochMilli();

    private final MuteDirectory mutes = new MuteDirectory();

    private static MuteRecord mute(MuteKind kind, String value, String reason) {
        return new MuteRecord(kind, value, UNTIL, reason, CREATED);
    }

    @Test
    void nothingMutedGivesNoReason() {
        assertThat(mutes.reasonFor("s1", "Example Wire", List.of("defense"), BEFORE))
                .isEmpty();
    }

    @Test
    void aMutedTagCoversArticlesBeforeTheEndOfItsPeriodByEventTime() {
        mutes.put(mute(MuteKind.TAG, "defense", "drill week"));

        assertThat(mutes.reasonFor("s1", "Example Wire", List.of("ai", "defense"), BEFORE))
                .contains("Not alerted: tag defense muted until 2026-12-01T18:00Z (reason: drill week)");
        // the same article later in event time is no longer muted: the period is over
        assertThat(mutes.reasonFor("s1", "Example Wire", List.of("ai", "defense"), AFTER))
                .isEmpty();
        assertThat(mutes.reasonFor("s1", "Example Wire", List.of("defense"), UNTIL.toEpochMilli()))
                .as("until is the first instant no longer muted")
                .isEmpty();
        assertThat(mutes.reasonFor("s1", "Example Wire", List.of("ai"), BEFORE)).isEmpty();
    }

    @Test
    void sourcesAndTagsMatchCaseInsensitivelyStoriesExactly() {
        mutes.put(mute(MuteKind.SOURCE, "Example Wire", ""));
        mutes.put(mute(MuteKind.STORY, "AbC123", ""));

        assertThat(mutes.reasonFor("x", "EXAMPLE WIRE", List.of(), BEFORE))
                .contains("Not alerted: source Example Wire muted until 2026-12-01T18:00Z");
        assertThat(mutes.reasonFor("AbC123", "Other", List.of(), BEFORE))
                .contains("Not alerted: story AbC123 muted until 2026-12-01T18:00Z");
        assertThat(mutes.reasonFor("abc123", "Other", List.of(), BEFORE)).isEmpty();

        mutes.put(mute(MuteKind.TAG, "Defense", ""));
        assertThat(mutes.reasonFor("x", "Other", List.of("DEFENSE"), BEFORE)).isPresent();
    }

    @Test
    void everyCoveringMuteIsNamedInAFixedOrder() {
        mutes.put(mute(MuteKind.TAG, "defense", ""));
        mutes.put(mute(MuteKind.TAG, "ai", "noisy"));
        mutes.put(mute(MuteKind.SOURCE, "Example Wire", ""));
        mutes.put(mute(MuteKind.STORY, "s1", ""));

        assertThat(mutes.reasonFor("s1", "example wire", List.of("defense", "ai"), BEFORE))
                .contains("Not alerted: story s1 muted until 2026-12-01T18:00Z;"
                        + " source Example Wire muted until 2026-12-01T18:00Z;"
                        + " tag ai muted until 2026-12-01T18:00Z (reason: noisy);"
                        + " tag defense muted until 2026-12-01T18:00Z");
    }

    @Test
    void aRemovedOrReplacedMuteNoLongerCovers() {
        MuteRecord tag = mute(MuteKind.TAG, "defense", "");
        mutes.put(tag);
        mutes.remove(tag.key());
        assertThat(mutes.reasonFor("s1", "w", List.of("defense"), BEFORE)).isEmpty();
        assertThat(mutes.size()).isZero();

        mutes.put(tag);
        // muted again with a shorter period: the later record wins
        mutes.put(new MuteRecord(MuteKind.TAG, "defense", UNTIL.minusSeconds(7200), "", CREATED));
        assertThat(mutes.reasonFor("s1", "w", List.of("defense"), BEFORE)).isEmpty();
        assertThat(mutes.size()).isOne();
    }

    @Test
    void toleratesMissingArticleFields() {
        mutes.put(mute(MuteKind.SOURCE, "Example Wire", ""));
        assertThat(mutes.reasonFor(null, null, null, BEFORE)).isEmpty();
    }

    @Test
    void readsWhileTheGlobalThreadWrites() throws Exception {
        // one writer (the global thread) and several readers (stream threads), as in the app
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            CountDownLatch start = new CountDownLatch(1);
            Future<?> writer = pool.submit(() -> {
                start.await();
                for (int i = 0; i < 2_000; i++) {
                    mutes.put(mute(MuteKind.TAG, "t" + i, ""));
                    mutes.remove("tag:t" + (i - 1));
                }
                return null;
            });
            List<Future<Integer>> readers = List.of(pool.submit(() -> read(start)), pool.submit(() -> read(start)));
            start.countDown();
            writer.get(30, TimeUnit.SECONDS);
            for (Future<Integer> r : readers) {
                assertThat(r.get(30, TimeUnit.SECONDS)).isEqualTo(2_000);
            }
            assertThat(mutes.size()).isOne();
        } finally {
            pool.shutdownNow();
        }
    }

    private int read(CountDownLatch start) throws InterruptedException {
        start.await();
        int calls = 0;
        for (int i = 0; i < 2_000; i++) {
            // never throws, whatever the writer is doing
            mutes.reasonFor("s", "w", List.of("t" + i, "t" + (i + 1)), BEFORE);
            calls++;
        }
        return calls;
    }
}
