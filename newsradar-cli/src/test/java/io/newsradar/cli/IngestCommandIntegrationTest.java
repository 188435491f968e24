package io.newsradar.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsradar.schemas.topics.Topics;
import io.newsradar.testsupport.TestKafka;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
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

        assertThat(code).isEqualTo(IngestCommand.EXIT_SOME_REJECTED);
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
}
