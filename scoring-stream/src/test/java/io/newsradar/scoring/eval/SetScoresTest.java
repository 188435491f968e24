package io.newsradar.scoring.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SetScoresTest {

    private static LabelledItem item(String id, String... tags) {
        return new LabelledItem(id, "g", Set.of(tags));
    }

    /*
     * Five items, hand-counted:
     *   defense:      labelled 1,2,3; predicted 1,2,4   -> TP 2, FP 1 (4), FN 1 (3): P 2/3, R 2/3
     *   china:        labelled 5;     predicted none    -> TP 0, FP 0, FN 1: P undefined, R 0
     *   japan:        labelled none;  predicted 5       -> TP 0, FP 1, FN 0: P 0, R undefined
     * "sports" is predicted but not a scored tag: ignored.
     */
    private final List<LabelledItem> items = List.of(
            item("i1", "defense"), item("i2", "defense"), item("i3", "defense"), item("i4"), item("i5", "china"));
    private final Map<String, Set<String>> predicted = Map.of(
            "i1", Set.of("defense", "sports"),
            "i2", Set.of("defense"),
            "i3", Set.of(),
            "i4", Set.of("defense"),
            "i5", Set.of("japan"));

    @Test
    void shouldCountAgainstHandComputedValues() {
        SetScores s = SetScores.compute("tiny", items, predicted, List.of("defense", "china", "japan"));

        TagResult defense = s.byTag().get("defense");
        assertThat(defense.counts()).isEqualTo(new TagCounts(2, 1, 1));
        assertThat(defense.counts().precision().getAsDouble()).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(defense.counts().recall().getAsDouble()).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(defense.counts().f1().getAsDouble()).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(defense.falsePositiveIds()).containsExactly("i4");
        assertThat(defense.falseNegativeIds()).containsExactly("i3");

        TagCounts china = s.counts("china");
        assertThat(china).isEqualTo(new TagCounts(0, 0, 1));
        assertThat(china.precision()).isEmpty();
        assertThat(china.recall()).hasValue(0.0);
        assertThat(china.f1()).isEmpty();

        TagCounts japan = s.counts("japan");
        assertThat(japan).isEqualTo(new TagCounts(0, 1, 0));
        assertThat(japan.precision()).hasValue(0.0);
        assertThat(japan.recall()).isEmpty();
        assertThat(s.byTag()).containsOnlyKeys("defense", "china", "japan");
    }

    @Test
    void shouldKeepOnlyTheFirstTenErrorIdsInLabelOrder() {
        List<LabelledItem> many = new ArrayList<>();
        Map<String, Set<String>> none = new HashMap<>();
        for (int i = 1; i <= 12; i++) {
            many.add(item("m" + i, "china"));
            none.put("m" + i, Set.of());
        }
        TagResult china =
                SetScores.compute("many", many, none, List.of("china")).byTag().get("china");

        assertThat(china.counts().falseNegatives()).isEqualTo(12);
        assertThat(china.falseNegativeIds()).hasSize(10).startsWith("m1", "m2").endsWith("m10");
    }

    @Test
    void shouldRefuseAnItemWithoutPrediction() {
        assertThatThrownBy(() -> SetScores.compute("gap", items, Map.of("i1", Set.of()), List.of("defense")))
                .hasMessageContaining("no prediction for i2");
    }
}
