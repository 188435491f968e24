package io.newsradar.scoring.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LabelFileTest {

    private static List<LabelledItem> parse(String... lines) {
        return LabelFile.parse(List.of(lines), "test.tsv");
    }

    @Test
    void shouldSkipCommentsAndHeaderAndReadTagsInOrder() {
        List<LabelledItem> items = parse(
                "# frozen 2026-11-29 before rule changes; do not edit labels to fit rules",
                "id\tclass\ttags\tnote",
                "agnews-test-1\tWorld\tdefense,united-states\ta note in our words",
                "",
                "# a comment between items",
                "agnews-test-2\tSports\t-\t",
                "agnews-test-3\tBusiness\teuropean-union");

        assertThat(items)
                .containsExactly(
                        new LabelledItem("agnews-test-1", "World", Set.of("defense", "united-states")),
                        new LabelledItem("agnews-test-2", "Sports", Set.of()),
                        new LabelledItem("agnews-test-3", "Business", Set.of("european-union")));
    }

    @Test
    void shouldReadTheNoteColumnVerbatimWithoutTakingItForTags() {
        // a note naming a tag must not add it
        assertThat(parse("id\tcategory\ttags\tnote", "fwd-6\tukraine\t-\tnot defense (D10)")
                        .get(0)
                        .tags())
                .isEmpty();
    }

    @Test
    void shouldRejectWhatWouldChangeTheNumbersSilently() {
        assertThatThrownBy(() -> parse("agnews-test-1\tWorld\tdefense\t"))
                .hasMessageContaining("line 1")
                .hasMessageContaining("header");
        assertThatThrownBy(() -> parse("id\tclass\ttags\tnote", "agnews-test-1\tWorld\tdefence\t"))
                .hasMessageContaining("line 2")
                .hasMessageContaining("unknown tag 'defence'");
        assertThatThrownBy(() -> parse("id\tclass\ttags\tnote", "agnews-test-1\tWorld\t\t"))
                .hasMessageContaining("empty tags column");
        assertThatThrownBy(() -> parse("id\tclass\ttags\tnote", "a\tWorld\t-\t", "a\tWorld\t-\t"))
                .hasMessageContaining("line 3")
                .hasMessageContaining("duplicate id a");
        assertThatThrownBy(() -> parse("id\tclass\ttags\tnote", "a World - note"))
                .hasMessageContaining("expected 4 tab-separated fields");
        assertThatThrownBy(() -> parse("# only a comment")).hasMessageContaining("no header line");
    }
}
