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
        List<NewsArticle> alerting = new java.util.ArrayList<>();
        alerting.add(Articles.sample("tidewatch-joint-ai-programme"));
        WireItems.alerting().forEach(i -> alerting.add(i.article()));
        for (NewsArticle funded : alerting) {
            Evaluation before = ENGINE.evaluate(funded);
            assertThat(before.routes())
                    .as(funded.getId())
                    .extracting(Route::name)
                    .contains("defense-ai");
            TagMatch ai = before.tags().stream()
                    .filter(m -> m.id().equals("artificial-intelligence"))
                    .findFirst()
                    .orElseThrow();
            // the AI sentences go, and the AI words of the headline (a headline is one sentence
            // whose other words carry the rest of the story)
            NewsArticle without = withoutAiWordsInTitle(withoutSentencesHolding(funded, ai), ai);

            Evaluation after = ENGINE.evaluate(without);

            assertThat(after.tags())
                    .as(funded.getId())
                    .extracting(TagMatch::id)
                    .doesNotContain("artificial-intelligence");
            assertThat(after.routes())
                    .as(funded.getId())
                    .extracting(Route::name)
                    .doesNotContain("defense-ai");
            assertThat(after.card().score())
                    .as(funded.getId())
                    .isLessThan(before.card().score());
        }
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

    private static NewsArticle withoutAiWordsInTitle(NewsArticle a, TagMatch m) {
        StringBuilder title = new StringBuilder(a.getTitle());
        List<Hit> hits = new java.util.ArrayList<>(m.hits(ArticleField.TITLE));
        hits.sort(java.util.Comparator.comparingInt(Hit::start).reversed());
        hits.forEach(h -> title.delete(h.start(), h.end()));
        NewsArticle copy = NewsArticle.newBuilder(a)
                .setTitle(title.toString().replaceAll("\\s+", " ").strip())
                .build();
        return copy;
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
