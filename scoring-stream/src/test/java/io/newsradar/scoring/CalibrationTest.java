package io.newsradar.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.newsradar.avro.Contribution;
import io.newsradar.avro.NewsArticle;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Must-show 1 of issue 6: the seed brief as a feed carries it lands at 5.3 +- 1.0 with its tags,
 * and relations between articles that do not depend on our samples' wording.
 */
class CalibrationTest {
    // one engine for the class: building the matcher is the slow part, and the engine is immutable
    private static final ScoringRules RULES = ScoringRules.defaults();
    private static final ScoringEngine ENGINE = ScoringEngine.of(RULES);

    @AfterAll
    static void closeEngine() {
        ENGINE.close();
    }

    @Test
    void shouldScoreTheSeedBriefsHeadlineAndParagraphAroundFivePointThree() {
        Path file = SeedBrief.file();
        if (file == null) {
            // the console shows only "Skipped"; say why where the person running it looks
            System.out.println("CalibrationTest: seed brief skipped: no *.txt in " + SeedBrief.dir());
        }
        assumeTrue(file != null, () -> "no seed brief (*.txt) in " + SeedBrief.dir());

        Evaluation e = ENGINE.evaluate(SeedBrief.asFeedItem(file));

        assertThat(e.card().score()).as(e.card().rationale()).isBetween(4.3, 6.3);
        assertThat(e.tags())
                .extracting(TagMatch::id)
                .contains(
                        "defense-cooperation",
                        "international-relations",
                        "artificial-intelligence",
                        "south-korea",
                        "japan");
        assertThat(e.tags()).extracting(m -> m.rule().category()).contains("Security & Risk");
        assertThat(e.card().rationale())
                .contains("Scored on the summary only")
                .contains("No programme or amount named");
    }

    @Test
    void shouldKeepTheSeedStyleSampleInTheMiddleBand() {
        assertThat(ENGINE.evaluate(Articles.sample("seoul-tokyo-defence-talks"))
                        .card()
                        .score())
                .isBetween(4.0, 7.0);
    }

    @Test
    void shouldScoreTheFundedProgrammeSampleHighAndAlert() {
        Evaluation e = ENGINE.evaluate(Articles.sample("tidewatch-joint-ai-programme"));
        assertThat(e.card().score()).isGreaterThanOrEqualTo(7.0);
        assertThat(e.routes()).extracting(Route::name).contains("defense-ai");
    }

    /** Metamorphic: the same funded article without the sentences naming AI no longer takes the AI route. */
    @Test
    void shouldDropBelowTheRouteWhenTheAiSentencesAreRemoved() {
        for (WireItems.Item item : WireItems.alerting()) {
            NewsArticle funded = item.article();
            Evaluation before = ENGINE.evaluate(funded);
            assertThat(before.routes()).extracting(Route::name).contains("defense-ai");
            TagMatch ai = before.tags().stream()
                    .filter(m -> m.id().equals("artificial-intelligence"))
                    .findFirst()
                    .orElseThrow();
            if (ai.in(ArticleField.TITLE)) {
                continue; // only items naming AI in the body alone make this relation testable
            }
            NewsArticle without = withoutSentencesHolding(funded, ai);

            Evaluation after = ENGINE.evaluate(without);

            assertThat(after.routes()).as(item.id()).extracting(Route::name).doesNotContain("defense-ai");
            assertThat(after.card().score())
                    .as(item.id())
                    .isLessThan(before.card().score());
        }
        // the relation must have been exercised at least once
        assertThat(WireItems.alerting().stream()
                        .map(i -> ENGINE.evaluate(i.article()))
                        .filter(e -> e.tags().stream()
                                .anyMatch(m -> m.id().equals("artificial-intelligence") && !m.in(ArticleField.TITLE))))
                .isNotEmpty();
    }

    /** Metamorphic: an amount added to an existing sentence adds exactly the amount's contribution. */
    @Test
    void shouldRaiseTheScoreByExactlyTheAmountContributionWhenABudgetIsAdded() {
        NewsArticle seedStyle = Articles.sample("seoul-tokyo-defence-talks");
        String body = seedStyle.getBody();
        int firstStop = body.indexOf(". ");
        String withAmount = body.substring(0, firstStop) + ", worth $40 million" + body.substring(firstStop);
        NewsArticle funded = Articles.corrected(seedStyle, withAmount);

        ScoreCard before = ENGINE.evaluate(seedStyle).card();
        ScoreCard after = ENGINE.evaluate(funded).card();

        Contribution amount = Scorer.feature(after, "specificity.amount").orElseThrow();
        // terms are rounded to one decimal, so that the sentences add up to the score
        assertThat(amount.getValue())
                .isEqualTo(Scorer.round(RULES.taxonomy().scoring().specificity().amount()));
        assertThat(Scorer.feature(before, "specificity.amount")).isEmpty();
        assertThat(Scorer.round(after.score() - before.score())).isEqualTo(amount.getValue());
        assertThat(after.contributions().stream()
                        .filter(c -> !c.getFeature().equals("specificity.amount"))
                        .toList())
                .isEqualTo(before.contributions());
    }

    /** A country in the dateline says where the reporter sat; in the lead, what the story is about. */
    @Test
    void shouldWeighACountryNamedOnlyInTheDatelineLessThanInTheLead() {
        String rest = "The army will deploy artificial intelligence to sort drone images, the defence ministry said."
                + " Officials gave no cost.";
        NewsArticle dateline =
                Articles.article("Army to sort drone images with AI", "SEOUL, Nov 3 (Reuters) - " + rest);
        NewsArticle lead = Articles.article(
                "Army to sort drone images with AI",
                "South Korea's army will deploy artificial intelligence to sort drone images, the defence ministry said."
                        + " Officials gave no cost.");
        NewsArticle byline = Articles.article(
                "Army to sort drone images with AI",
                rest + " (Reporting by Hyonhee Shin in Seoul; Editing by Ed Davies)");

        double inDateline = countryValue(ENGINE.evaluate(dateline).card());
        double inLead = countryValue(ENGINE.evaluate(lead).card());
        double inCredit = countryValue(ENGINE.evaluate(byline).card());

        assertThat(inLead).isPositive();
        assertThat(inDateline).isLessThan(inLead);
        assertThat(inCredit).isLessThan(inLead);
    }

    @Test
    void shouldGiveAnArmySportsStoryNoDefenseTag() {
        NewsArticle game = WireItems.byId("army-basketball").article();
        Evaluation e = ENGINE.evaluate(game);
        assertThat(e.tags()).extracting(TagMatch::id).doesNotContain("defense");
        assertThat(e.routes()).isEmpty();
        assertThat(ENGINE.evaluate(Articles.sample("army-navy-snow-game")).tags())
                .extracting(TagMatch::id)
                .doesNotContain("defense");
    }

    private static double countryValue(ScoreCard card) {
        return card.contributions().stream()
                .filter(c -> c.getFeature().endsWith(":south-korea"))
                .mapToDouble(Contribution::getValue)
                .sum();
    }

    private static NewsArticle withoutSentencesHolding(NewsArticle a, TagMatch m) {
        List<Sentence> sentences = SentenceSplitter.split(a.getBody());
        StringBuilder kept = new StringBuilder();
        for (Sentence s : sentences) {
            boolean holds = m.hits(ArticleField.BODY).stream().anyMatch(s::contains);
            if (!holds) {
                kept.append(kept.length() == 0 ? "" : " ").append(s.text());
            }
        }
        return Articles.corrected(a, kept.toString());
    }
}
