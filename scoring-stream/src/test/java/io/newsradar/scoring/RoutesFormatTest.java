package io.newsradar.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsradar.schemas.topics.Topics;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The routes file: all-of / any-of / none-of over tags and categories, the requiredTags alias, the checks. */
class RoutesFormatTest {
    private static final String TAXONOMY = """
            name: test
            version: 1
            tags:
              - {id: defense, label: defense, category: Security & Risk, weight: 1.0, query: defense}
              - {id: defense-cooperation, label: defense cooperation, category: Security & Risk, weight: 1.0,
                 query: '"defense cooperation"'}
              - {id: japan, label: japan, category: Geography, weight: 0.1, query: japan}
              - {id: south-korea, label: south korea, category: Geography, weight: 0.1, query: seoul}
              - {id: sports, label: sports, category: Negative signals, weight: -3.0, query: football}
            """;

    private static List<Route> routes(String yaml) {
        return ScoringRules.parse(TAXONOMY, "tax.yaml", yaml, "routes.yaml").routes();
    }

    @Test
    void shouldReadGroupsOfAnyOfAsAndOfOrs() {
        Route r = routes("""
                        routes:
                          - name: watch
                            priority: normal
                            tags:
                              anyOf: [[defense, defense-cooperation], [japan, south-korea]]
                              noneOf: [sports]
                            minScore: 3
                        """).get(0);

        assertThat(r.matches(Set.of("defense", "japan"), Set.of(), 3.0)).isTrue();
        assertThat(r.matches(Set.of("defense-cooperation", "south-korea"), Set.of(), 9.0))
                .isTrue();
        assertThat(r.matches(Set.of("defense"), Set.of(), 9.0)).as("no country").isFalse();
        assertThat(r.matches(Set.of("japan"), Set.of(), 9.0)).as("no defense").isFalse();
        assertThat(r.matches(Set.of("defense", "japan", "sports"), Set.of(), 9.0))
                .as("excluded")
                .isFalse();
        assertThat(r.matches(Set.of("defense", "japan"), Set.of(), 2.9))
                .as("score")
                .isFalse();
    }

    @Test
    void shouldReadAFlatAnyOfAsOneGroupAndRequiredTagsAsAllOf() {
        Route r = routes("""
                        routes:
                          - name: any
                            priority: low
                            requiredTags: [defense]
                            tags: {anyOf: [japan, south-korea]}
                            minScore: 0
                        """).get(0);
        assertThat(r.requiredTags()).containsExactly("defense");
        assertThat(r.tags().anyOf()).containsExactly(Set.of("japan", "south-korea"));
        assertThat(r.matches(Set.of("defense", "south-korea"), Set.of(), 0)).isTrue();
        assertThat(r.matches(Set.of("south-korea"), Set.of(), 0)).isFalse();
    }

    @Test
    void shouldMatchCategoriesOfTheTags() {
        Route r = routes("""
                        routes:
                          - name: security
                            priority: low
                            categories: {allOf: [Security & Risk], noneOf: [Negative signals]}
                            minScore: 0
                        """).get(0);
        assertThat(r.matches(Set.of("defense"), Set.of("Security & Risk"), 1)).isTrue();
        assertThat(r.matches(Set.of("defense", "sports"), Set.of("Security & Risk", "Negative signals"), 1))
                .isFalse();
        Router router = new Router(List.of(r));
        TagRule sports = new TagRule("sports", "sports", "Negative signals", -3.0, "football");
        TagRule defense = new TagRule("defense", "defense", "Security & Risk", 1.0, "defense");
        Hit hit = new Hit(ArticleField.TITLE, "x", 0, 1);
        assertThat(router.routeFor(List.of(new TagMatch(defense, List.of(hit))), 1.0))
                .containsExactly(r);
        assertThat(router.routeFor(
                        List.of(new TagMatch(defense, List.of(hit)), new TagMatch(sports, List.of(hit))), 1.0))
                .isEmpty();
    }

    @Test
    void shouldExplainEveryConditionThatHeldOrFailed() {
        Route r = routes("""
                        routes:
                          - name: watch
                            priority: normal
                            tags:
                              allOf: [defense]
                              anyOf: [japan, south-korea]
                              noneOf: [sports]
                            minScore: 5
                        """).get(0);

        Route.Check check = r.check(Set.of("japan", "sports"), Set.of(), 3.5);

        assertThat(check.fires()).isFalse();
        assertThat(check.failed())
                .containsExactly(
                        "it lacks the required tag defense",
                        "it carries the excluded tag sports",
                        "the score 3.5 is below the route's minimum 5.0 (1.5 short)");
        assertThat(check.met()).containsExactly("it carries japan (one of japan, south-korea)");
        assertThat(r.check(Set.of("defense", "south-korea"), Set.of(), 5.0).met())
                .containsExactly(
                        "it carries the required tag defense",
                        "it carries south-korea (one of japan, south-korea)",
                        "it carries none of the excluded tags sports",
                        "the score 5.0 reaches the route's minimum 5.0");
    }

    @Test
    void shouldNameTheFieldOfEveryRouteError() {
        assertThatThrownBy(() -> routes("""
                        routes:
                          - {name: a, priority: low, tags: {anyOf: [[defense], [robots]]}, minScore: 1}
                        """))
                .hasMessageStartingWith("routes routes.yaml: routes[0] (a).tags.anyOf[1]: unknown tag id 'robots'");
        assertThatThrownBy(() -> routes("""
                        routes:
                          - {name: a, priority: low, categories: {allOf: [Sport]}, minScore: 1}
                        """))
                .hasMessageStartingWith("routes routes.yaml: routes[0] (a).categories.allOf: unknown category 'Sport'");
        assertThatThrownBy(() -> routes("""
                        routes:
                          - {name: a, priority: low, requiredTags: [defense], tags: {allOf: [japan]}, minScore: 1}
                        """))
                .hasMessageContaining("routes[0] (a).requiredTags: give the required tags once");
        assertThatThrownBy(() -> routes("""
                        routes:
                          - {name: a, priority: low, tags: {anyOf: [defense, [japan]]}, minScore: 1}
                        """))
                .hasMessageContaining("routes[0] (a).tags.anyOf: must be a list of names, or a list of lists");
        assertThatThrownBy(() -> routes("""
                        routes:
                          - {name: a, priority: low, tags: {allOf: [defense], noneOf: [defense]}, minScore: 1}
                        """))
                .hasMessageContaining("routes[0] (a).tags.noneOf: 'defense' is also required");
        assertThatThrownBy(() -> routes("""
                        routes:
                          - {name: a, priority: low, tags: {oneOf: [defense]}, minScore: 1}
                        """)).hasMessageContaining("unknown field 'oneOf'");
    }

    /** Every default route's alert topic is in the default catalogue, so start-up and the demo create it. */
    @Test
    void shouldShipTwoDefaultRoutesWhoseTopicsAreInTheCatalogue() {
        List<Route> defaults = ScoringRules.defaults().routes();
        assertThat(defaults).extracting(Route::name).containsExactlyElementsOf(Topics.DEFAULT_ROUTES);
        assertThat(Topics.all().stream().map(t -> t.name()))
                .containsAll(defaults.stream().map(r -> r.topic().name()).toList());
        Route watch = defaults.get(1);
        assertThat(watch.priority()).isEqualTo("normal");
        assertThat(watch.tags().anyOf())
                .containsExactly(
                        Set.of("defense", "defense-cooperation"), Set.of("south-korea", "japan", "north-korea"));
    }
}
