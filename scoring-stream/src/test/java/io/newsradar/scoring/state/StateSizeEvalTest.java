package io.newsradar.scoring.state;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsradar.scoring.RevisionSettings;
import io.newsradar.scoring.stories.StorySettings;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The state store size of the scoring topology per 100,000 articles (docs/state-size.md): the
 * default settings (story window, revision retention), the service's Streams properties, a
 * {@link SyntheticNews} stream at a steady rate (by default 100,000 articles at 20,000 a day: five
 * days, so a 72-hour window fills and rolls), a fifth of them near-duplicate copies. Every store
 * the topology has is measured (the driver's stores, not a list of names), so the same command
 * measures the topology of the day.
 *
 * <p>A measurement, not a gate: tagged "eval", left out of the default build. It writes
 * target/eval/state-size.md and prints it:
 *
 * <pre>
 * mvn -B -pl scoring-stream -am verify -Dgroups=eval -Dtest=StateSizeEvalTest -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 *
 * {@code -Dnewsradar.statesize.articles=10000 -Dnewsradar.statesize.per.day=2000} is a quick run
 * over the same five days.
 */
@Tag("eval")
class StateSizeEvalTest {
    static final String ARTICLES = "newsradar.statesize.articles";
    static final String PER_DAY = "newsradar.statesize.per.day";
    private static final long DEFAULT_ARTICLES = 100_000;
    private static final long DEFAULT_PER_DAY = 20_000;
    private static final Instant T0 = Instant.parse("2026-06-01T00:00:00Z");
    private static final Duration SAMPLE_EVERY = Duration.ofDays(1);

    @TempDir
    Path stateDir;

    @Test
    void shouldMeasureTheStateStoresPer100000Articles() throws Exception {
        long articles = Long.getLong(ARTICLES, DEFAULT_ARTICLES);
        long perDay = Long.getLong(PER_DAY, DEFAULT_PER_DAY);
        StorySettings stories = StorySettings.defaults();
        RevisionSettings revisions = RevisionSettings.defaults();
        SyntheticNews news = new SyntheticNews(2026, T0, perDay / 24.0, SyntheticNews.Mix.realistic());

        long started = System.nanoTime();
        List<StateRun.Sample> daily = new ArrayList<>();
        StateRun.Sample last;
        StateSizeReport report;
        try (StateRun run = new StateRun(stateDir, revisions, stories)) {
            long endMs = T0.toEpochMilli() + Math.round(articles * 86_400_000.0 / perDay);
            long fed = 0;
            for (long t = T0.plus(SAMPLE_EVERY).toEpochMilli(); t < endMs; t += SAMPLE_EVERY.toMillis()) {
                StateRun.Sample day = run.feedUntil(news, t);
                daily.add(day);
                fed = day.articles();
                System.out.printf(Locale.ROOT, "StateSizeEvalTest: day %d, %,d articles%n", daily.size(), fed);
            }
            last = run.feed(news, articles - fed);
            report = new StateSizeReport(
                    articles,
                    perDay,
                    stories,
                    revisions,
                    daily,
                    last,
                    run,
                    Duration.ofNanos(System.nanoTime() - started));
        }
        Path out = Path.of("target", "eval", "state-size.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report.markdown(), StandardCharsets.UTF_8);
        System.out.println(report.markdown());
        System.out.println("report written to " + out.toAbsolutePath());

        assertThat(last.articles()).isEqualTo(articles);
        assertThat(last.totalEntries()).isPositive();
    }
}
