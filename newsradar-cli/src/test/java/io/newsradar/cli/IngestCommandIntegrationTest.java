package io.newsradar.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.newsradar.localkafka.LocalKafkaBroker;
import io.newsradar.localkafka.TopicAdmin;
import io.newsradar.schemas.limits.ArticleLimits;
import io.newsradar.schemas.topics.Topics;
import io.newsradar.testsupport.TestKafka;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

@Tag("integration")
class IngestCommandIntegrationTest {
    @TempDir
    Path dir;

    @Test
    void shouldPublishTheGoodLinesNameTheBadOneAndExitWithThree() throws Exception {
        TestKafka.ensureTopics(Topics.all());
        Path file = dir.resolve("mixed.jsonl");
        String id = TestKafka.uniqueId("ingest-cli");
        Files.writeString(
                file,
                String.join(
                        "\n",
                        "{\"url\":\"https://cli.example.org/" + id
                                + "\",\"source\":\"cli\",\"title\":\"Bridge reopens\","
                                + "\"body\":\"The bridge reopened on Monday.\",\"publishedAt\":\"2026-05-01T08:00:00Z\"}",
                        "{\"url\": \"https://cli.example.org/broken\", \"title\": ",
                        ""));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = Newsradar.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));

        int code = cl.execute(
                "ingest",
                "-b",
                TestKafka.bootstrapServers(),
                "--file",
                file.toString(),
                "--feed",
                dir.resolve("missing-feed.xml").toString());

        assertThat(code).as(err.toString()).isEqualTo(IngestCommand.EXIT_SOME_REJECTED);
        assertThat(out.toString()).contains("read 2, published 1, rejected 1");
        assertThat(err.toString()).contains("mixed.jsonl").contains("line 2").contains("missing-feed.xml");
    }

    @Test
    void shouldRefuseToRunWithoutAnyInput() {
        StringWriter err = new StringWriter();
        CommandLine cl = Newsradar.commandLine();
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute("ingest", "-b", "127.0.0.1:1");
        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("--file or --feed");
    }

    @Test
    void shouldExitWithFourNamingTheBootstrapServersWhenNoBrokerListens() throws IOException {
        Path file = dir.resolve("one.jsonl");
        Files.writeString(file, "{\"url\":\"https://cli.example.org/nobroker\",\"title\":\"t\"}\n");
        String bootstrap = "127.0.0.1:" + freePort();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = Newsradar.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));

        // a hang guard, not a timing assertion: before the fix this took a minute or more
        int code = assertTimeoutPreemptively(
                Duration.ofSeconds(90),
                () -> cl.execute("ingest", "-b", bootstrap, "--broker-timeout", "2", "--file", file.toString()));

        assertThat(code).as(err.toString()).isEqualTo(ExitCodes.INFRASTRUCTURE);
        assertThat(err.toString()).contains("cannot reach the Kafka cluster at " + bootstrap);
    }

    @Test
    void shouldExitWithFourNamingTheTopicWhenItIsMissingAndMayNotBeCreated() throws IOException {
        Path file = dir.resolve("one.jsonl");
        Files.writeString(file, "{\"url\":\"https://cli.example.org/notopic\",\"title\":\"t\"}\n");
        // a broker of its own: the shared one has every topic already
        try (LocalKafkaBroker empty = LocalKafkaBroker.startTemporary()) {
            StringWriter err = new StringWriter();
            CommandLine cl = Newsradar.commandLine();
            cl.setOut(new PrintWriter(new StringWriter(), true));
            cl.setErr(new PrintWriter(err, true));

            int code = assertTimeoutPreemptively(
                    Duration.ofSeconds(90),
                    () -> cl.execute(
                            "ingest",
                            "-b",
                            empty.bootstrapServers(),
                            "--no-create-topics",
                            "--broker-timeout",
                            "5",
                            "--file",
                            file.toString()));

            assertThat(code).as(err.toString()).isEqualTo(ExitCodes.INFRASTRUCTURE);
            assertThat(err.toString())
                    .contains("topic " + Topics.NEWS_RAW.name() + " does not exist")
                    .contains(empty.bootstrapServers())
                    .contains("--no-create-topics");
            assertThat(TopicAdmin.listTopics(empty.clientProps())).doesNotContain(Topics.NEWS_RAW.name());
        }
    }

    @Test
    void shouldReportTruncatedBodiesOversizedTitlesAndArticlesWithANewId() throws Exception {
        TestKafka.ensureTopics(Topics.all());
        String id = TestKafka.uniqueId("ingest-cli-limits");
        Path file = dir.resolve("sizes.jsonl");
        Files.writeString(
                file,
                String.join(
                        "\n",
                        "{\"url\":\"https://www.cli.example.org/" + id + "/www\",\"title\":\"www link\"}",
                        "{\"url\":\"https://cli.example.org/" + id + "/big\",\"title\":\"" + "t".repeat(9 * 1024)
                                + "\"}",
                        "{\"url\":\"https://cli.example.org/" + id + "/long\",\"title\":\"long\",\"body\":\""
                                + "word ".repeat(ArticleLimits.MAX_BODY_BYTES / 4) + "\"}",
                        ""));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = Newsradar.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));

        int code = cl.execute("ingest", "-b", TestKafka.bootstrapServers(), "--file", file.toString());

        assertThat(code).as(err.toString()).isEqualTo(ExitCodes.SOME_REJECTED);
        assertThat(out.toString())
                .contains("read 3, published 2, rejected 1, truncated 1")
                .contains("1 article has a new id under id scheme 2");
        assertThat(err.toString())
                .contains("rejected: " + file + " line 2: title is 9216 bytes")
                .contains("truncated: " + file + " line 3: body is");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
