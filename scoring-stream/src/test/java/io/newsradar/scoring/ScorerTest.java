package io.newsradar.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.newsradar.avro.Contribution;
import io.newsradar.avro.NewsArticle;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Calibration of the default rules (DESIGN.md § Tagging and scoring) on hand-written articles,
 * plus the arithmetic and explanation rules of the scorer.
 */
class ScorerTest {
    private final ScoringRules rules = ScoringRules.defaults();
    private final ScoringEngine engine = ScoringEngine.of(rules);

    @AfterEach
    void closeEngine() {
        engine.close();
    }

    /** Two allied ministers agree on many things; AI is one of them; no programme, no money. */
    static final NewsArticle ALLIED_MINISTERS_AGREE = Articles.article(
            "Australia and Britain agree to deepen defence cooperation, naming AI among several areas",
            "Australia's defence minister met his British counterpart in London on Monday for annual talks. "
                    + "The two agreed to hold more joint exercises in the Indo-Pacific, to swap officers between their "
                    + "staff colleges and to explore cooperation on cyber security and artificial intelligence. "
                    + "No budget or project was announced, and officials said details would be settled by working groups. "
                    + "The ministers also discussed shipbuilding schedules and the security situation in the Pacific. "
                    + "Both governments described the military alliance as stronger than at any time in a decade.");

    /** A funded joint programme with a name, an amount and a date. */
    static final NewsArticle FUNDED_PROGRAMME = Articles.article(
            "Allied defence ministries fund joint AI programme for submarine detection",
            "The defence ministries of Australia and the United Kingdom will spend $350 million on Project Deepwatch, "
                    + "a joint effort to build machine learning tools that spot submarines in sonar data. "
                    + "Contracts will be signed by June 2027 and the first systems are due to reach navy ships in 2029. "
                    + "The AI models will be trained on recordings shared by both navies under a new data agreement. "
                    + "Officials said the programme would make the allies' anti-submarine systems interoperable. "
                    + "Deepwatch is the first military AI project the two countries have funded together.");

    /** A sports story that says "Army" and "Navy" but is about football. */
    static final NewsArticle ARMY_FOOTBALL = Articles.article(
            "Army beats Navy in overtime thriller",
            "Army's kicker hit a field goal in overtime to beat Navy 20-17 on Saturday. "
                    + "The quarterback threw for two touchdowns and the defense forced three turnovers. "
                    + "Fans filled the stadium despite the cold, and the head coach called it the best game of the season.");

    static final NewsArticle BAKERY = Articles.article(
            "Village bakery wins national bread prize",
            "A family bakery took first place in a national competition on Sunday for its rye loaf. "
                    + "The owners said they would use the prize money to buy a second oven.");

    @Test
    void shouldPutAlliedMinistersAgreementInTheMiddleBand() {
        ScoreCard card = engine.evaluate(ALLIED_MINISTERS_AGREE).card();
        assertThat(card.score()).isBetween(4.0, 7.0);
        assertThat(card.rationale()).contains("No programme, amount or date named");
    }

    @Test
    void shouldScoreFundedJointProgrammeHigh() {
        ScoreCard card = engine.evaluate(FUNDED_PROGRAMME).card();
        assertThat(card.score()).isGreaterThanOrEqualTo(7.0);
        assertThat(card.contributions())
                .extracting(Contribution::getFeature)
                .contains("specificity.programme", "specificity.amount", "specificity.date");
        assertThat(Scorer.feature(card, "specificity.amount").orElseThrow().getReason())
                .contains("$350 million");
    }

    @Test
    void shouldRankFundedProgrammeAboveAgreementInPrinciple() {
        assertThat(engine.evaluate(FUNDED_PROGRAMME).card().score())
                .isGreaterThan(engine.evaluate(ALLIED_MINISTERS_AGREE).card().score() + 1.5);
    }

    @Test
    void shouldScoreArmyFootballNearZeroWithoutAlert() {
        Evaluation e = engine.evaluate(ARMY_FOOTBALL);
        assertThat(e.card().score()).isLessThan(2.0);
        assertThat(e.routes()).isEmpty();
        assertThat(e.card().contributions()).anySatisfy(c -> {
            assertThat(c.getFeature()).isEqualTo("tag.title:sports");
            assertThat(c.getValue()).isNegative();
        });
    }

    @Test
    void shouldScoreUnrelatedArticleZeroAndSayWhy() {
        ScoreCard card = engine.evaluate(BAKERY).card();
        assertThat(card.score()).isZero();
        assertThat(card.contributions()).isEmpty();
        assertThat(card.keyPoints()).isEmpty();
        assertThat(card.rationale()).contains("No taxonomy tag matched");
    }

    /** The title and the lead (the body's first sentence) carry a story's substance; later sentences less. */
    @Test
    void shouldCountATagInTheTitleMoreThanInTheBody() {
        NewsArticle inTitle = Articles.article("Navy orders new ships", "The order was placed on Monday.");
        NewsArticle inLead = Articles.article("New ships ordered", "The navy placed the order on Monday.");
        NewsArticle inBody = Articles.article(
                "New ships ordered", "The order was placed on Monday. The navy will take the first one soon.");
        assertThat(engine.evaluate(inLead).card().score())
                .isEqualTo(engine.evaluate(inTitle).card().score());
        assertThat(engine.evaluate(inTitle).card().score())
                .isGreaterThan(engine.evaluate(inBody).card().score());
    }

