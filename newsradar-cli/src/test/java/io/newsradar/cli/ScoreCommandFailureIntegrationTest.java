package io.newsradar.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.newsradar.localkafka.LocalKafkaBroker;
import io.newsradar.schemas.topics.Topics;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code newsradar score} says why the stream stopped when it stops by itself. */
@Tag("integration")
class ScoreCommandFailureIntegrationTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    @Test
    void shouldExitNamingARouteTopicDeletedWhileScoring() throws Exception {
        // a broker of its own: the test deletes a topic the other tests use
        try (LocalKafkaBroker broker = LocalKafkaBroker.startTemporary()) {
            Path config = Files.writeString(
                    dir.resolve("score.properties"),
                    String.join(
                            "\n",
                            "scoring.application.id=score-failure-it",
                            "scoring.state.dir="
                                    + dir.resolve("state").toString().replace('\\', '/'),
                            // checks often, so the test need not wait out the 15 s default
                            "scoring.topic.check.interval.ms=200",
                            ""));
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            CommandLine cl = Newsradar.commandLine();
            cl.setOut(new PrintWriter(out, true));
            cl.setErr(new PrintWriter(err, true));

            CompletableFuture<Integer> score = CompletableFuture.supplyAsync(() -> cl.execute(
                    "score", "--config", config.toString(), "-b", broker.bootstrapServers(), "--http-port", "0"));
            await().atMost(TIMEOUT).until(() -> out.toString().contains("HTTP at ") || score.isDone());
            Matcher banner = Pattern.compile(
                            "HTTP at http://127\\.0\\.0\\.1:(\\d+)/ \\(GET /health, /ready, " + "/metrics\\)")
                    .matcher(out.toString());
            assertThat(banner.find()).as(out.toString()).isTrue();
            Scrape metrics = Scrape.of(Integer.parseInt(banner.group(1)));
            assertThat(metrics.value("newsradar_scoring_scored_total")).hasValue(0.0);
            String routeTopic = Topics.alerts(Topics.DEFENSE_AI_ROUTE).name();
            try (Admin admin = Admin.create(broker.clientProps())) {
                admin.deleteTopics(List.of(routeTopic)).all().get(30, TimeUnit.SECONDS);
            }

            int code = score.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            // a lost topic is the cluster's doing, not the code's: the infrastructure exit code
            assertThat(code).isEqualTo(ExitCodes.INFRASTRUCTURE);
            assertThat(err.toString())
                    .contains("stopped by itself")
                    .contains(routeTopic)
                    .contains("deleted");
        }
    }
}
