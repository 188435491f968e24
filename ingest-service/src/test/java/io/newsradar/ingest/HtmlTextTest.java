package io.newsradar.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HtmlTextTest {

    @Test
    void shouldKeepParagraphsAsBlankLines() {
        String html = "<div><p>First sentence.\n   Still first.</p><p>Second&nbsp;one.</p>Tail<br>line two</div>";
        assertThat(HtmlText.toText(html)).isEqualTo("First sentence. Still first.\n\nSecond one.\n\nTail\nline two");
    }

    @Test
    void shouldDropScriptsAndStyles() {
        String html = "<p>Visible</p><script>var x = 1;</script><style>p{}</style><p>Also visible</p>";
        assertThat(HtmlText.toText(html)).isEqualTo("Visible\n\nAlso visible");
    }

    @Test
    void shouldDecodeEntitiesInPlainText() {
        assertThat(HtmlText.toText("Fish &amp; chips &#8211; cheap")).isEqualTo("Fish & chips \u2013 cheap");
    }

    @Test
    void shouldKeepPlainTextLineStructureAndTrimLines() {
        assertThat(HtmlText.toText("  One line.  \r\n\r\n\r\n\r\n  Two   line.\tEnd  "))
                .isEqualTo("One line.\n\nTwo line. End");
    }

    @Test
    void shouldNotTreatComparisonsAsTags() {
        assertThat(HtmlText.toText("if a < b and c > d")).isEqualTo("if a < b and c > d");
    }

    @Test
    void shouldMakeTitlesSingleLine() {
        assertThat(HtmlText.toSingleLine("  Big <b>news</b>\n today &amp; tomorrow "))
                .isEqualTo("Big news today & tomorrow");
    }

    @Test
    void shouldSeparateListItems() {
        assertThat(HtmlText.toText("<ul><li>one</li><li>two</li></ul>")).isEqualTo("one\n\ntwo");
    }

    @Test
    void shouldDecideQuicklyOnUnclosedTagsAndComments() {
        // a guard against a hang (quadratic scanning), not a timing benchmark
        String unclosedTags = "<a ".repeat(70_000);
        String unclosedComments = "<!--".repeat(50_000);
        org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(5), () -> {
            assertThat(HtmlText.toText(unclosedTags)).startsWith("<a <a");
            assertThat(HtmlText.toText(unclosedComments)).startsWith("<!--<!--");
        });
    }

    @Test
    void shouldStillRecogniseTagsWithAttributesAndSelfClosingTags() {
        assertThat(HtmlText.toText("one<br/>two")).isEqualTo("one\ntwo");
        assertThat(HtmlText.toText("<p class=\"lead\">First.</p><p>Second.</p>"))
                .isEqualTo("First.\n\nSecond.");
    }
}
