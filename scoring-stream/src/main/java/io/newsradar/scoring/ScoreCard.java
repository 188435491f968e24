package io.newsradar.scoring;

import io.newsradar.avro.Contribution;
import java.util.List;

/**
 * The explained score of one article.
 *
 * @param score         clamp(0, 10, sum of contribution values), one decimal
 * @param contributions every term of the sum, largest effect first
 * @param rationale     the top contributions written out as sentences
 * @param keyPoints     the article's own sentences carrying the most matched weight
 * @param notes         what the rationale says besides the terms, kept so the card can be scored
 *                      again with its story's coverage ({@link Scorer#withCoverage})
 */
public record ScoreCard(
        double score, List<Contribution> contributions, String rationale, List<String> keyPoints, Notes notes) {

    public ScoreCard {
        contributions = List.copyOf(contributions);
        keyPoints = List.copyOf(keyPoints);
        notes = notes == null ? Notes.NONE : notes;
    }

    public ScoreCard(double score, List<Contribution> contributions, String rationale, List<String> keyPoints) {
        this(score, contributions, rationale, keyPoints, Notes.NONE);
    }

    /** The same card with another rationale (a hold or mute sentence appended). */
    public ScoreCard withRationale(String rationale) {
        return new ScoreCard(score, contributions, rationale, keyPoints, notes);
    }

    /**
     * The rationale's parts that do not come from the terms.
     *
     * @param tagged  whether any tag matched (else the rationale says nothing matched)
     * @param onTopic whether the story terms (recency, source, coverage) count for the article
     * @param missing the sentence on specifics not named ("No budget named."), or ""
     * @param summary the sentence on a summary-only or title-only body, or ""
     */
    public record Notes(boolean tagged, boolean onTopic, String missing, String summary) {
        static final Notes NONE = new Notes(false, false, "", "");

        public Notes {
            missing = missing == null ? "" : missing;
            summary = summary == null ? "" : summary;
        }
    }
}
