package io.newsradar.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsradar.avro.Contribution;
import io.newsradar.avro.NewsArticle;
import io.newsradar.schemas.article.ArticleMarks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What ingest records about the body ({@code bodyKind}, issue 7) beats the word count: a body
 * marked SUMMARY is scored as a summary however long, one marked FULL_TEXT as the full text however
 * short; only UNKNOWN falls back to {@code scoring.summaryOnly.maxWords}.
 */
class BodyKindTest {
    private final ScoringRules rules = ScoringRules.defaults();
    private final ScoringEngine engine = ScoringEngine.of(rules);

    @AfterEach
    void close() {
        engine.close();
    }

    private ScoreCard card(NewsArticle article, String bodyKind) {
        NewsArticle marked =
                NewsArticle.newBuilder(article).setBodyKind(bodyKind).build();
        return engine.evaluate(marked).card();
    }

    private static boolean hasDepth(ScoreCard card) {
        return card.contributions().stream().map(Contribution::getFeature).anyMatch(f -> f.startsWith("depth:"));
    }

    /** About 110 words, six sentences, AI in most of them: short enough to be guessed a summary. */
    private static final NewsArticle SHORT = ScorerTest.FUNDED_PROGRAMME;

    /** The same text four times: over 150 words, so a full text by the word count. */
    private static final NewsArticle LONG =
            Articles.article(SHORT.getTitle(), String.join(" ", java.util.Collections.nCopies(4, SHORT.getBody())));

    @Test
    void theWordCountStillDecidesWhenIngestDoesNotKnow() {
        assertThat(rules.taxonomy().scoring().summaryOnly().maxWords()).isEqualTo(150);
        ScoreCard shortCard = card(SHORT, ArticleMarks.UNKNOWN);
        assertThat(shortCard.rationale()).contains("Scored on the summary only (");
        assertThat(hasDepth(shortCard)).isFalse();

        ScoreCard longCard = card(LONG, ArticleMarks.UNKNOWN);
        assertThat(longCard.rationale()).doesNotContain("summary only");
        assertThat(hasDepth(longCard)).isTrue();
    }

    @Test
    void aBodyMarkedSummaryIsScoredOnTheSummaryOnlyHoweverLong() {
        ScoreCard card = card(LONG, ArticleMarks.SUMMARY);

        assertThat(card.rationale())
                .contains("Scored on the summary only: the source gives a summary (")
                .contains("words), not the full text.");
        assertThat(hasDepth(card)).isFalse();
    }

    @Test
    void aBodyMarkedFullTextIsNeverASummaryHoweverShort() {
        ScoreCard card = card(SHORT, ArticleMarks.FULL_TEXT);

        assertThat(card.rationale()).doesNotContain("summary only");
        assertThat(hasDepth(card)).isTrue();
    }

    @Test
    void aKindThisReaderDoesNotKnowIsReadAsUnknown() {
        assertThat(card(SHORT, "ABRIDGED").rationale()).contains("Scored on the summary only (");
        assertThat(card(LONG, "ABRIDGED").rationale()).doesNotContain("summary only");
    }
}
