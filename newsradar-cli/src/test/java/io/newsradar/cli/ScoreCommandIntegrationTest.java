package io.newsradar.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsradar.localkafka.LocalKafkaBroker;
import io.newsradar.localkafka.TopicAdmin;
import io.newsradar.schemas.topics.Topics;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

@Tag("integration")
class ScoreCommandIntegrationTest {
    @TempDir
    Path dir;

    @Test
    void shouldNameTheMissingTopicsInsteadOfStartingWhenAskedNotToCreateThem() {
        // a broker of its own: the shared one has every topic already
        try (LocalKafkaBroker empty = LocalKafkaBroker.startTemporary()) {
            StringWriter err = new StringWriter();
            CommandLine cl = Newsradar.commandLine();
            cl.setErr(new PrintWriter(err, true));

            int code = cl.execute("score", "--no-create-topics", "-b", empty.bootstrapServers());

            assertThat(code).isEqualTo(1);
            assertThat(err.toString())
                    .contains("topics missing")
                    .contains(Topics.NEWS_RAW.name())
                    .contains(Topics.alerts(Topics.DEFENSE_AI_ROUTE).name());
            assertThat(TopicAdmin.listTopics(empty.clientProps())).doesNotContain(Topics.NEWS_RAW.name());
        }
    }
}
