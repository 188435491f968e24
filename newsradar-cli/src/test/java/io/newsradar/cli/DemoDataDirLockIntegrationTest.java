package io.newsradar.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsradar.localkafka.LocalKafkaBroker;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code demo --fresh} next to a running demo: the running one's data must survive. */
@Tag("integration")
class DemoDataDirLockIntegrationTest {
    private static final Path SAMPLES = Path.of("..", "config", "samples");

    @TempDir
    Path dataDir;

    @Test
    void shouldRefuseToDeleteTheDataDirOfARunningBroker() throws Exception {
        Files.writeString(dataDir.resolve(DemoDataDir.MARKER), "");
        Path alerts = Files.writeString(dataDir.resolve("alerts.jsonl"), "{\"alertId\":\"kept\"}\n");
        // the broker a running demo has, in this process: the demo's lock is the broker's
        try (LocalKafkaBroker running = LocalKafkaBroker.start(dataDir.resolve("broker"))) {
            String pid = String.valueOf(ProcessHandle.current().pid());

            assertThatThrownBy(() -> DemoDataDir.delete(dataDir))
                    .hasMessageContaining("a demo is running on this data dir (pid " + pid);

            StringWriter err = new StringWriter();
            CommandLine cl = Newsradar.commandLine();
            cl.setOut(new PrintWriter(new StringWriter(), true));
            cl.setErr(new PrintWriter(err, true));
            int code = cl.execute(
                    "demo", "--once", "--fresh", "--data-dir", dataDir.toString(), "--samples", SAMPLES.toString());

            assertThat(code).isEqualTo(ExitCodes.FAILED);
            assertThat(err.toString()).contains("a demo is running on this data dir (pid " + pid);
            assertThat(alerts).hasContent("{\"alertId\":\"kept\"}\n");
            assertThat(dataDir.resolve(DemoDataDir.MARKER)).exists();
            assertThat(dataDir.resolve("broker").resolve("kafka-logs").resolve("meta.properties"))
                    .exists();
        }
    }
}
