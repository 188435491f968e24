package io.newsradar.scoring.rules;

import static io.newsradar.scoring.rules.Rules.matchesBody;
import static io.newsradar.scoring.rules.Rules.rule;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsradar.scoring.ScoringSettings;
import io.newsradar.scoring.TagRule;
import io.newsradar.scoring.Taxonomy;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What a rule query may say, and what it is refused with (docs/rules.md). */
class QuerySyntaxTest {

    private static String rejection(String query) {
        try {
            QueryCompiler.compile(rule(query));
        } catch (InvalidQueryException e) {
            return e.getMessage();
        }
        throw new AssertionError("accepted: " + query);
    }

    @Test
    void shouldRejectAndMixedWithOrNamingTheRuleAndThePosition() {
        TagRule mixed = new TagRule("drones", "drones", "Test", 1.0, "drone AND army OR navy");
        Taxonomy taxonomy = new Taxonomy("t", 1, ScoringSettings.defaults(), List.of(mixed));
        assertThatThrownBy(() -> new MonitorTagger(taxonomy))
                .isInstanceOf(InvalidQueryException.class)
                .hasMessageStartingWith("rule 'drones': column 16: 'OR' mixed with 'AND' (column 7) at the same level"
                        + " without parentheses");
    }

    @Test
    void shouldFindTheMixInsideAGroupAndOnLaterLines() {
        assertThat(rejection("title:(a OR b AND c)")).startsWith("column 15: 'AND' mixed with 'OR' (column 10)");
        assertThat(rejection("a OR b\nOR c AND d")).startsWith("line 2, column 6: 'AND' mixed with 'OR'");
        assertThat(rejection("a && b || c")).startsWith("column 8: '||' mixed with '&&'");
    }

