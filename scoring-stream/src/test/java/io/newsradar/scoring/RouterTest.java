package io.newsradar.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsradar.schemas.topics.Topics;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RouterTest {
    // these routes have no category condition
    private static final Set<String> NO_CATEGORIES = Set.of();

    private final Router router = new Router(ScoringRules.defaults().routes());

    @Test
    void shouldRouteDefenseAiAtOrAboveFive() {
        List<Route> routes = router.route(List.of("defense", "artificial-intelligence"), NO_CATEGORIES, 5.0);
        assertThat(routes).extracting(Route::name).containsExactly(Topics.DEFENSE_AI_ROUTE);
        assertThat(routes.get(0).priority()).isEqualTo("high");
        assertThat(routes.get(0).topic().name())
                .isEqualTo(Topics.alerts(Topics.DEFENSE_AI_ROUTE).name());
    }

    /** The broader default watch fires too when the article also names Japan or a Korea. */
    @Test
    void shouldAlsoRouteToTheKoreaJapanWatch() {
        assertThat(router.route(List.of("defense", "artificial-intelligence", "japan"), NO_CATEGORIES, 5.0))
                .extracting(Route::name)
                .containsExactly(Topics.DEFENSE_AI_ROUTE, Topics.DEFENSE_KOREA_JAPAN_ROUTE);
        assertThat(router.route(List.of("defense-cooperation", "north-korea"), NO_CATEGORIES, 3.0))
                .extracting(Route::name)
                .containsExactly(Topics.DEFENSE_KOREA_JAPAN_ROUTE);
        assertThat(router.route(List.of("defense", "china"), NO_CATEGORIES, 9.0))
                .isEmpty();
    }

    @Test
    void shouldNotRouteBelowMinimumScore() {
        assertThat(router.route(List.of("defense", "artificial-intelligence"), NO_CATEGORIES, 4.9))
                .isEmpty();
    }

    @Test
    void shouldNotRouteWithoutEveryRequiredTag() {
        assertThat(router.route(List.of("defense", "sports"), NO_CATEGORIES, 9.0))
                .isEmpty();
        assertThat(router.route(List.of("artificial-intelligence"), NO_CATEGORIES, 9.0))
                .isEmpty();
    }

    @Test
    void shouldKeepRouteOrderWhenSeveralMatch() {
        Router two = new Router(List.of(
                new Route("defense-ai", "high", Set.of("defense", "artificial-intelligence"), 5),
                new Route("all-defense", "low", Set.of("defense"), 0)));
        assertThat(two.route(Set.of("defense", "artificial-intelligence"), NO_CATEGORIES, 6))
                .extracting(Route::name)
                .containsExactly("defense-ai", "all-defense");
        assertThat(two.route(Set.of("defense"), NO_CATEGORIES, 1))
                .extracting(Route::name)
                .containsExactly("all-defense");
    }

    @Test
    void shouldRejectRouteNamesThatCannotBeTopics() {
        assertThatThrownBy(() -> new Route("Defense AI", "high", Set.of(), 5))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
