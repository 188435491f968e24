package io.newsradar.scoring.ruleset;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LineDiffTest {
    @Test
    void equalTextsHaveNoDiff() {
        assertThat(LineDiff.unified("a\nb\n", "a\nb\n", "x", "y", 3)).isEmpty();
    }

    @Test
    void showsAChangedLineWithItsContextAndLineNumbers() {
        String a = "1\n2\n3\n4\n5\n6\n7\n8\n9\n";
        String b = "1\n2\n3\n4\nfive\n6\n7\n8\n9\n";

        assertThat(LineDiff.unified(a, b, "builtin#1", "builtin#2", 2))
                .isEqualTo(String.join(
                        "\n",
                        "--- builtin#1",
                        "+++ builtin#2",
                        "@@ -3,5 +3,5 @@",
                        " 3",
                        " 4",
                        "-5",
                        "+five",
                        " 6",
                        " 7",
                        ""));
    }

    @Test
    void keepsFarApartChangesInSeparateHunksAndShowsInsertionsAndDeletions() {
        String a = "a\nb\nc\nd\ne\nf\ng\nh\n";
        String b = "new\na\nb\nc\nd\ne\nf\nh\n";

        assertThat(LineDiff.unified(a, b, "A", "B", 1))
                .isEqualTo(String.join(
                        "\n",
                        "--- A",
                        "+++ B",
                        "@@ -1 +1,2 @@",
                        "+new",
                        " a",
                        "@@ -6,3 +7,2 @@",
                        " f",
                        "-g",
                        " h",
                        ""));
    }

    @Test
    void mergesChangesCloserThanTwiceTheContext() {
        String a = "a\nb\nc\nd\n";
        String b = "A\nb\nc\nD\n";

        assertThat(LineDiff.unified(a, b, "A", "B", 1))
                .isEqualTo(
                        String.join("\n", "--- A", "+++ B", "@@ -1,4 +1,4 @@", "-a", "+A", " b", " c", "-d", "+D", ""));
    }
}
