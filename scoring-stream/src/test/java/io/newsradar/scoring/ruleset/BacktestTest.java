package io.newsradar.scoring.ruleset;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsradar.avro.NewsArticle;
import io.newsradar.scoring.ScoringRules;
import io.newsradar.scoring.TestArticles;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** {@code rules test}: two rulesets that differ in one rule, over the same articles. */
class BacktestTest {
    static final String BASELINE = """
            name: watch
            version: 1
            tags:
              - id: defense
                label: defense
                category: Security & Risk
                weight: 3.0
                query: defense OR military
              - id: drones
                label: drones
                category: Technology
                weight: 3.0
                query: drone
            routes:
              - name: defense-drones
                priority: high
                requiredTags: [defense, drones]
                minScore: 1
            """;
    // one rule changed: drones are also "unmanned"
    static final String CANDIDATE = BASELINE.replace("query: drone\n", "query: drone OR unmanned\n");

    private static NewsArticle article(String id, String title, String body) {
        NewsArticle a = TestArticles.article(title, body);
        a.setId(id);
        return a;
    }

    @Test
    void countsTagsUnderBothRulesetsAndListsTheArticlesWhoseAlertsDiffer() {
        List<NewsArticle> articles = List.of(
                article("a1", "Army tests military drone", "The military flew a drone."),
                article("a2", "Navy orders unmanned boats", "The defense ministry ordered unmanned boats."),
                article("a3", "Harbour reopens", "The harbour reopened on Monday."));

        Backtest.Result r;
        try (Backtest bt = new Backtest(
                ScoringRules.parseBundle(CANDIDATE, "candidate"), ScoringRules.parseBundle(BASELINE, "baseline"))) {
            articles.forEach(bt::add);
            r = bt.result();
        }

        assertThat(r.articles()).isEqualTo(3);
        assertThat(r.tagCounts())
                .containsEntry("defense", new Backtest.TagCount(2, 2))
                .containsEntry("drones", new Backtest.TagCount(2, 1));
        assertThat(r.tagCounts().get("drones").delta()).isEqualTo(1);
        assertThat(r.candidateAlerts("defense-drones"))
                .extracting(Backtest.Outcome::articleId)
                .containsExactly("a1", "a2");
        assertThat(r.differences()).singleElement().satisfies(o -> {
            assertThat(o.articleId()).isEqualTo("a2");
            assertThat(o.candidateRoutes()).isEqualTo(Set.of("defense-drones"));
            assertThat(o.baselineRoutes()).isEmpty();
        });
        assertThat(r.candidateVersion()).isNotEqualTo(r.baselineVersion());
    }
}
