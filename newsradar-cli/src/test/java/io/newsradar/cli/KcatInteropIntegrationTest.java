package io.newsradar.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.newsradar.avro.NewsArticle;
import io.newsradar.ingest.ArticleNormalizer;
import io.newsradar.ingest.ArticlePublisher;
import io.newsradar.ingest.IngestJobs;
import io.newsradar.ingest.JsonLinesArticleReader;
import io.newsradar.schemas.config.NewsradarConfig;
import io.newsradar.schemas.topics.Topics;
import io.newsradar.scoring.ScoringApp;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Kafka client that is not ours, Debian's kcat (librdkafka), against {@code newsradar broker}
 * started the way a user starts it: as its own process.
 */
@Tag("integration")
class KcatInteropIntegrationTest {
    private static final Path SAMPLES = Path.of("..", "config", "samples", "articles.jsonl");

    @TempDir
    Path dir;

    @Test
    void shouldLetKcatListTheTopicsAndConsumeWhatThePipelineWrote() throws Exception {
        assumeTrue(
                kcatAvailable(),
                "kcat is not installed (Debian: apt-get install kcat; .ci/run installs it), "
                        + "so the interoperability check with a non-Java client cannot run here");
        Process broker = startBrokerProcess();
        try {
            String bootstrap = awaitBootstrapLine(broker);
            NewsradarConfig config = NewsradarConfig.defaults()
                    .with(NewsradarConfig.BOOTSTRAP_SERVERS, bootstrap)
                    .with(NewsradarConfig.STATE_DIR, dir.resolve("streams").toString());
            List<String> ids = new JsonLinesArticleReader(new ArticleNormalizer())
                    .read(SAMPLES).articles().stream().map(NewsArticle::getId).toList();
            try (ScoringApp scoring = new ScoringApp(config);
                    PipelineProgress progress = new PipelineProgress(config.kafkaClientProps())) {
                scoring.start();
                try (ArticlePublisher publisher = new ArticlePublisher(config)) {
                    IngestJobs.publishFile(SAMPLES, publisher);
                }
                Map<TopicPartition, Long> rawEnds = progress.endOffsets(List.of(Topics.NEWS_RAW.name()));
                await().atMost(Duration.ofSeconds(90))
                        .ignoreExceptions()
                        .until(() -> progress.streamsCaughtUp(config.get(NewsradarConfig.APPLICATION_ID), rawEnds));
            }

            String metadata = run("kcat", "-b", bootstrap, "-L");
            assertThat(metadata)
                    .contains(
                            Topics.NEWS_RAW.name(),
                            Topics.NEWS_SCORED.name(),
                            Topics.alerts(Topics.DEFENSE_AI_ROUTE).name(),
                            Topics.NEWS_DLQ.name());

            String keys = run(
                    "kcat",
                    "-b",
                    bootstrap,
                    "-X",
                    "isolation.level=read_committed",
                    "-C",
                    "-t",
                    Topics.NEWS_SCORED.name(),
                    "-o",
                    "beginning",
                    "-e",
                    "-q",
                    "-f",
                    "%k\\n");
            assertThat(keys.lines().toList()).containsExactlyInAnyOrderElementsOf(ids);
        } finally {
            broker.destroy(); // SIGTERM: the command's shutdown hook closes the broker cleanly
            assertThat(broker.waitFor(60, TimeUnit.SECONDS))
                    .as("broker process ended after SIGTERM")
                    .isTrue();
        }
    }

    private Process startBrokerProcess() throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(
                        java,
                        "-Xmx512m",
                        "-cp",
                        System.getProperty("java.class.path"),
                        Newsradar.class.getName(),
                        "broker",
                        "--data-dir",
                        dir.resolve("broker").toString())
                .redirectError(dir.resolve("broker.stderr").toFile())
                .start();
    }

    private static String awaitBootstrapLine(Process broker) throws InterruptedException {
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread reader = new Thread(
                () -> {
                    try (BufferedReader r = new BufferedReader(
                            new InputStreamReader(broker.getInputStream(), StandardCharsets.UTF_8))) {
                        String line;
                        while ((line = r.readLine()) != null) {
                            lines.add(line);
                        }
                    } catch (IOException ignored) {
                        // the process ended
                    }
                },
                "broker-stdout");
        reader.setDaemon(true);
        reader.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            String line = lines.poll(1, TimeUnit.SECONDS);
            if (line != null && line.startsWith("bootstrap.servers=")) {
                return line.substring("bootstrap.servers=".length()).strip();
            }
            if (!broker.isAlive()) {
                throw new AssertionError(
                        "newsradar broker exited with " + broker.exitValue() + " before printing its address");
            }
        }
        throw new AssertionError("newsradar broker printed no bootstrap.servers line within 60 s");
    }

    private static boolean kcatAvailable() {
        try {
            Process p =
                    new ProcessBuilder("kcat", "-V").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    private static String run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        assertThat(p.waitFor(60, TimeUnit.SECONDS))
                .as(String.join(" ", command))
                .isTrue();
        String text = new String(out, StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as(String.join(" ", command) + " -> " + text).isZero();
        return text;
    }
}
