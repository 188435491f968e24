package io.newsradar.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/** {@code score --http-port} and {@code sink --http-port}: checked before anything connects, documented in the help. */
class HttpPortOptionTest {
    @ParameterizedTest
    @ValueSource(strings = {"score", "sink"})
    void aPortOutOfRangeIsAUsageErrorBeforeAnyConnection(String command) {
        for (String port : new String[] {"-1", "65536"}) {
            StringWriter err = new StringWriter();
            CommandLine cl = Newsradar.commandLine();
            cl.setErr(new PrintWriter(err, true));
            cl.setOut(new PrintWriter(new StringWriter(), true));

            // nothing listens on port 9: a check after connecting would fail differently
            int code = cl.execute(command, "--http-port", port, "-b", "127.0.0.1:9");

            assertThat(code).as(command + " --http-port " + port).isEqualTo(ExitCodes.USAGE);
            assertThat(err.toString()).contains("--http-port must be between 0 and 65535");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"score", "sink"})
    void theHelpNamesTheOptionAndTheDefaultPort(String command) {
        StringWriter out = new StringWriter();
        CommandLine cl = Newsradar.commandLine();
        cl.setOut(new PrintWriter(out, true));

        assertThat(cl.execute(command, "--help")).isZero();

        assertThat(out.toString())
                .contains("--http-port=PORT")
                .contains("http.port")
                .contains(command.equals("score") ? "8082" : "8083");
    }

    @org.junit.jupiter.api.Test
    void theBannerNamesTheAddressAndThePaths() {
        assertThat(HttpPortOption.banner(18082))
                .isEqualTo("HTTP at http://127.0.0.1:18082/ (GET /health, /ready, /metrics)");
    }
}
