package io.newsradar.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Length alone never decides: a short wire item that names defense, AI and money clears the
 * defense-ai route, and near misses (AI without defense, defense without AI, sports, opinion,
 * retrospectives) do not.
 */
class WireItemsTest {
    private static final ScoringEngine ENGINE = ScoringEngine.of(ScoringRules.defaults());

    @AfterAll
    static void close() {
        ENGINE.close();
    }

    static Stream<WireItems.Item> items() {
        return WireItems.all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("items")
    void shouldAlertExactlyTheItemsAnAnalystWants(WireItems.Item item) {
        Evaluation e = ENGINE.evaluate(item.article());
        List<String> routes = e.routes().stream().map(Route::name).toList();
        if (item.alert()) {
            assertThat(routes).as(e.card().rationale()).contains("defense-ai");
        } else {
            assertThat(routes).as(e.card().rationale()).doesNotContain("defense-ai");
        }
    }

    @Test
    void shouldHaveAtLeastSixShortItemsThatAlert() {
        assertThat(WireItems.alerting())
                .hasSizeGreaterThanOrEqualTo(6)
                .allSatisfy(i -> assertThat(SentenceSplitter.split(i.article().getBody()))
                        .hasSizeBetween(2, 4));
    }

    @Test
    void shouldSayAShortItemWasScoredOnItsSummaryOnly() {
        ScoreCard card = ENGINE.evaluate(WireItems.alerting().get(0).article()).card();
        assertThat(card.rationale()).containsPattern("Scored on the summary only \\(\\d+ words of body\\)\\.$");
        ScoreCard full =
                ENGINE.evaluate(Articles.sample("tidewatch-joint-ai-programme")).card();
        assertThat(full.rationale()).doesNotContain("summary only");
    }
}