    @Test
    void shouldRewardDefenseAndAiTogetherInTheTitle() {
        ScoreCard card = engine.evaluate(FUNDED_PROGRAMME).card();
        Contribution pair = Scorer.feature(card, "pair.title:defense+artificial-intelligence")
                .orElseThrow();
        assertThat(pair.getValue()).isPositive();
        assertThat(pair.getReason()).startsWith("+1.0 defense and artificial intelligence named together in the title");
    }

    @Test
    void shouldPenaliseOpinionPieces() {
        NewsArticle news =
                Articles.article("Navy tests AI for ship repairs", "The navy said the AI tool cut repair times.");
        NewsArticle opinion = Articles.article(
                "Opinion: Navy tests AI for ship repairs", "The navy said the AI tool cut repair times.");
        assertThat(engine.evaluate(opinion).card().score())
                .isLessThan(engine.evaluate(news).card().score());
    }

    @Test
    void shouldMakeScoreTheClampedSumOfRoundedContributions() {
        for (NewsArticle a : List.of(ALLIED_MINISTERS_AGREE, FUNDED_PROGRAMME, ARMY_FOOTBALL)) {
            ScoreCard card = engine.evaluate(a).card();
            double sum = card.contributions().stream()
                    .mapToDouble(Contribution::getValue)
                    .sum();
            assertThat(card.score()).isCloseTo(Math.max(0, Math.min(10, Scorer.round(sum))), within(1e-9));
            for (Contribution c : card.contributions()) {
                assertThat(c.getValue()).isEqualTo(Scorer.round(c.getValue()));
                assertThat(c.getReason())
                        .startsWith((c.getValue() >= 0 ? "+" : "")
                                + String.format(java.util.Locale.ROOT, "%.1f", c.getValue()));
            }
            assertThat(card.contributions())
                    .isSortedAccordingTo((x, y) -> Double.compare(Math.abs(y.getValue()), Math.abs(x.getValue())));
        }
    }

    @Test
    void shouldBuildRationaleFromTheTopContributions() {
        ScoreCard card = engine.evaluate(FUNDED_PROGRAMME).card();
        int shown = rules.taxonomy().scoring().rationaleSize();
        for (Contribution c : card.contributions().subList(0, shown)) {
            assertThat(card.rationale()).contains(c.getReason());
        }
        assertThat(card.rationale()).contains("from " + (card.contributions().size() - shown) + " smaller terms");
    }

    @Test
    void shouldPickKeyPointsFromTheArticlesOwnSentencesByMatchedWeight() {
        ScoreCard card = engine.evaluate(FUNDED_PROGRAMME).card();
        assertThat(card.keyPoints()).hasSizeBetween(1, 3);
        card.keyPoints().forEach(k -> assertThat(FUNDED_PROGRAMME.getBody()).contains(k));
        // the sentence with the programme, the amount and two tags outweighs all others
        assertThat(card.keyPoints().get(0)).contains("Project Deepwatch");
    }

    @Test
    void shouldNotCountFactsInArticlesOffTopic() {
        NewsArticle business = Articles.article(
                "Grocer raises forecast", "Profit will reach $300 million by 2027, the company said on March 4, 2026.");
        assertThat(engine.evaluate(business).card().score()).isZero();
    }

    /** The team's sample articles (config/samples/articles.jsonl) land in their bands. */
    @ParameterizedTest(name = "{0} scores {1}..{2}, alert={3}")
    @CsvSource({
        "seoul-tokyo-defence-talks, 4.0, 7.0, true",
        "tidewatch-joint-ai-programme, 7.0, 10.0, true",
        "army-navy-snow-game, 0.0, 1.9, false",
        "grocer-quarterly-results, 0.0, 3.0, false",
        "coastal-storm-warning, 0.0, 3.0, false",
        "exoplanet-water-vapour, 0.0, 3.0, false",
        "hospital-ai-triage, 0.0, 4.0, false"
    })
    void shouldPlaceSampleArticlesInTheirBands(String urlPart, double min, double max, boolean alert) {
        Evaluation e = engine.evaluate(Articles.sample(urlPart));
        assertThat(e.card().score()).isBetween(min, max);
        assertThat(!e.routes().isEmpty()).isEqualTo(alert);
    }

    @Test
    void shouldHaveABandForEverySampleArticle() {
        List<String> banded = List.of(
                "seoul-tokyo-defence-talks",
                "tidewatch-joint-ai-programme",
                "army-navy-snow-game",
                "grocer-quarterly-results",
                "coastal-storm-warning",
                "exoplanet-water-vapour",
                "hospital-ai-triage");
        assertThat(Articles.samples())
                .extracting(NewsArticle::getUrl)
                .allMatch(url -> banded.stream().anyMatch(url::contains), "a sample without a calibration band");
    }

    /**
     * A body at the validator's size limit made of thousands of short on-topic sentences: placing
     * each of tens of thousands of hits by scanning every sentence took over ten seconds. The
     * timeout guards against that shape coming back; it is not a benchmark.
     */
    @Test
    void shouldScoreABodyOfManyShortOnTopicSentencesWithoutHanging() {
        String unit = "Defense AI. ";
        NewsArticle a = Articles.article("Defense AI", unit.repeat(ArticleValidator.MAX_BODY_BYTES / unit.length()));

        ScoreCard card = assertTimeoutPreemptively(
                Duration.ofSeconds(5), () -> engine.evaluate(a).card());

        assertThat(card.keyPoints()).isNotEmpty().allSatisfy(p -> assertThat(p).isEqualTo(unit.strip()));
    }
}
