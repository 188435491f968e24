package io.newsradar.scoring.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsradar.scoring.ScoringSettings;
import io.newsradar.scoring.TagMatch;
import io.newsradar.scoring.TagRule;
import io.newsradar.scoring.Taxonomy;
import io.newsradar.scoring.TestArticles;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * The presearcher's filter: which stored queries run on an article at all. Wildcard and prefix
 * rules must be filtered like plain words (by their leading letters), not run on every article;
 * the filter must never drop a rule that matches.
 */
class PresearchTest {

    private static MonitorTagger tagger(List<TagRule> rules) {
        return new MonitorTagger(new Taxonomy("test", 1, ScoringSettings.defaults(), rules));
    }

    private static List<TagRule> wildcardRules(int n) {
        List<TagRule> rules = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String stem = String.format(Locale.ROOT, "zq%03dx", i);
            String query = switch (i % 4) {
                case 0 -> stem + "*"; // a prefix
                case 1 -> stem + "?y"; // a wildcard
                case 2 -> "title:" + stem + "*yz";
                default -> "cased:Zq" + stem.substring(2) + "*";
            };
            rules.add(new TagRule("r" + i, "r" + i, "Test", 1.0, query));
        }
        return rules;
    }

    @Test
    void shouldNotRunWildcardRulesOnAnArticleWithoutTheirLeadingLetters() {
        try (MonitorTagger t = tagger(wildcardRules(200))) {
            assertThat(t.queriesRun(TestArticles.article("Navy tests drone", "The ministry said nothing new.")))
                    .isZero();
        }
    }

    @Test
    void shouldRunAndMatchOnlyTheWildcardRulesWhosePrefixOccurs() {
        try (MonitorTagger t = tagger(wildcardRules(200))) {
            var article = TestArticles.article("Zq003xyz and zq002xyz", "zq000xabc, zq001xzy and zq012x.");
            assertThat(t.tag(article)).extracting(TagMatch::id).containsExactly("r0", "r1", "r2", "r3", "r12");
            // five rules, one or two stored queries each (title and body)
            assertThat(t.queriesRun(article)).isLessThanOrEqualTo(10);
        }
    }

    @Test
    void shouldKeepMatchingWildcardsLongerThanTheFilteredPrefix() {
        assertThat(Rules.matches("internationalis*", "", "a new internationalism"))
                .isTrue();
        assertThat(Rules.matches("internationalis*", "", "international law")).isFalse();
        assertThat(Rules.matches("defen?e", "", "the defence line")).isTrue();
        assertThat(Rules.matches("title:defen?e AND missile", "Defense news", "a missile"))
                .isTrue();
        assertThat(Rules.matches("title:defen?e AND missile", "News", "a defense missile"))
                .isFalse();
    }

    @Test
    void shouldFilterWildcardRulesWithExclusions() {
        List<TagRule> rules = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            rules.add(new TagRule(
                    "e" + i,
                    "e" + i,
                    "Test",
                    1.0,
                    String.format(Locale.ROOT, "zq%03dx*", i),
                    List.of("zq fleet"),
                    1,
                    ""));
        }
        try (MonitorTagger t = tagger(rules)) {
            assertThat(t.queriesRun(TestArticles.article("Navy tests drone", "The ministry said nothing new.")))
                    .isZero();
            assertThat(t.tag(TestArticles.article("x", "zq007xy")))
                    .extracting(TagMatch::id)
                    .containsExactly("e7");
        }
    }
}
