package io.newsradar.scoring.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TargetTest {
    private final List<LabelledItem> items = new ArrayList<>();
    private final Map<String, Set<String>> predicted = new HashMap<>();

    private void add(String labelled, boolean found, int times) {
        for (int i = 0; i < times; i++) {
            String id = "x" + items.size();
            items.add(new LabelledItem(id, "g", labelled == null ? Set.of() : Set.of(labelled)));
            predicted.put(id, found && labelled != null ? Set.of(labelled) : Set.of());
        }
    }

    private void addFalsePositive(String tag, int times) {
        for (int i = 0; i < times; i++) {
            String id = "x" + items.size();
            items.add(new LabelledItem(id, "g", Set.of()));
            predicted.put(id, Set.of(tag));
        }
    }

    @Test
    void shouldMicroAverageOnlyCountriesWithTwentyPositives() {
        // united-states: 20 positives, 19 found, 1 false positive
        add("united-states", true, 19);
        add("united-states", false, 1);
        addFalsePositive("united-states", 1);
        // china: 25 positives, 23 found
        add("china", true, 23);
        add("china", false, 2);
        // japan: 19 positives, none found: not counted, whatever its numbers
        add("japan", false, 19);
        SetScores s = SetScores.compute("t", items, predicted, EvalTags.ALL);

        Target.TargetResult countries = Target.ISSUE.get(0).evaluate(s);

        assertThat(countries.counted()).containsExactly("united-states", "china");
        assertThat(countries.tooFew()).contains("japan", "taiwan").doesNotContain("china");
        // TP 19 + 23 = 42, FP 1, FN 1 + 2 = 3: P 42/43 = 0.977, R 42/45 = 0.933
        assertThat(countries.micro()).isEqualTo(new TagCounts(42, 1, 3));
        assertThat(countries.micro().precision().getAsDouble()).isCloseTo(42.0 / 43, within(1e-12));
        assertThat(countries.micro().recall().getAsDouble()).isCloseTo(42.0 / 45, within(1e-12));
        assertThat(countries.met()).isTrue();
    }

    @Test
    void shouldMissTheDefenseTargetOnRecallAndCallAiUnmeasurable() {
        // defense: 20 positives, 15 found (R 0.75 < 0.8), no false positive (P 1.0)
        add("defense", true, 15);
        add("defense", false, 5);
        add("artificial-intelligence", true, 5);
        SetScores s = SetScores.compute("t", items, predicted, EvalTags.ALL);

        Target.TargetResult defense = Target.ISSUE.get(1).evaluate(s);
        Target.TargetResult ai = Target.ISSUE.get(2).evaluate(s);

        assertThat(defense.measurable()).isTrue();
        assertThat(defense.met()).isFalse();
        assertThat(ai.measurable()).isFalse();
        assertThat(ai.met()).isFalse();
        assertThat(ai.tooFew()).containsExactly("artificial-intelligence");

        String md = TagEvalReport.markdown(List.of("- header"), List.of(s), 1, Set.of("defense"));
        assertThat(md)
                .contains("| t | defense | defense | 15 | 0 | 5 | 1.000 | 0.750 | ≥ 0.85, ≥ 0.8 | **no** |")
                .contains("| t | artificial-intelligence | none | - | - | - | - | - | ≥ 0.85, ≥ 0.8 | not measurable |")
                .contains(
                        "t, artificial-intelligence: fewer than 20 positives, not counted: artificial-intelligence (5)")
                .contains("| `artificial-intelligence` | 5 | 5 | 5 | 0 | 0 | 1.000 | 1.000 | 1.000 | not in taxonomy |")
                .contains("| `defense` |  | x15 x16 x17 x18 x19 |");
    }
}
