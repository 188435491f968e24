package io.newsradar.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsradar.ingest.ArticleNormalizer;
import io.newsradar.ingest.FeedReader;
import io.newsradar.ingest.JsonLinesArticleReader;
import io.newsradar.schemas.json.AlertJson;
import io.newsradar.schemas.topics.Topics;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code newsradar demo --once}, the way the README runs it, twice on one data dir. */
@Tag("integration")
class DemoCommandIntegrationTest {
    private static final Path SAMPLES = Path.of("..", "config", "samples");
    private static final Pattern SUMMARY =
            Pattern.compile("summary: ingested (\\d+), scored (\\d+), alerted (\\d+), dead-lettered (\\d+)");

    @TempDir
    Path dataDir;

    @Test
    void shouldProcessTheSampleThenCountItAsRepeatsOnASecondRunOverTheSameData() throws Exception {
        int fileArticles = countFileArticles();
        int sampleArticles = fileArticles + countFeedArticles();

        Run first = demo();
        assertThat(first.exitCode).as(first.out).isZero();
        assertThat(first.ingested).isEqualTo(sampleArticles);
        assertThat(first.scored).isEqualTo(sampleArticles);
        assertThat(first.deadLettered).isZero();
        assertThat(first.alerted).isPositive();
        List<String> lines = Files.readAllLines(dataDir.resolve("alerts.jsonl"));
        assertThat(lines).hasSize((int) first.alerted);
        // the default routes: the samples' Japan and Korea defense stories also feed the broader watch
        assertThat(lines.stream().map(AlertJson::fromJson).map(AlertJson.AlertView::route))
                .contains("defense-ai")
                .containsAnyElementsOf(List.of("defense-korea-japan"))
                .allMatch(Topics.DEFAULT_ROUTES::contains);

        // the feeds were polled over HTTP: their first poll's backlog is published, scored and held
        assertThat(first.out).contains("(" + (sampleArticles - fileArticles) + " new from the sample feeds)");
        // one server for the whole process, its metrics address printed
        assertThat(first.out).containsPattern("metrics of all three services at http://127\\.0\\.0\\.1:\\d+/metrics");

        // the broker log, the stream's dedupe store, the sink's offsets and the feeds' states all
        // survive a restart: the file is published again (exact repeats), the feeds answer 304
        Run second = demo();
        assertThat(second.exitCode).as(second.out).isZero();
        assertThat(second.out).contains("earlier run");
        assertThat(second.out).contains("(0 new from the sample feeds)");
        assertThat(second.ingested).isEqualTo(fileArticles);
        assertThat(second.scored).isZero();
        assertThat(second.alerted).isZero();
        assertThat(second.out).contains("exact repeats not scored again " + fileArticles);
        assertThat(Files.readAllLines(dataDir.resolve("alerts.jsonl"))).hasSize((int) first.alerted);
    }

    private Run demo() {
        StringWriter out = new StringWriter();
        CommandLine cl = Newsradar.commandLine();
        cl.setOut(new PrintWriter(out, true));
        int code = cl.execute(
                "demo",
                "--once",
                "--data-dir",
                dataDir.toString(),
                "--samples",
                SAMPLES.toString(),
                "--timeout",
                "120");
        return new Run(code, out.toString());
    }

    private static int countFileArticles() throws Exception {
        return new JsonLinesArticleReader(new ArticleNormalizer())
                .read(SAMPLES.resolve("articles.jsonl"))
                .articles()
                .size();
    }

    private static int countFeedArticles() throws Exception {
        ArticleNormalizer normalizer = new ArticleNormalizer();
        int n = 0;
        try (Stream<Path> feeds = Files.list(SAMPLES.resolve("feeds"))) {
            for (Path feed : feeds.toList()) {
                n += new FeedReader(normalizer).read(feed.toString()).articles().size();
            }
        }
        return n;
    }

    private static final class Run {
        final int exitCode;
        final String out;
        final long ingested;
        final long scored;
        final long alerted;
        final long deadLettered;

        Run(int exitCode, String out) {
            this.exitCode = exitCode;
            this.out = out;
            Matcher m = SUMMARY.matcher(out);
            boolean found = m.find();
            this.ingested = found ? Long.parseLong(m.group(1)) : -1;
            this.scored = found ? Long.parseLong(m.group(2)) : -1;
            this.alerted = found ? Long.parseLong(m.group(3)) : -1;
            this.deadLettered = found ? Long.parseLong(m.group(4)) : -1;
        }
    }
}
