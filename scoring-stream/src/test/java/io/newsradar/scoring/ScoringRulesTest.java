package io.newsradar.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScoringRulesTest {
    private static final String TAXONOMY = """
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
                weight: 1.0
                query: cased:AI
            """;
    private static final String ROUTES = """
            routes:
              - name: defense-ai
                priority: high
                requiredTags: [defense, artificial-intelligence]
                minScore: 5
            """;

    private static ScoringRules parse(String taxonomy, String routes) {
        return ScoringRules.parse(taxonomy, "tax.yaml", routes, "routes.yaml");
    }

    @Test
    void shouldLoadTheBuiltInDefaults() {
        ScoringRules rules = ScoringRules.defaults();
        assertThat(rules.version()).matches("builtin-2-[0-9a-f]{8}");
        assertThat(rules.taxonomy().rules())
                .extracting(TagRule::id)
                .contains(
                        "defense",
                        "artificial-intelligence",
                        "defense-cooperation",
                        "international-relations",
                        "south-korea",
                        "japan",
                        "united-states",
                        "sports",
                        "opinion",
                        "retrospective");
        assertThat(rules.routes()).extracting(Route::name).containsExactly("defense-ai", "defense-korea-japan");
    }

    @Test
    void shouldChangeVersionWhenEitherFileChanges() {
        String v = parse(TAXONOMY, ROUTES).version();
        assertThat(v).startsWith("test-2-");
        assertThat(parse(TAXONOMY, ROUTES).version()).isEqualTo(v);
        assertThat(parse(TAXONOMY, ROUTES.replace("minScore: 5", "minScore: 6")).version())
                .isNotEqualTo(v);
        assertThat(parse(TAXONOMY.replace("weight: 1.0\n    query: defense", "weight: 1.5\n    query: defense"), ROUTES)
                        .version())
                .isNotEqualTo(v);
    }

    @Test
    void shouldUseDefaultScoringSettingsWhenSectionIsAbsent() {
        assertThat(parse(TAXONOMY, ROUTES).taxonomy().scoring()).isEqualTo(ScoringSettings.defaults());
    }

    @Test
    void shouldNameFileLineAndFieldOfAnUnknownField() {
        assertThatThrownBy(() -> parse(
                        TAXONOMY.replace("weight: 1.0\n    query: cased", "wieght: 1.0\n    query: cased"), ROUTES))
                .isInstanceOf(RulesException.class)
                .hasMessageStartingWith("tax.yaml: line ")
                .hasMessageContaining("unknown field 'wieght'")
                .hasMessageContaining("tags[1]");
    }

    @Test
    void shouldNameTheTagWithAMissingWeight() {
        assertThatThrownBy(
                        () -> parse(TAXONOMY.replace("    weight: 1.0\n    query: cased", "    query: cased"), ROUTES))
                .isInstanceOf(RulesException.class)
                .hasMessage(
                        "taxonomy tax.yaml: tags[1] (artificial-intelligence).weight: missing: every tag needs a weight (negative for penalties)");
    }

    @Test
    void shouldRejectDuplicateTagIds() {
        String dup = TAXONOMY.replace("id: artificial-intelligence", "id: defense");
        assertThatThrownBy(() -> parse(dup, ROUTES)).hasMessageContaining("tag id 'defense' is defined twice");
    }

    @Test
    void shouldRejectTagsWithoutAQuery() {
        String none = TAXONOMY.replace("    query: cased:AI\n", "");
        assertThatThrownBy(() -> parse(none, ROUTES))
                .hasMessage("taxonomy tax.yaml: tags[1] (artificial-intelligence).query: missing or empty");
    }

    @Test
    void shouldRejectMinMatchesAboveTheNumberOfAlternatives() {
        String tooMany =
                TAXONOMY.replace("query: defense OR military", "query: defense OR military\n    minMatches: 3");
        assertThatThrownBy(() -> parse(tooMany, ROUTES))
                .hasMessageContaining(
                        "tags[0] (defense).query: minMatches 3 needs a query whose top level is at least 3");
    }

    @Test
    void shouldNameTheRuleAndThePositionOfABadQuery() {
        String mixed = TAXONOMY.replace("query: defense OR military", "query: defense AND army OR military");
        assertThatThrownBy(() -> parse(mixed, ROUTES))
                .isInstanceOf(RulesException.class)
                .hasMessageStartingWith("taxonomy tax.yaml: tags[0] (defense).query: column 18: 'OR' mixed with 'AND'"
                        + " (column 9) at the same level without parentheses");
    }

    @Test
    void shouldPointAtTheQueryWhenTheOldKeywordFormatIsUsed() {
        String old = TAXONOMY.replace("query: defense OR military", "keywords: [defense, military]");
        assertThatThrownBy(() -> parse(old, ROUTES))
                .isInstanceOf(RulesException.class)
                .hasMessageContaining("unknown field 'keywords'")
                .hasMessageContaining("replaced by a Boolean 'query' (docs/rules.md)");
    }

    @Test
    void shouldRejectRoutesNamingUnknownTags() {
        assertThatThrownBy(() -> parse(TAXONOMY, ROUTES.replace("artificial-intelligence]", "ai]")))
                .isInstanceOf(RulesException.class)
                .hasMessageContaining("routes routes.yaml: routes[0] (defense-ai).requiredTags: unknown tag id 'ai'");
    }

    @Test
    void shouldRejectRouteNamesThatCannotNameATopic() {
        assertThatThrownBy(() -> parse(TAXONOMY, ROUTES.replace("name: defense-ai", "name: Defense AI")))
                .hasMessageContaining("routes[0] (Defense AI).name: must be lower-case letters");
    }

    @Test
    void shouldRejectScoresOutsideTheScale() {
        assertThatThrownBy(() -> parse(TAXONOMY, ROUTES.replace("minScore: 5", "minScore: 11")))
                .hasMessageContaining("minScore: must be between 0 and 10");
    }

    @Test
    void shouldReportYamlSyntaxErrorsWithTheirLine() {
        assertThatThrownBy(() -> parse("name: test\ntags: [unclosed\n", ROUTES))
                .isInstanceOf(RulesException.class)
                .hasMessageStartingWith("tax.yaml: line ");
    }

    @Test
    void shouldRejectEmptyFiles() {
        assertThatThrownBy(() -> parse("  \n", ROUTES)).hasMessage("tax.yaml: the file is empty");
    }

    @Test
    void shouldRejectUnknownTagsInScoringSettings() {
        String withPair = TAXONOMY + """
                scoring:
                  pairs:
                    - tags: [defense, robots]
                      title: 1.0
                """;
        assertThatThrownBy(() -> parse(withPair, ROUTES))
                .hasMessageContaining("scoring.pairs[0].tags: unknown tag id 'robots'");
    }

    @Test
    void shouldNameTheFileWhenLoadingFromDisk(@TempDir Path dir) throws IOException {
        Path tax = Files.writeString(dir.resolve("taxonomy.yaml"), TAXONOMY.replace("version: 2", "version: zero"));
        Path routes = Files.writeString(dir.resolve("routes.yaml"), ROUTES);
        assertThatThrownBy(() -> ScoringRules.load(tax, routes))
                .isInstanceOf(RulesException.class)
                .hasMessageStartingWith(tax + ": line 2");
        assertThatThrownBy(() -> ScoringRules.load(dir.resolve("missing.yaml"), routes))
                .hasMessage(dir.resolve("missing.yaml") + ": file not found");
    }

    @Test
    void shouldLoadGoodFilesFromDisk(@TempDir Path dir) throws IOException {
        Path tax = Files.writeString(dir.resolve("taxonomy.yaml"), TAXONOMY);
        Path routes = Files.writeString(dir.resolve("routes.yaml"), ROUTES);
        ScoringRules rules = ScoringRules.load(tax, routes);
        assertThat(rules.version()).isEqualTo(parse(TAXONOMY, ROUTES).version());
    }

    @Test
    void aBundleIsBothFilesInOneDocumentWithTheSameVersion(@TempDir Path dir) throws IOException {
        Path bundle = Files.writeString(dir.resolve("ruleset.yaml"), ScoringRules.bundleText(TAXONOMY, ROUTES));
        ScoringRules rules = ScoringRules.loadBundle(bundle);
        ScoringRules pair = parse(TAXONOMY, ROUTES);
        assertThat(rules.version()).isEqualTo(pair.version());
        assertThat(rules.routes()).isEqualTo(pair.routes());
        assertThat(rules.taxonomy().rules()).isEqualTo(pair.taxonomy().rules());
    }

    @Test
    void aBundleErrorNamesTheBundleAndThePlace(@TempDir Path dir) throws IOException {
        Path bundle = Files.writeString(
                dir.resolve("ruleset.yaml"),
                ScoringRules.bundleText(TAXONOMY, ROUTES.replace("minScore: 5", "minScore: 11")));
        assertThatThrownBy(() -> ScoringRules.loadBundle(bundle))
                .isInstanceOf(RulesException.class)
                .hasMessageStartingWith("ruleset " + bundle + ": routes[0]")
                .hasMessageContaining("minScore");
    }

    @Test
    void theDefaultBundleHasTheDefaultsVersion() {
        assertThat(ScoringRules.parseBundle(ScoringRules.defaultBundleText(), "defaults")
                        .version())
                .isEqualTo(ScoringRules.defaults().version());
    }
}
