package io.newsradar.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DerivedTitleTest {

    @Test
    void shouldTakeTheFirstSentence() {
        assertThat(DerivedTitle.fromBody("The port reopened on Monday. Ships queued for hours."))
                .isEqualTo("The port reopened on Monday.");
        assertThat(DerivedTitle.fromBody("Did the port reopen? \"Yes,\" officials said."))
                .isEqualTo("Did the port reopen?");
    }

    @Test
    void shouldKeepAShortBodyWhole() {
        assertThat(DerivedTitle.fromBody("Only a body")).isEqualTo("Only a body");
    }

    @Test
    void shouldStopAtTheEndOfTheFirstParagraph() {
        assertThat(DerivedTitle.fromBody("Port reopens after storm\n\nShips queued for hours."))
                .isEqualTo("Port reopens after storm");
    }

    @Test
    void shouldNotEndTheSentenceAtAbbreviationsInitialsOrDecimals() {
        assertThat(DerivedTitle.fromBody(
                        "U.S. envoy Dr. Lee and John F. Kennedy Jr. saw a 3.5 percent rise. Then more."))
                .isEqualTo("U.S. envoy Dr. Lee and John F. Kennedy Jr. saw a 3.5 percent rise.");
    }

    @Test
    void shouldCutALongSentenceAtAWordBoundaryWithAnEllipsis() {
        String body = "Officials from both ministries said on Monday that the joint review of coastal defences, "
                + "harbour dredging and the ferry timetable would take at least another eighteen months. Next.";

        String title = DerivedTitle.fromBody(body);

        assertThat(title).hasSizeLessThanOrEqualTo(DerivedTitle.MAX_LENGTH).endsWith("\u2026");
        String kept = title.substring(0, title.length() - 1);
        assertThat(body).startsWith(kept);
        assertThat(Character.isWhitespace(body.charAt(kept.length()))).isTrue();
        assertThat(kept).doesNotEndWith(" ").doesNotEndWith(",");
        assertThat(kept.length()).isGreaterThan(DerivedTitle.MAX_LENGTH - 20);
    }

    @Test
    void shouldCutOneOverlongWordInsideItWithoutSplittingASurrogatePair() {
        assertThat(DerivedTitle.fromBody("x".repeat(500)))
                .isEqualTo("x".repeat(DerivedTitle.MAX_LENGTH - 1) + "\u2026");

        String emoji = "\uD83D\uDE00";
        String title = DerivedTitle.fromBody(emoji.repeat(300));
        assertThat(title).hasSizeLessThanOrEqualTo(DerivedTitle.MAX_LENGTH).endsWith(emoji + "\u2026");
    }

    @Test
    void shouldDeriveNothingFromABlankBody() {
        assertThat(DerivedTitle.fromBody("  ")).isEmpty();
        assertThat(DerivedTitle.fromBody(null)).isEmpty();
    }
}
