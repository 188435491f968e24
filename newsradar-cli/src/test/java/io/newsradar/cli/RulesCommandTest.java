package io.newsradar.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code newsradar rules check} and {@code rules test --against SAMPLE}: no Kafka involved. */
class RulesCommandTest {
    static final String BASELINE = """
            name: watch
            version: 1
            tags:
              - id: defense
                label: defense
                category: Security & Risk
                weight: 3.0
                query: defense OR military
              - id: drones
                label: drones
                category: Technology
                weight: 3.0
                query: drone
            routes:
              - name: defense-drones
                priority: high
                requiredTags: [defense, drones]
                minScore: 1
            """;
    // one rule changed: drones are also "unmanned"
    static final String CANDIDATE = BASELINE.replace("query: drone\n", "query: drone OR unmanned\n");

    @TempDir
    Path dir;

    @Test
    void checkListsEveryProblemWithItsLineAndExitsWithOne() throws Exception {
        Path file = dir.resolve("bad.yaml");
        Files.writeString(
                file,
                BASELINE.replace("weight: 3.0\n    query: drone", "weight: 0\n    query: (drone")
                        .replace("[defense, drones]", "[defense, ai]"));

        Run run = run("rules", "check", file.toString());

        assertThat(run.code).isEqualTo(ExitCodes.FAILED);
        assertThat(run.err)
                .contains(file + ": 3 problems")
                .contains("line 12: ruleset " + file + ": tags[1] (drones).weight: must be non-zero")
                .contains("line 13: ruleset " + file + ": tags[1] (drones).query: ")
                .contains(
                        "line 17: ruleset " + file + ": routes[0] (defense-drones).requiredTags: unknown tag id 'ai'");
    }

    @Test
    void checkOfAValidRulesetPrintsItsVersionAndRoutes() throws Exception {
        Path file = dir.resolve("good.yaml");
        Files.writeString(file, BASELINE);

        Run run = run("rules", "check", file.toString());

        assertThat(run.code).as(run.err).isEqualTo(ExitCodes.OK);
        assertThat(run.out)
                .contains("valid, rules watch-1-")
                .contains("2 tags, 1 route (defense-drones -> alerts.defense-drones.v1)");
    }

    @Test
    void checkTakesTheTwoFilesToo() throws Exception {
        Path taxonomy = Path.of("..", "config", "taxonomy.yaml");
        Path routes = Path.of("..", "config", "routes.yaml");

        Run run = run("rules", "check", "--taxonomy", taxonomy.toString(), "--routes", routes.toString());

        assertThat(run.code).as(run.err).isEqualTo(ExitCodes.OK);
        assertThat(run.out).contains("valid, rules builtin-");
    }

    @Test
    void checkWithoutAFileIsAUsageError() {
        Run run = run("rules", "check");

        assertThat(run.code).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err).contains("give a ruleset FILE, or --taxonomy T --routes R");
    }

    @Test
    void backtestOnASampleCountsTagsAndListsTheAlertsThatDiffer() throws Exception {
        Path candidate = dir.resolve("candidate.yaml");
        Path baseline = dir.resolve("baseline.yaml");
        Files.writeString(candidate, CANDIDATE);
        Files.writeString(baseline, BASELINE);
        Path sample = dir.resolve("sample.jsonl");
        Files.write(
                sample,
                List.of(
                        article("a1", "Army tests military drone", "The military flew a drone.", "2026-04-01"),
                        article(
                                "a2",
                                "Navy orders unmanned boats",
                                "The defense ministry ordered unmanned boats.",
                                "2026-04-02"),
                        article("a3", "Harbour reopens", "The harbour reopened on Monday.", "2026-04-03"),
                        "{\"title\": "));

        Run run = run(
                "rules",
                "test",
                candidate.toString(),
                "--against",
                sample.toString(),
                "--baseline",
                baseline.toString());

        assertThat(run.code).as(run.err).isEqualTo(ExitCodes.SOME_REJECTED);
        assertThat(run.err).contains("sample.jsonl line 4");
        assertThat(run.out)
                .contains("articles:  3 from " + sample)
                .containsPattern("defense +2 +2 +0\\R")
                .containsPattern("drones +2 +1 +\\+1\\R")
                .contains("defense-drones: 2 articles")
                .contains("articles whose alerts differ from the baseline: 1")
                .containsPattern(
                        "Navy orders unmanned boats\\R +candidate alerts on defense-drones \\(score [0-9.]+\\), "
                                + "baseline no alert \\(score [0-9.]+\\)");
        assertThat(run.out.substring(run.out.indexOf("differ from the baseline")))
                .doesNotContain("Army tests");
    }

    static String article(String slug, String title, String body, String day) {
        return "{\"url\":\"https://rules-test.example.org/" + slug + "\",\"source\":\"rules-test\",\"title\":\"" + title
                + "\",\"body\":\"" + body + "\",\"publishedAt\":\"" + day + "T08:00:00Z\"}";
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = Newsradar.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    record Run(int code, String out, String err) {}
}
