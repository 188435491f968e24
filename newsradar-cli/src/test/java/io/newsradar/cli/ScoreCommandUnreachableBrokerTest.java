package io.newsradar.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code newsradar score} against an address where no Kafka broker answers: a bounded wait, then
 * the infrastructure exit code and a message naming the address. No broker is needed: a socket
 * that accepts connections and never answers stands in for a dead one, and holding it open keeps
 * any other process from taking the port during the test.
 */
class ScoreCommandUnreachableBrokerTest {
    @TempDir
    Path dir;

    @Test
    void shouldExitWithTheInfrastructureCodeNamingTheBootstrapServers() throws Exception {
        Path config = dir.resolve("short-timeouts.properties");
        // the admin step's wait is bounded by the client's own timeout setting
        Files.writeString(config, "kafka.request.timeout.ms=1000\nkafka.default.api.timeout.ms=2000\n");
        try (ServerSocket silent = new ServerSocket()) {
            silent.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            String bootstrap = "127.0.0.1:" + silent.getLocalPort();
            for (String[] args : new String[][] {
                {"score", "-b", bootstrap, "--config", config.toString()},
                {"score", "-b", bootstrap, "--config", config.toString(), "--no-create-topics"}
            }) {
                StringWriter err = new StringWriter();
                CommandLine cl = Newsradar.commandLine();
                cl.setErr(new PrintWriter(err, true));

                int code = cl.execute(args);

                assertThat(code).as(String.join(" ", args) + "\n" + err).isEqualTo(ExitCodes.INFRASTRUCTURE);
                assertThat(err.toString()).contains("newsradar score").contains(bootstrap);
            }
        }
    }
}
