package io.newsradar.scoring.eval.stories;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsradar.scoring.eval.EvalCorpus;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class StoryPairFileTest {
    private static final String HEADER = "pair\tkind\ta\tb\tlabel\trecipe\tnote";

    @Test
    void shouldReadTheFrozenFileWithItsCounts() {
        Path root = EvalCorpus.repositoryRoot(Path.of(""));
        List<StoryPair> pairs = StoryPairFile.read(root.resolve(StoryPairFile.PATH));
        Map<StoryPair.Label, Long> perLabel =
                pairs.stream().collect(Collectors.groupingBy(StoryPair::label, Collectors.counting()));
        assertThat(perLabel)
                .containsEntry(StoryPair.Label.SAME, 401L)
                .containsEntry(StoryPair.Label.EVENT, 94L)
                .containsEntry(StoryPair.Label.DIFFERENT, 367L);
        assertThat(pairs.stream().collect(Collectors.groupingBy(StoryPair::kind, Collectors.counting())))
                .containsEntry("edited", 360L)
                .containsEntry("topic", 289L);
        assertThat(pairs.stream().map(StoryPair::id).collect(Collectors.toMap(Function.identity(), p -> 1)))
                .hasSize(862);
    }

    @Test
    void shouldRejectWhatWouldChangeTheMeasure() {
        assertThatThrownBy(() -> parse("p1\tnatural\ta\tb\tSAME\t-"))
                .hasMessageContaining("line 2: expected 7 tab-separated fields");
        assertThatThrownBy(() -> parse("p1\tnatural\ta\tb\tSIMILAR\t-\t"))
                .hasMessageContaining("unknown label 'SIMILAR'");
        assertThatThrownBy(() -> parse("p1\tedited\ta\ta\tSAME\t-\t")).hasMessageContaining("needs a recipe");
        assertThatThrownBy(() -> parse("p1\tedited\ta\ta\tSAME\thead=invent\t"))
                .hasMessageContaining("unknown edit 'head=invent'");
        assertThatThrownBy(() -> parse("p1\tnatural\ta\tb\tSAME\t-\t", "p1\ttopic\tc\td\tDIFFERENT\t-\t"))
                .hasMessageContaining("duplicate pair p1");
        assertThatThrownBy(() -> StoryPairFile.parse(List.of("p1\tnatural\ta\tb\tSAME\t-\t"), "f"))
                .hasMessageContaining("expected the header line");
    }

    private static List<StoryPair> parse(String... lines) {
        return StoryPairFile.parse(
                java.util.stream.Stream.concat(java.util.stream.Stream.of(HEADER), java.util.stream.Stream.of(lines))
                        .toList(),
                "f");
    }
}
