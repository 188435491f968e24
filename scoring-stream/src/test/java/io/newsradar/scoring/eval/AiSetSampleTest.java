package io.newsradar.scoring.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AiSetSampleTest {
    @TempDir
    Path tmp;

    @Test
    void shouldMatchTheBroadPrefilterWithAiOnlyInCapitals() {
        assertThat(AiSetSample.matches("Robotic rovers explore Mars")).isTrue();
        assertThat(AiSetSample.matches("a SELF-DRIVING truck")).isTrue();
        assertThat(AiSetSample.matches("Harvard Developed AI Identifies")).isTrue();
        assertThat(AiSetSample.matches("An A.I. that guesses")).isTrue();
        assertThat(AiSetSample.matches("chatbots and drones")).isTrue();
        assertThat(AiSetSample.matches("the intelligence minister")).isTrue();
        assertThat(AiSetSample.matches("GPT-3 writes")).isTrue();
        // "ai" in lower case and words that only contain a prefix are not matches
        assertThat(AiSetSample.matches("ai weiwei's bonsai and a shoal of fish"))
                .isFalse();
        assertThat(AiSetSample.matches("Fire at the airport, a caravan of cars"))
                .isFalse();
        assertThat(AiSetSample.matches("the drone-like hum")).isTrue();
        assertThat(AiSetSample.matches("abandoned bottles")).isFalse();
    }

    @Test
    void shouldPutUnlabelledItemsIntoStrataByCorpusPrefilterAndClass() throws Exception {
        Path ag = tmp.resolve("ag.jsonl");
        Files.writeString(ag, """
                {"id": "agnews-test-1", "label_name": "Sci/Tech", "title": "Robot", "description": "walks\\\\alone"}
                {"id": "agnews-test-2", "label_name": "Sci/Tech", "title": "Chip", "description": "faster"}
                {"id": "agnews-test-3", "label_name": "World", "title": "Vote", "description": "held"}
                {"id": "agnews-test-4", "label_name": "World", "title": "Robot", "description": "already labelled"}
                """, StandardCharsets.UTF_8);
        Path fwd = tmp.resolve("fwd.json");
        Files.writeString(fwd, """
                [{"title": "New AI model", "category": "worldnews", "source_index": 6},
                 {"title": "Phone sales", "category": "technology", "source_index": 7},
                 {"title": "Election", "category": "politics", "source_index": 8}]
                """, StandardCharsets.UTF_8);

        List<EvalCorpus.SourceRow> pool = AiSetSample.pool(ag, fwd, Set.of("agnews-test-4"));

        assertThat(pool)
                .containsExactly(
                        new EvalCorpus.SourceRow("ag-prefilter", "agnews-test-1"),
                        new EvalCorpus.SourceRow("ag-scitech", "agnews-test-2"),
                        new EvalCorpus.SourceRow("ag-other", "agnews-test-3"),
                        new EvalCorpus.SourceRow("fwd-prefilter", "fwd-6"),
                        new EvalCorpus.SourceRow("fwd-technology", "fwd-7"),
                        new EvalCorpus.SourceRow("fwd-other", "fwd-8"));
    }

    @Test
    void shouldAcceptOnlyTheSaltedOrderAndWholePrefilterStrata() {
        List<EvalCorpus.SourceRow> pool = new ArrayList<>();
        for (int i = 1; i <= 4; i++) {
            pool.add(new EvalCorpus.SourceRow("ag-prefilter", "p" + i));
            pool.add(new EvalCorpus.SourceRow("ag-scitech", "s" + i));
        }
        List<String> prefilter = salted("p1", "p2", "p3", "p4");
        List<String> scitech = salted("s1", "s2", "s3", "s4");
        List<LabelledItem> sample = new ArrayList<>();
        prefilter.forEach(id -> sample.add(label(id, "ag-prefilter")));
        sample.add(label(scitech.get(0), "ag-scitech"));
        sample.add(label(scitech.get(1), "ag-scitech"));
        assertThat(AiSetSample.mismatch(sample, pool)).isNull();

        // the unsalted order of the first two sets is not this set's order
        List<String> unsalted = Stream.of("s1", "s2", "s3", "s4")
                .sorted(Comparator.comparing(EvalCorpus::sha256))
                .toList();
        if (!unsalted.subList(0, 2).equals(scitech.subList(0, 2))) {
            List<LabelledItem> wrongOrder = new ArrayList<>(sample.subList(0, 4));
            wrongOrder.add(label(unsalted.get(0), "ag-scitech"));
            wrongOrder.add(label(unsalted.get(1), "ag-scitech"));
            assertThat(AiSetSample.mismatch(wrongOrder, pool)).isNotNull();
        }
        // a prefilter stratum must be a census
        List<LabelledItem> partial = new ArrayList<>(sample);
        partial.remove(3);
        assertThat(AiSetSample.mismatch(partial, pool))
                .isEqualTo("stratum ag-prefilter is a census of 4 items; the label file has 3");
    }

    @Test
    void shouldHoldOutTheOddPositionsOfEveryStratum() {
        List<LabelledItem> labels = List.of(
                label("a0", "ag-prefilter"),
                label("a1", "ag-prefilter"),
                label("a2", "ag-prefilter"),
                label("b0", "fwd-other"),
                label("b1", "fwd-other"));

        assertThat(AiSetSample.heldOut(labels)).containsExactlyInAnyOrder("a1", "b1");
    }

    private static List<String> salted(String... ids) {
        return Stream.of(ids).sorted(Comparator.comparing(AiSetSample::sortKey)).toList();
    }

    private static LabelledItem label(String id, String group) {
        return new LabelledItem(id, group, Set.of());
    }
}
