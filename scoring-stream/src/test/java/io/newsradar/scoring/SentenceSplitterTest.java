package io.newsradar.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SentenceSplitterTest {

    private static List<String> texts(String s) {
        return SentenceSplitter.split(s).stream().map(Sentence::text).toList();
    }

    @Test
    void shouldSplitAtSentenceEnds() {
        assertThat(texts("One sentence here. Another one! A third? Yes."))
                .containsExactly("One sentence here.", "Another one!", "A third?", "Yes.");
    }

    @Test
    void shouldNotSplitAfterAbbreviationsAndInitialisms() {
        assertThat(texts("The U.S. Army and Gen. Smith met Dr. Lee. Then they left."))
                .containsExactly("The U.S. Army and Gen. Smith met Dr. Lee.", "Then they left.");
    }

    @Test
    void shouldSplitAtBlankLinesAndKeepQuotesWithTheirSentence() {
        assertThat(texts("\"We agreed,\" she said. \"It is done.\"\n\nNew paragraph"))
                .containsExactly("\"We agreed,\" she said.", "\"It is done.\"", "New paragraph");
    }

    @Test
    void shouldKeepOffsetsPointingIntoTheText() {
        String text = "  First one.  Second one.";
        for (Sentence s : SentenceSplitter.split(text)) {
            assertThat(text.substring(s.start(), s.end())).isEqualTo(s.text());
        }
        assertThat(SentenceSplitter.split("")).isEmpty();
    }
}
