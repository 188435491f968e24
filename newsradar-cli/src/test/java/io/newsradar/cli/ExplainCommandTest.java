package io.newsradar.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsradar.avro.NewsArticle;
import io.newsradar.avro.ScoredArticle;
import io.newsradar.avro.Tag;
import io.newsradar.ingest.ArticleNormalizer;
import io.newsradar.ingest.JsonLinesArticleReader;
import io.newsradar.scoring.Route;
import io.newsradar.scoring.ScoringEngine;
import io.newsradar.scoring.ScoringRules;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code newsradar explain}: the scoring stream's verdict on articles, without Kafka. */
class ExplainCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path SAMPLES = Path.of("..", "config", "samples", "articles.jsonl");
    private static final Path TAXONOMY = Path.of("..", "config", "taxonomy.yaml");
    private static final String FETCHED_AT = "2026-04-20T12:00:00Z";

    @TempDir
    Path dir;

    @Test
    void shouldExplainEverySampleInOrderWithTheScoresOfTheScoringEngine() throws Exception {
        Run run = run(null, "explain", "--fetched-at", FETCHED_AT, SAMPLES.toString());

        assertThat(run.code).as(run.err).isEqualTo(ExitCodes.OK);
        List<ScoredArticle> expected = engineVerdicts(SAMPLES);
        List<JsonNode> lines = jsonLines(run.out);
        assertThat(lines)
                .hasSize(expected.size())
                .hasSize(Files.readAllLines(SAMPLES).size());
        for (int i = 0; i < expected.size(); i++) {
            ScoredArticle want = expected.get(i);
            JsonNode got = lines.get(i);
            assertThat(got.get("article").get("id").asText())
                    .isEqualTo(want.getArticle().getId());
            assertThat(got.get("score").asDouble())
                    .as("score of line %d", i + 1)
                    .isEqualTo(want.getScore());
            assertThat(texts(got.get("routes"))).isEqualTo(want.getRoutes());
            assertThat(got.get("rulesVersion").asText()).isEqualTo(want.getRulesVersion());
            assertThat(got.get("rationale").asText()).isEqualTo(want.getRationale());
            assertThat(got.get("contributions")).hasSize(want.getContributions().size());
            assertThat(got.get("keyPoints")).hasSize(want.getKeyPoints().size());
            List<String> tagIds = new ArrayList<>();
            got.get("tags").forEach(t -> tagIds.add(t.get("id").asText()));
            assertThat(tagIds)
                    .isEqualTo(want.getTags().stream().map(t -> t.getId()).toList());
            got.get("tags").forEach(t -> assertThat(t.get("fields")).isNotEmpty());
        }
        assertThat(lines).anySatisfy(l -> assertThat(l.get("routes")).isNotEmpty());
    }

    @Test
    void shouldExplainOnePrettyPrintedObject() throws Exception {
        String line = Files.readAllLines(SAMPLES).get(1);
        Path pretty = dir.resolve("one.json");
        Files.writeString(pretty, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(JSON.readTree(line)));
        assertThat(Files.readAllLines(pretty)).hasSizeGreaterThan(3);

        Run run = run(null, "explain", "--fetched-at", FETCHED_AT, pretty.toString());

        assertThat(run.code).as(run.err).isEqualTo(ExitCodes.OK);
        assertThat(jsonLines(run.out))
                .singleElement()
                .satisfies(got -> assertThat(got.get("score").asDouble())
                        .isEqualTo(engineVerdicts(SAMPLES).get(1).getScore()));
    }

    @Test
    void shouldReportABrokenPrettyPrintedObjectOnceAtTheParsersLine() throws Exception {
        Path pretty = dir.resolve("broken.json");
        Files.write(pretty, List.of("{", "  \"title\": \"Navy buys drones\",", "  \"url\" \"https://e.com/a\"", "}"));

        Run run = run(null, "explain", pretty.toString());

        assertThat(run.code).isEqualTo(ExitCodes.SOME_REJECTED);
        assertThat(run.err.strip().split("\\R"))
                .singleElement()
                .satisfies(l -> assertThat(l).startsWith(pretty + " line 3: not valid JSON"));
        assertThat(run.out).isEmpty();
    }

    @Test
    void shouldExplainNothingForAnEmptyInput() {
        Run run = run(new byte[0], "explain", "-");

        assertThat(run.code).as(run.err).isEqualTo(ExitCodes.OK);
        assertThat(run.out).isEmpty();
    }

    @Test
    void shouldReadStandardInputForADash() throws Exception {
        byte[] input = Files.readAllBytes(SAMPLES);

        Run run = run(input, "explain", "--fetched-at", FETCHED_AT, "-");

        assertThat(run.code).as(run.err).isEqualTo(ExitCodes.OK);
        List<JsonNode> lines = jsonLines(run.out);
        List<ScoredArticle> expected = engineVerdicts(SAMPLES);
        assertThat(lines).hasSize(expected.size());
        assertThat(lines.get(0).get("article").get("id").asText())
                .isEqualTo(expected.get(0).getArticle().getId());
    }

    @Test
    void shouldReportABadLineWithItsNumberAndStillExplainTheOthers() throws Exception {
        List<String> samples = Files.readAllLines(SAMPLES);
        Path file = dir.resolve("mixed.jsonl");
        Files.write(file, List.of(samples.get(0), "{\"title\": \"unterminated", samples.get(1), "{\"body\": \"x\"}"));

        Run run = run(null, "explain", "--fetched-at", FETCHED_AT, file.toString());

        assertThat(run.code).isEqualTo(ExitCodes.SOME_REJECTED);
        assertThat(run.err)
                .contains(file + " line 2: not valid JSON")
                .contains(file + " line 4: ")
                .doesNotContain("line 1:")
                .doesNotContain("line 3:");
        List<JsonNode> lines = jsonLines(run.out);
        List<ScoredArticle> expected = engineVerdicts(SAMPLES);
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0).get("article").get("id").asText())
                .isEqualTo(expected.get(0).getArticle().getId());
        assertThat(lines.get(1).get("article").get("id").asText())
                .isEqualTo(expected.get(1).getArticle().getId());
    }

    @Test
    void shouldTellPeopleEachContributionAndWhyAnArticleDoesNotAlert() throws Exception {
        // the non-alerting sample with the most to explain, whichever it is under today's rules
        int index = pick(false);
        ScoredArticle want = engineVerdicts(SAMPLES).get(index);
        Path one = dir.resolve("one.jsonl");
        Files.write(one, List.of(Files.readAllLines(SAMPLES).get(index)));

        Run run = run(null, "explain", "--text", "--fetched-at", FETCHED_AT, one.toString());

        assertThat(run.code).as(run.err).isEqualTo(ExitCodes.OK);
        assertThat(run.out).contains(want.getArticle().getTitle());
        assertThat(want.getContributions()).isNotEmpty();
        want.getContributions().forEach(c -> assertThat(run.out).contains(c.getReason()));
        want.getKeyPoints().forEach(k -> assertThat(run.out).contains(k));
        want.getTags().forEach(t -> assertThat(run.out).contains(t.getId()));
        assertThat(run.out).contains(want.getRationale());
        assertThat(run.out).contains(String.format(Locale.ROOT, "score %.1f", want.getScore()));
        assertThat(run.out).contains("story " + want.getStoryId() + ", carried by 1 outlet (scored alone");
        assertThat(run.out).containsPattern("defense-ai .*: does not alert because (it lacks|the score)");
    }

    @Test
    void shouldSayWhichRouteFiresForAnAlertingArticle() throws Exception {
        int index = pick(true);
        Path one = dir.resolve("one.jsonl");
        Files.write(one, List.of(Files.readAllLines(SAMPLES).get(index)));

        Run run = run(null, "explain", "--text", "--fetched-at", FETCHED_AT, one.toString());

        assertThat(run.code).as(run.err).isEqualTo(ExitCodes.OK);
        assertThat(run.out).containsPattern("defense-ai .*: alerts").doesNotContain("does not alert because");
    }

    /** For every route, fired or not, the report names the tag conditions and the score against the minimum. */
    @Test
    void shouldSayForEveryRouteWhichConditionsHeldAndWhichFailed() throws Exception {
        Path one = dir.resolve("destroyers.json");
        Files.writeString(one, """
                {"title": "Japan's navy orders two destroyers", "source": "Example Wire",
                 "url": "https://wire.example/destroyers", "publishedAt": "2026-04-20T11:00:00Z",
                 "body": "Japan's defence ministry ordered two destroyers worth $1.2 billion on Monday. \
                The ships will enter service in 2030."}
                """);

        Run run = run(null, "explain", "--text", "--fetched-at", FETCHED_AT, one.toString());

        assertThat(run.code).as(run.err).isEqualTo(ExitCodes.OK);
        assertThat(run.out)
                .containsPattern("defense-ai \\(priority high, to alerts.defense-ai.v1\\): does not alert because"
                        + " it lacks the required tag artificial-intelligence; and the score \\d\\.\\d is below"
                        + " the route's minimum 5.0")
                .containsPattern("defense-korea-japan \\(priority normal, to alerts.defense-korea-japan.v1\\): alerts"
                        + " because it carries defense \\(one of defense, defense-cooperation\\); and it carries japan"
                        + " \\(one of japan, north-korea, south-korea\\); and the score \\d+\\.\\d reaches the route's"
                        + " minimum 3.0");
    }

    @Test
    void shouldGiveEveryReasonARouteDoesNotFire() {
        Route route = new Route("defense-ai", "high", Set.of("defense", "artificial-intelligence"), 5.0);
        ScoredArticle scored = ScoredArticle.newBuilder(
                        engineVerdictsUnchecked().get(0))
                .setTags(List.of(Tag.newBuilder()
                        .setId("defense")
                        .setLabel("defense")
                        .setCategory("Security & Risk")
                        .setWeight(2.0)
                        .build()))
                .setScore(3.5)
                .setRoutes(List.of())
                .build();

        RouteVerdict verdict = RouteVerdict.of(route, scored);

        assertThat(verdict.fires()).isFalse();
        assertThat(verdict.reasons())
                .containsExactly(
                        "it lacks the required tag artificial-intelligence",
                        "the score 3.5 is below the route's minimum 5.0 (1.5 short)");
    }

    /** The sample, by index, that does (or does not) take a route and has the most contributions. */
    private static int pick(boolean alerting) throws IOException {
        List<ScoredArticle> verdicts = engineVerdicts(SAMPLES);
        int best = -1;
        for (int i = 0; i < verdicts.size(); i++) {
            ScoredArticle v = verdicts.get(i);
            if (v.getRoutes().isEmpty() != alerting
                    && (best < 0
                            || v.getContributions().size()
                                    > verdicts.get(best).getContributions().size())) {
                best = i;
            }
        }
        assertThat(best)
                .as("a sample that %s", alerting ? "alerts" : "does not alert")
                .isNotNegative();
        return best;
    }

    private static List<ScoredArticle> engineVerdictsUnchecked() {
        try {
            return engineVerdicts(SAMPLES);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void shouldTryOtherRulesFiles() throws Exception {
        Path routes = dir.resolve("routes.yaml");
        // a route every article takes: the output must come from these rules, not the configured ones
        Files.writeString(routes, "routes:\n  - name: everything\n    priority: low\n    minScore: 0.0\n");

        Run run = run(
                null,
                "explain",
                "--fetched-at",
                FETCHED_AT,
                "--taxonomy",
                TAXONOMY.toString(),
                "--routes",
                routes.toString(),
                SAMPLES.toString());

        assertThat(run.code).as(run.err).isEqualTo(ExitCodes.OK);
        String otherVersion = ScoringRules.load(TAXONOMY, routes).version();
        assertThat(jsonLines(run.out))
                .hasSize(Files.readAllLines(SAMPLES).size())
                .allSatisfy(l -> assertThat(l.get("rulesVersion").asText()).isEqualTo(otherVersion))
                .allSatisfy(l -> assertThat(texts(l.get("routes"))).containsExactly("everything"));
    }

    @Test
    void shouldTryARulesetBundle() throws Exception {
        // a route every article takes: the output must come from this bundle, not the configured rules
        Path bundle = dir.resolve("ruleset.yaml");
        Files.writeString(
                bundle,
                ScoringRules.bundleText(
                        Files.readString(TAXONOMY),
                        "routes:\n  - name: everything\n    priority: low\n    minScore: 0.0\n"));

        Run run = run(null, "explain", "--fetched-at", FETCHED_AT, "--rules", bundle.toString(), SAMPLES.toString());

        assertThat(run.code).as(run.err).isEqualTo(ExitCodes.OK);
        String bundleVersion = ScoringRules.loadBundle(bundle).version();
        assertThat(jsonLines(run.out))
                .hasSize(Files.readAllLines(SAMPLES).size())
                .allSatisfy(l -> assertThat(l.get("rulesVersion").asText()).isEqualTo(bundleVersion))
                .allSatisfy(l -> assertThat(texts(l.get("routes"))).containsExactly("everything"));
    }

    @Test
    void shouldRefuseABundleAndFilesTogether() {
        Run run = run(
                null,
                "explain",
                "--rules",
                TAXONOMY.toString(),
                "--taxonomy",
                TAXONOMY.toString(),
                "--routes",
                TAXONOMY.toString(),
                SAMPLES.toString());

        assertThat(run.code).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err).contains("not both");
        assertThat(run.out).isEmpty();
    }

    @Test
    void shouldRefuseATaxonomyWithoutRoutes() {
        Run run = run(null, "explain", "--taxonomy", TAXONOMY.toString(), SAMPLES.toString());

        assertThat(run.code).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err).contains("--routes");
        assertThat(run.out).isEmpty();
    }

    /** What the scoring stream's engine gives the same input, normalised the way ingest does. */
    private static List<ScoredArticle> engineVerdicts(Path file) throws IOException {
        ArticleNormalizer normalizer = new ArticleNormalizer(Clock.fixed(Instant.parse(FETCHED_AT), ZoneOffset.UTC));
        List<NewsArticle> articles =
                new JsonLinesArticleReader(normalizer).read(file).articles();
        ScoringEngine engine = ScoringEngine.of(ScoringRules.defaults());
        return articles.stream().map(a -> engine.score(a, 1)).toList();
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(n -> texts.add(n.asText()));
        return texts;
    }

    private static List<JsonNode> jsonLines(String out) throws IOException {
        List<JsonNode> nodes = new ArrayList<>();
        for (String line : out.split("\\R")) {
            if (!line.isEmpty()) {
                nodes.add(JSON.readTree(line));
            }
        }
        return nodes;
    }

    private static Run run(byte[] stdin, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = Newsradar.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        CommandLine explain = cl.getSubcommands().get("explain");
        if (stdin != null && explain != null) {
            ((ExplainCommand) explain.getCommand()).stdin = new ByteArrayInputStream(stdin);
        }
        int code = cl.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    private record Run(int code, String out, String err) {}
}
