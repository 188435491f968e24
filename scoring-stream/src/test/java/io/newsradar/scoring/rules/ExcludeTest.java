package io.newsradar.scoring.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsradar.scoring.ArticleField;
import io.newsradar.scoring.TagMatch;
import io.newsradar.scoring.TagRule;
import java.util.List;
import org.junit.jupiter.api.Test;

/** exclude: occurrences inside the phrases do not count, other occurrences still do. */
class ExcludeTest {
    private static final TagRule DEFENSE = new TagRule(
            "defense",
            "defense",
            "Test",
            1.0,
            "\"defense\" OR \"defense ministry\" OR army",
            List.of("defense attorney", "defense lawyer", "salvation army"),
            1,
            "");

    @Test
    void shouldHideWordsInsideAnyOfSeveralPhrases() {
        // every phrase must hide its own occurrences, not only the first phrase listed: Lucene
        // turns "not inside (a or b)" into "(not inside a) or (not inside b)" unless nested
        assertThat(Rules.match(DEFENSE, "Court hears case", "The defense lawyer asked for a delay."))
                .isEmpty();
        assertThat(Rules.match(DEFENSE, "Court hears case", "The defense attorney asked for a delay."))
                .isEmpty();
        assertThat(Rules.match(DEFENSE, "Charity", "The Salvation Army opened a shelter."))
                .isEmpty();
    }

    @Test
    void shouldKeepOtherOccurrencesOfTheSameWord() {
        TagMatch mixed = Rules.match(
                        DEFENSE,
                        "Court hears case",
                        "The defense attorney, a former adviser to the defense ministry, asked for a delay.")
                .orElseThrow();
        assertThat(mixed.terms(ArticleField.BODY)).containsExactly("defense ministry");
    }

    @Test
    void shouldRefuseExcludeWithProximity() {
        TagRule r = new TagRule("d", "d", "Test", 1.0, "\"defense AI\"~3", List.of("defense lawyer"), 1, "");
        assertThatThrownBy(() -> QueryCompiler.compile(r))
                .isInstanceOf(InvalidQueryException.class)
                .hasMessageContaining("exclude cannot be combined with proximity");
    }

    @Test
    void shouldExcludeAroundWildcards() {
        TagRule r = new TagRule("d", "d", "Test", 1.0, "defen*", List.of("defense lawyer"), 1, "");
        assertThat(Rules.match(r, "x", "The defense lawyer spoke.")).isEmpty();
        assertThat(Rules.match(r, "x", "The defensive line held.")).isPresent();
    }
}
