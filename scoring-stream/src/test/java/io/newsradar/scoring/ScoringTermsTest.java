package io.newsradar.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsradar.avro.Contribution;
import io.newsradar.avro.NewsArticle;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** Recency, source weight, coverage, words counted once, and the checks of the scoring section. */
class ScoringTermsTest {
    private static final String TAXONOMY = """
            name: test
            version: 1
            %s
            tags:
              - {id: defense, label: defense, category: Security & Risk, weight: 1.0, query: defense OR navy}
              - {id: defense-cooperation, label: defense cooperation, category: Security & Risk, weight: 1.0,
                 query: '"defense cooperation"'}
              - {id: artificial-intelligence, label: AI, category: Technology, weight: 1.0, query: cased:AI}
            """;
    private static final String ROUTES = "routes: []\n";

    private static final ScoringEngine ENGINE = ScoringEngine.of(ScoringRules.defaults());

    @AfterAll
    static void close() {
        ENGINE.close();
    }

    private static ScoringRules rules(String scoring) {
        return ScoringRules.parse(TAXONOMY.formatted(scoring), "tax.yaml", ROUTES, "routes.yaml");
    }

    private static NewsArticle aged(NewsArticle a, Duration age) {
        return NewsArticle.newBuilder(a)
                .setFetchedAt(a.getPublishedAt().plus(age))
                .build();
    }

    @Test
    void shouldScoreRecencyFromFetchedMinusPublishedNeverTheWallClock() {
        NewsArticle a =
                Articles.article("Navy tests AI for ship repairs", "The navy said the AI tool cut repair times.");
        ScoreCard fresh = ENGINE.evaluate(aged(a, Duration.ofHours(2))).card();
        ScoreCard middle = ENGINE.evaluate(aged(a, Duration.ofDays(3))).card();
        ScoreCard old = ENGINE.evaluate(aged(a, Duration.ofDays(30))).card();

        assertThat(Scorer.feature(fresh, "recency.fresh").orElseThrow().getReason())
                .isEqualTo("+0.3 fresh: fetched 2 hours after publication");
        assertThat(middle.contributions()).extracting(Contribution::getFeature).noneMatch(f -> f.startsWith("recency"));
        assertThat(Scorer.feature(old, "recency.stale").orElseThrow().getReason())
                .isEqualTo("-1.0 old news: fetched 30 days after publication");
        // the same article with the same two instants scores the same, whenever it is scored
        assertThat(ENGINE.evaluate(aged(a, Duration.ofDays(30))).card()).isEqualTo(old);
        // an article off topic gets no recency term
        assertThat(ENGINE.evaluate(aged(Articles.article("Bakery wins prize", "The loaf won."), Duration.ZERO))
                        .card()
                        .contributions())
                .isEmpty();
    }

    @Test
    void shouldAddTheSourceWeightOfTheOutletCaseInsensitively() {
        ScoringRules r = rules("""
                scoring:
                  sources: {"Example Defense Wire": 0.8, "Rumour Mill": -1.5}
                """);
        NewsArticle a = Articles.article("Navy tests AI", "The navy said so.");
        a.setSource("example defense wire");
        ScoreCard card = new Scorer(r.taxonomy().scoring()).score(a, tags(r, a));
        assertThat(Scorer.feature(card, "source").orElseThrow().getReason())
                .isEqualTo("+0.8 from example defense wire, an outlet weighted +0.8");

        // a lookup from elsewhere (the feed list) comes first, the taxonomy's map after it
        SourceWeights feeds = article -> article.getSource().equals("example defense wire") ? 2.0 : SourceWeights.NONE;
        Scorer withFeeds = new Scorer(
                r.taxonomy().scoring(),
                feeds.orElse(SourceWeights.byName(r.taxonomy().scoring().sources())));
        assertThat(Scorer.feature(withFeeds.score(a, tags(r, a)), "source")
                        .orElseThrow()
                        .getValue())
                .isEqualTo(2.0);
    }

    @Test
    void shouldCountCoverageOnlyBeyondTheFirstOutletAndUpToItsMaximum() {
        ScoringRules r = ScoringRules.defaults();
        NewsArticle a =
                Articles.article("Navy tests AI for ship repairs", "The navy said the AI tool cut repair times.");
        List<TagMatch> tags = tags(r, a);
        Scorer scorer = new Scorer(r.taxonomy().scoring());
        assertThat(Scorer.feature(scorer.score(a, tags, ScoringContext.SINGLE), "coverage"))
                .isEmpty();
        assertThat(Scorer.feature(scorer.score(a, tags, new ScoringContext(3)), "coverage")
                        .orElseThrow()
                        .getReason())
                .isEqualTo("+0.6 carried by 3 outlets");
        assertThat(Scorer.feature(scorer.score(a, tags, new ScoringContext(40)), "coverage")
                        .orElseThrow()
                        .getValue())
                .isEqualTo(1.5);
    }

    /** "Defense" inside "Defense Cooperation" is one piece of evidence, not two. */
    @Test
    void shouldCountWordsOnceWhenOneTagsHitLiesInsideAnotherOfTheSameCategory() {
        ScoringRules r = rules("");
        NewsArticle a = Articles.article("Defense cooperation with AI", "Officials met.");
        ScoreCard card = new Scorer(r.taxonomy().scoring()).score(a, tags(r, a));
        assertThat(tags(r, a)).extracting(TagMatch::id).contains("defense", "defense-cooperation");
        assertThat(card.contributions())
                .extracting(Contribution::getFeature)
                .contains("tag.title:defense-cooperation")
                .doesNotContain("tag.title:defense", "tag.body:defense");
    }

