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
 */
public record ScoreCard(double score, List<Contribution> contributions, String rationale, List<String> keyPoints) {

    public ScoreCard {
        contributions = List.copyOf(contributions);
        keyPoints = List.copyOf(keyPoints);
    }
}