    @Test
    void shouldAcceptParenthesisedMixes() {
        assertThatCode(() -> QueryCompiler.compile(rule("(drone AND army) OR navy")))
                .doesNotThrowAnyException();
        assertThat(matchesBody("(drone AND army) OR navy", "The navy said so.")).isTrue();
        assertThat(matchesBody("(drone AND army) OR navy", "The army said so.")).isFalse();
        assertThat(matchesBody("drone AND (army OR navy)", "Navy drone tests.")).isTrue();
        assertThat(matchesBody("drone AND (army OR navy)", "Navy ship tests.")).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "armed forces | column 7: 'forces' follows the previous word without AND or OR",
                "army OR NOT navy | column 6: 'OR NOT' would match like 'AND NOT'",
                "NOT army | a group with only NOT clauses matches nothing",
                "+army | '+' is not part of the rule syntax",
                "headline:army | unknown field 'headline:'",
                "army~ | '~' after a word asks for a fuzzy match",
                "/arm[yi]/ | regular expressions",
                "[a TO b] | ranges",
                "* | a lone '*' matches every article",
                "army^2 | '^' boosts have no effect",
                "\"defense AI | a quote (\") or an escape",
                "army AND | the query ends too early",
                "army AND ) | column 10: unexpected ')'"
            })
    void shouldRejectWhatAnalystsCouldMisread(String query, String message) {
        assertThat(rejection(query)).contains(message.strip());
    }

    @Test
    void shouldLetNotExcludeFromTheWholeGroup() {
        assertThat(matchesBody("army OR navy NOT football", "The navy said so."))
                .isTrue();
        assertThat(matchesBody("army OR navy NOT football", "The navy football team won."))
                .isFalse();
        assertThat(matchesBody("army AND NOT football", "Army football.")).isFalse();
    }

    @Test
    void shouldStemBareWordsButMatchQuotedPhrasesExactly() {
        assertThat(matchesBody("drone", "Drones flew over the base.")).isTrue();
        assertThat(matchesBody("drones", "A drone flew over the base.")).isTrue();
        assertThat(matchesBody("\"drone strike\"", "Drones strikes were reported."))
                .isFalse();
        assertThat(matchesBody("\"drone strike\"", "A drone strike was reported."))
                .isTrue();
        assertThat(matchesBody("\"drone\"", "Drones flew over the base.")).isFalse();
        // case and accents never matter outside cased:
        assertThat(matchesBody("\"defense ministry\"", "The DÉFENSE Ministry said."))
                .isTrue();
    }

    @Test
    void shouldMatchBareHyphenatedWordsAsPhrases() {
        assertThat(matchesBody("co-develop", "They will co\u2013develop the system."))
                .isTrue();
        assertThat(matchesBody("co-develop", "They develop it together, co-owners said."))
                .isFalse();
    }

    @Test
    void shouldMatchWildcardsOnTheExactForm() {
        assertThat(matchesBody("autonom*", "Autonomous boats were shown.")).isTrue();
        assertThat(matchesBody("dr?ne", "A drone was shown.")).isTrue();
        assertThat(matchesBody("dr?ne", "Drones were shown.")).isFalse();
        assertThat(matchesBody("cyber*", "The cybersecurity review.")).isTrue();
    }

    @Test
    void shouldMatchProximityAsASloppyPhrase() {
        // "a b"~N: the words within N position moves of the phrase, in either order
        assertThat(matchesBody("\"defense AI\"~3", "Defense officials praised AI tools."))
                .isTrue();
        assertThat(matchesBody("\"defense AI\"~1", "Defense officials praised AI tools."))
                .isFalse();
        assertThat(matchesBody("\"defense AI\"~4", "AI tools impressed defense officials."))
                .isTrue();
        assertThat(matchesBody("\"defense AI\"~3", "Defense. Then many unrelated words and later AI."))
                .isFalse();
    }

    @Test
    void shouldScopeToTitleOrBody() {
        assertThat(Rules.matches("title:navy", "Navy orders ships", "")).isTrue();
        assertThat(Rules.matches("title:navy", "Ships ordered", "The navy ordered ships."))
                .isFalse();
        assertThat(Rules.matches("body:navy", "Navy orders ships", "")).isFalse();
        assertThat(Rules.matches("body:(navy OR army)", "Ships ordered", "The army ordered ships."))
                .isTrue();
        assertThat(Rules.matches("navy", "Navy orders ships", "")).isTrue();
        assertThat(Rules.matches("navy", "Ships", "The navy ordered ships.")).isTrue();
    }

    @Test
    void shouldMatchCasedWordsOnlyWithTheirCase() {
        assertThat(matchesBody("cased:US", "US officials met.")).isTrue();
        assertThat(matchesBody("cased:US", "Tell us what you think.")).isFalse();
        assertThat(matchesBody("US", "Tell us what you think.")).isTrue();
        assertThat(matchesBody("cased:AI", "The firm's AI-enabled cameras.")).isTrue();
        assertThat(matchesBody("cased:AI", "Rail operator said.")).isFalse();
        assertThat(matchesBody("cased:\"A.I.\"", "An A.I. system.")).isTrue();
        assertThat(Rules.matches("title.cased:US", "US officials meet", "")).isTrue();
        assertThat(Rules.matches("title.cased:US", "Officials meet", "US officials met."))
                .isFalse();
    }

    @Test
    void shouldRequireMinMatchesDistinctAlternatives() {
        TagRule sports = new TagRule("s", "s", "Test", -1.0, "coach OR season OR stadium", List.of(), 2, "");
        assertThat(Rules.match(sports, "Flu season arrives early", "Clinics report more visits."))
                .isEmpty();
        assertThat(Rules.match(sports, "Flu season arrives early", "The coach fell ill."))
                .isPresent();
        assertThat(Rules.match(sports, "Season", "A long season.")).isEmpty();
        assertThatThrownBy(() -> QueryCompiler.compile(
                        new TagRule("s", "s", "Test", -1.0, "coach AND season", List.of(), 2, "")))
                .hasMessageContaining("minMatches 2 needs a query whose top level is at least 2 alternatives");
    }
}
