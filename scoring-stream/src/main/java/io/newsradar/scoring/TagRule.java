package io.newsradar.scoring;

import java.util.List;
import java.util.Objects;

/**
 * One tag of the taxonomy: what it is called, where it belongs, what it is worth, and the words
 * that find it.
 *
 * @param keywords   case-insensitive whole words or phrases
 * @param exactCase  whole words or phrases whose case must match ("AI", "US")
 * @param exclude    case-insensitive phrases whose occurrences hide the keywords inside them
 * @param minMatches distinct keywords an article must contain for the tag to apply
 */
public record TagRule(
        String id,
        String label,
        String category,
        double weight,
        List<String> keywords,
        List<String> exactCase,
        List<String> exclude,
        int minMatches) {

    public TagRule {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(category, "category");
        keywords = List.copyOf(keywords);
        exactCase = List.copyOf(exactCase);
        exclude = List.copyOf(exclude);
        if (minMatches < 1) {
            throw new IllegalArgumentException("minMatches must be at least 1: " + minMatches);
        }
    }

    /** A penalty rule (sports, opinion...): it lowers the score and never makes a key point. */
    public boolean negative() {
        return weight < 0;
    }
}
