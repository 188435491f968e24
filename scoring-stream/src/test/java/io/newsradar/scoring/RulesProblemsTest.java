package io.newsradar.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code rules check}: every problem of a ruleset at once, each with its rule id or route name and its line. */
class RulesProblemsTest {
    private static final String BUNDLE = """
            name: test
            version: 2
            tags:
              - id: defense
                label: defense
                category: Security & Risk
                weight: 1.0
                query: defense OR military
              - id: artificial-intelligence
                label: artificial intelligence
                category: Technology
                weight: 0
                query: (AI OR robots AND drones
              - id: cyber
                label: cyber
                category: Technology
                weight: 1.0
                query: ""
            routes:
              - name: defense-ai
                priority: high
                requiredTags: [defense, ai]
                minScore: 5
              - name: Broad Watch
                priority: low
                minScore: 11
            """;

    @Test
    void listsEveryProblemWithItsRuleOrRouteAndLine() {
        RulesException e =
                catchThrowableOfType(() -> ScoringRules.parseBundle(BUNDLE, "bundle.yaml"), RulesException.class);

        List<String> messages = e.problems().stream().map(RulesProblem::message).toList();
        assertThat(messages)
                .containsExactly(
                        "ruleset bundle.yaml: tags[1] (artificial-intelligence).weight: must be non-zero and between"
                                + " -10.0 and 10.0 (got 0.0)",
                        messages.get(1),
                        "ruleset bundle.yaml: tags[2] (cyber).query: missing or empty",
                        messages.get(3),
                        "ruleset bundle.yaml: routes[1] (Broad Watch).name: must be lower-case letters, digits and"
                                + " '-' (got 'Broad Watch')",
                        "ruleset bundle.yaml: routes[1] (Broad Watch).minScore: must be between 0 and 10 (got 11.0)");
        assertThat(messages.get(1)).startsWith("ruleset bundle.yaml: tags[1] (artificial-intelligence).query: ");
        assertThat(messages.get(3))
                .startsWith("ruleset bundle.yaml: routes[0] (defense-ai).requiredTags: unknown tag id 'ai'");
        assertThat(e.problems()).extracting(RulesProblem::line).containsExactly(12, 13, 18, 22, 24, 26);
        assertThat(e.getMessage()).contains(String.join("\n", messages));
    }

    @Test
    void oneProblemKeepsTodaysMessage() {
        RulesException e = catchThrowableOfType(
                () -> ScoringRules.parseBundle(
                        BUNDLE.replace("weight: 0", "weight: 1")
                                .replace("query: (AI OR robots AND drones", "query: AI")
                                .replace("query: \"\"", "query: cyber")
                                .replace("[defense, ai]", "[defense]")
                                .replace("Broad Watch", "broad")
                                .replace("minScore: 11", "minScore: 1")
                                .replace("  - id: cyber", "  - id: defense"),
                        "bundle.yaml"),
                RulesException.class);

        assertThat(e).hasMessage("ruleset bundle.yaml: tags[2] (defense): tag id 'defense' is defined twice");
        assertThat(e.problems()).hasSize(1);
        assertThat(e.problems().get(0).line()).isEqualTo(14);
    }

    @Test
    void twoFilesReportTheProblemsOfBoth() {
        String taxonomy = BUNDLE.substring(0, BUNDLE.indexOf("routes:"));
        String routes = BUNDLE.substring(BUNDLE.indexOf("routes:"));
        RulesException e = catchThrowableOfType(
                () -> ScoringRules.parse(taxonomy, "tax.yaml", routes, "routes.yaml"), RulesException.class);

        assertThat(e.problems()).hasSize(6);
        assertThat(e.problems().get(0).message()).startsWith("taxonomy tax.yaml: tags[1]");
        assertThat(e.problems().get(5).message()).startsWith("routes routes.yaml: routes[1] (Broad Watch).minScore");
        assertThat(e.problems().get(5).line()).isEqualTo(8);
    }

    @Test
    void unreadableYamlIsOneProblemWithItsLine() {
        RulesException e = catchThrowableOfType(
                () -> ScoringRules.parseBundle("name: x\nversion: 1\ntags:\n  - id: [\n", "bad.yaml"),
                RulesException.class);
        assertThat(e.problems()).hasSize(1);
        assertThat(e.problems().get(0).message()).startsWith("bad.yaml: line ");
    }

    @Test
    void scoreAndRouteConditionProblemsAreListedTooWithoutStoppingAtTheFirst() {
        String bundle = """
                name: test
                version: 1
                scoring:
                  pairs:
                    - tags: [defense]
                      title: 1.0
                  sources:
                    "": 1.0
                    Example Wire: 9.0
                tags:
                  - {id: defense, label: defense, category: Security & Risk, weight: 1.0, query: defense}
                routes:
                  - name: watch
                    priority: normal
                    tags:
                      anyOf: [defense, [japan]]
                    minScore: 3
                  - name: other
                    priority: low
                    tags:
                      noneOf: [defense]
                    categories:
                      allOf: [Weather]
                    minScore: 1
                """;
        RulesException e =
                catchThrowableOfType(() -> ScoringRules.parseBundle(bundle, "bundle.yaml"), RulesException.class);

        List<String> messages = e.problems().stream().map(RulesProblem::message).toList();
        assertThat(messages).hasSize(5);
        assertThat(messages.get(0)).startsWith("ruleset bundle.yaml: scoring.pairs[0].tags: must name exactly two");
        assertThat(messages.get(1)).startsWith("ruleset bundle.yaml: scoring.sources: an outlet name is empty");
        assertThat(messages.get(2)).contains("scoring.sources.Example Wire: must be a weight between");
        assertThat(messages.get(3))
                .contains("routes[0] (watch).tags.anyOf: must be a list of names, or a list of lists");
        assertThat(messages.get(4)).contains("routes[1] (other).categories.allOf: unknown category 'Weather'");
    }
}
