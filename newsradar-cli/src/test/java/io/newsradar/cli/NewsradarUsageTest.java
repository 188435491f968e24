package io.newsradar.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The top level of {@code newsradar}: its command list and what an unknown command gets. */
class NewsradarUsageTest {

    @Test
    void shouldRefuseAnUnknownCommandEvenWhenHelpIsAsked() {
        Run run = run("nosuch", "--help");

        assertThat(run.code).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err).contains("unknown command 'nosuch'").contains("Usage: newsradar");
        assertThat(run.out).isEmpty();
    }

    @Test
    void shouldRefuseAnUnknownCommand() {
        Run run = run("nosuch");

        assertThat(run.code).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err).contains("unknown command 'nosuch'").contains("Usage: newsradar");
    }

    @Test
    void shouldStillShowTheHelpOfAKnownCommand() {
        Run run = run("demo", "--help");

        assertThat(run.code).isZero();
        assertThat(run.out).contains("Usage: newsradar demo");
    }

    @Test
    void shouldListEveryCommandWithAWholeSentence() {
        Run run = run("--help");

        assertThat(run.code).isZero();
        Map<String, String> summaries = commandList(run.out);
        assertThat(summaries)
                .containsKeys(
                        "demo",
                        "broker",
                        "ingest",
                        "parse-feed",
                        "score",
                        "sink",
                        "tail",
                        "explain",
                        "rules",
                        "mute",
                        "unmute",
                        "mutes",
                        "retract",
                        "dlq",
                        "help");
        assertThat(summaries)
                .allSatisfy((name, summary) -> assertThat(summary).as(name).endsWith("."));
    }

    /** The "Commands:" section: name to its summary, continuation lines joined. */
    private static Map<String, String> commandList(String usage) {
        Map<String, String> summaries = new LinkedHashMap<>();
        String current = null;
        boolean inList = false;
        for (String line : usage.split("\\R")) {
            if (line.startsWith("Commands:")) {
                inList = true;
                continue;
            }
            if (!inList || line.isBlank()) {
                continue;
            }
            if (line.matches("  \\S.*")) {
                String[] parts = line.trim().split("\\s+", 2);
                current = parts[0];
                summaries.put(current, parts.length > 1 ? parts[1] : "");
            } else if (current != null) {
                summaries.put(current, summaries.get(current) + " " + line.trim());
            }
        }
        return summaries;
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = Newsradar.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    private record Run(int code, String out, String err) {}
}