    /** A headline naming two tags of one category gets the title's extra once. */
    @Test
    void shouldGiveTheTitlesExtraOncePerCategory() {
        ScoringRules r = rules("");
        NewsArticle a = Articles.article("Navy and defense cooperation", "Officials met.");
        ScoreCard card = new Scorer(r.taxonomy().scoring()).score(a, tags(r, a));
        assertThat(Scorer.feature(card, "tag.title:defense").orElseThrow().getValue())
                .isEqualTo(1.5);
        assertThat(Scorer.feature(card, "tag.title:defense-cooperation")
                        .orElseThrow()
                        .getReason())
                .isEqualTo("+1.0 defense cooperation in the title: defense cooperation"
                        + " (the title's extra for Security & Risk went to defense)");
    }

    /** The dateline's date is when the story was filed, not a fact of it. */
    @Test
    void shouldNotCountTheDatelinesDateAsAFact() {
        ScoreCard filed = ENGINE.evaluate(Articles.article(
                        "Navy tests AI for ship repairs",
                        "WASHINGTON, Nov. 3 (Reuters) - The navy said the AI tool works."))
                .card();
        ScoreCard dated = ENGINE.evaluate(Articles.article(
                        "Navy tests AI for ship repairs", "The navy said on Nov. 3 that the AI tool works."))
                .card();
        assertThat(Scorer.feature(filed, "specificity.date")).isEmpty();
        assertThat(Scorer.feature(dated, "specificity.date")).isPresent();
    }

    @Test
    void shouldReadEveryScoringKeyAndKeepDefaultsForTheRest() {
        ScoringSettings s = rules("""
                        scoring:
                          leadSentences: 2
                          recency: {freshWithinHours: 6, fresh: 0.5, staleAfterDays: 3, stale: -2}
                          coverage: {perOutlet: 0.2}
                          dateline: {factor: 0.25}
                          summaryOnly: {maxWords: 80}
                          depth: {minShare: 0.3}
                        """).taxonomy().scoring();
        ScoringSettings d = ScoringSettings.defaults();
        assertThat(s.leadSentences()).isEqualTo(2);
        assertThat(s.recency())
                .isEqualTo(new ScoringSettings.Recency(Duration.ofHours(6), 0.5, Duration.ofDays(3), -2.0));
        assertThat(s.coverage())
                .isEqualTo(new ScoringSettings.Coverage(0.2, d.coverage().max()));
        assertThat(s.dateline().factor()).isEqualTo(0.25);
        assertThat(s.summaryOnly().maxWords()).isEqualTo(80);
        assertThat(s.depth().minShare()).isEqualTo(0.3);
        assertThat(s.depth().minSentences()).isEqualTo(d.depth().minSentences());
        assertThat(s.sources()).isEqualTo(Map.of());
    }

    @Test
    void shouldNameTheFieldOfEveryScoringError() {
        assertThatThrownBy(() -> rules("scoring:\n  recency: {stale: 0.5}\n"))
                .hasMessage("taxonomy tax.yaml: scoring.recency.stale: must be zero or less: a penalty (got 0.5)");
        assertThatThrownBy(() -> rules("scoring:\n  recency: {freshWithinHours: 48, staleAfterDays: 1}\n"))
                .hasMessageContaining("scoring.recency.staleAfterDays: must be later than freshWithinHours");
        assertThatThrownBy(() -> rules("scoring:\n  sources: {\"Wire\": 9}\n"))
                .hasMessageContaining("scoring.sources.Wire: must be a weight between -5.0 and 5.0 (got 9.0)");
        assertThatThrownBy(() -> rules("scoring:\n  sources: {\"Wire\": 1, \"WIRE\": 2}\n"))
                .hasMessageContaining("scoring.sources.WIRE: the outlet is listed twice");
        assertThatThrownBy(() -> rules("scoring:\n  depth: {minShare: 1.5}\n"))
                .hasMessageContaining("scoring.depth.minShare: must be between 0 and 1 (got 1.5)");
        assertThatThrownBy(() -> rules("scoring:\n  dateline: {factor: -1}\n"))
                .hasMessageContaining("scoring.dateline.factor: must be between 0 and 1");
        assertThatThrownBy(() -> rules("scoring:\n  coverage: {max: -1}\n"))
                .hasMessageContaining("scoring.coverage.max: must be zero or more");
        assertThatThrownBy(() -> rules("scoring:\n  summaryOnly: {maxWords: -1}\n"))
                .hasMessageContaining("scoring.summaryOnly.maxWords: must be at least 0");
        assertThatThrownBy(() -> rules("scoring:\n  leadSentences: 9\n"))
                .hasMessageContaining("scoring.leadSentences: must be between 0 and 5");
        assertThatThrownBy(() -> rules("scoring:\n  recency: {freshHours: 3}\n"))
                .hasMessageContaining("unknown field 'freshHours'");
    }

    private static List<TagMatch> tags(ScoringRules r, NewsArticle a) {
        try (var tagger = new io.newsradar.scoring.rules.MonitorTagger(r.taxonomy())) {
            return tagger.tag(a);
        }
    }
}
