package io.newsradar.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsradar.avro.NewsArticle;
import io.newsradar.avro.ScoredArticle;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A provisional score (coverage 1, before the story is known) scored again with its story's
 * coverage must say exactly what scoring the article in that story directly says: same terms,
 * score and rationale, with no text read again.
 */
class ProvisionalTest {
    private static final ScoringRules RULES = ScoringRules.defaults();
    private static final ScoringEngine ENGINE = ScoringEngine.of(RULES);

    @Test
    void shouldGiveBackTheDirectCardForEveryOutletCountOnEverySample() {
        List<NewsArticle> samples = Articles.samples();
        assertThat(samples).hasSizeGreaterThan(5);
        int onTopic = 0;
        for (NewsArticle a : samples) {
            Provisional p = Provisional.decode(ENGINE.provisional(a, 1, ENGINE.evaluateUnheld(a, ScoringContext.SINGLE))
                    .encode());
            onTopic += p.onTopic() ? 1 : 0;
            for (int outlets : new int[] {1, 2, 4, 40}) {
                ScoreCard direct =
                        ENGINE.evaluateUnheld(a, new ScoringContext(outlets)).card();
                ScoreCard again = ENGINE.withCoverage(p, outlets);
                assertThat(again.score()).as(a.getTitle() + " at " + outlets).isEqualTo(direct.score());
                assertThat(again.contributions()).as(a.getTitle()).isEqualTo(direct.contributions());
                assertThat(again.rationale()).as(a.getTitle()).isEqualTo(direct.rationale());
                assertThat(again.keyPoints()).as(a.getTitle()).isEqualTo(direct.keyPoints());
            }
        }
        assertThat(onTopic).as("samples on topic, where coverage counts").isPositive();
    }

    @Test
    void shouldAddTheCoverageSentenceForAStoryCarriedByFourOutlets() {
        NewsArticle a = Articles.article(
                "Navy tests AI for ship repairs", "The navy said the AI tool cut repair times at two yards.");
        Provisional p = ENGINE.provisional(a, 1, ENGINE.evaluateUnheld(a, ScoringContext.SINGLE));
        assertThat(Scorer.feature(p.card(), "coverage")).isEmpty();
        ScoreCard four = ENGINE.withCoverage(p, 4);
        assertThat(Scorer.feature(four, "coverage").orElseThrow().getReason()).isEqualTo("+0.9 carried by 4 outlets");
        assertThat(four.score()).isEqualTo(Scorer.round(p.scored().getScore() + 0.9));
        // once more with one outlet: the coverage term goes again
        ScoredArticle scored = p.scored();
        assertThat(scored.getRoutes()).isEmpty();
        assertThat(ENGINE.withCoverage(p, 1).score()).isEqualTo(scored.getScore());
    }

    @Test
    void shouldNotCountCoverageForAnArticleOffTopic() {
        NewsArticle bakery = Articles.article("Bakery wins a prize", "The bakery on the corner won a prize for bread.");
        Provisional p = ENGINE.provisional(bakery, 1, ENGINE.evaluateUnheld(bakery, ScoringContext.SINGLE));
        assertThat(p.onTopic()).isFalse();
        assertThat(Scorer.feature(ENGINE.withCoverage(p, 12), "coverage")).isEmpty();
    }
}
