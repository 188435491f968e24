package io.newsradar.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class TagScanTest {
    /** The pattern TagScan replaced: same answers, but quadratic on many unclosed '<'. */
    private static final Pattern REFERENCE =
            Pattern.compile("<(?:/?+[a-zA-Z][a-zA-Z0-9-]*+(?:\\s[^>]{0,2000}+)?+/?+|!--.{0,2000}?--)>", Pattern.DOTALL);

    @Test
    void shouldRecogniseTagsAndCommentsLikeThePatternItReplaced() {
        List<String> cases = List.of(
                "plain text",
                "a < b and c > d",
                "<p>x</p>",
                "</div>",
                "<br/>",
                "<br />",
                "<a href=\"x\">",
                "<a\nhref=x>",
                "<!-- c -->",
                "<!---->",
                "<!--->",
                "<3 love",
                "<a",
                "x <a <b >",
                "<h1-x>",
                "< p>",
                "<!-- " + "c".repeat(2001) + " -->",
                "<a " + "x".repeat(1999) + ">",
                "<a " + "x".repeat(2001) + ">",
                "<<a>",
                "<a <!-- x -->");
        for (String c : cases) {
            assertThat(TagScan.containsTagOrComment(c))
                    .as(c)
                    .isEqualTo(REFERENCE.matcher(c).find());
        }
    }

    @Test
    void shouldAgreeWithThePatternOnRandomMarkupFragments() {
        String[] pieces = {"<", ">", "/", "a", "B1", "-", " ", "\n", "!--", "--", "x", "="};
        Random random = new Random(42);
        for (int n = 0; n < 20_000; n++) {
            StringBuilder sb = new StringBuilder();
            int len = random.nextInt(12);
            for (int i = 0; i < len; i++) {
                sb.append(pieces[random.nextInt(pieces.length)]);
            }
            String c = sb.toString();
            assertThat(TagScan.containsTagOrComment(c))
                    .as(c)
                    .isEqualTo(REFERENCE.matcher(c).find());
        }
    }
}
