package io.newsradar.scoring.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TagEvalRunSetsTest {

    private static LabelledItem ai(String id, String group) {
        return new LabelledItem(id, group, Set.of(EvalTags.AI));
    }

    private final List<LabelledItem> ag = List.of(ai("ag-miss", "Sci/Tech"));
    private final List<LabelledItem> fwd = List.of(ai("fwd-hit", "technology"));
    // in file order: dev-miss at position 0 (dev), held-miss at position 1 (held out), dev-hit at 2
    private final List<LabelledItem> aiSet =
            List.of(ai("dev-miss", "fwd-prefilter"), ai("held-miss", "fwd-prefilter"), ai("dev-hit", "fwd-prefilter"));
    private final Map<String, Set<String>> predicted = Map.of(
            "ag-miss", Set.of(),
            "fwd-hit", Set.of(EvalTags.AI),
            "dev-miss", Set.of(),
            "held-miss", Set.of(),
            "dev-hit", Set.of(EvalTags.AI));

    @Test
    void shouldReportDevAndHeldOutHalvesSeparatelyAndEveryCombination() {
        List<SetScores> sets = TagEvalRun.sets(ag, fwd, aiSet, AiSetSample.heldOut(aiSet), predicted);

        assertThat(sets)
                .extracting(SetScores::name)
                .containsExactly(
                        "AG News",
                        "fwd headlines",
                        "AI set, dev half",
                        "AI set, held-out half",
                        "AI set, whole",
                        "AG + fwd",
                        "all dev (AG + fwd + AI dev)",
                        "all sets");
        assertThat(sets).extracting(SetScores::items).containsExactly(1, 1, 2, 1, 3, 2, 4, 5);
        assertThat(sets.get(2).counts(EvalTags.AI)).isEqualTo(new TagCounts(1, 0, 1));
        assertThat(sets.get(3).counts(EvalTags.AI)).isEqualTo(new TagCounts(0, 0, 1));
        assertThat(sets.get(7).counts(EvalTags.AI)).isEqualTo(new TagCounts(2, 0, 3));
    }

    @Test
    void shouldNeverListTheErrorIdsOfTheHeldOutHalf() {
        List<SetScores> sets = TagEvalRun.sets(ag, fwd, aiSet, AiSetSample.heldOut(aiSet), predicted);

        String md = TagEvalReport.markdown(List.of(), sets, TagEvalRun.SETS_WITH_ERROR_IDS, Set.of(EvalTags.AI));

        assertThat(md).contains("ag-miss").contains("dev-miss").doesNotContain("held-miss");
        assertThat(md).contains("## Per tag: AI set, held-out half (1 items)");
    }
}
