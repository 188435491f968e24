package io.newsradar.scoring;

import java.util.List;
import java.util.Objects;

/**
 * One tag of the taxonomy and the Boolean rule that finds it (docs/rules.md): what it is called,
 * where it belongs, what it is worth, and the query.
 *
 * @param id         the tag's id, also the rule's: one rule per tag
 * @param query      media-monitoring Boolean syntax on Lucene's classic parser
 * @param exclude    phrases whose occurrences hide the query's words inside them ("title
 *                   defense" is no military word); other occurrences of the same words still count
 * @param minMatches how many of the query's top-level OR alternatives must match (default 1)
 * @param notes      free text for analysts; never used in matching
 */
public record TagRule(
        String id,
        String label,
        String category,
        double weight,
        String query,
        List<String> exclude,
        int minMatches,
        String notes) {

    public TagRule {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(query, "query");
        exclude = List.copyOf(exclude);
        notes = notes == null ? "" : notes;
        if (minMatches < 1) {
            throw new IllegalArgumentException("minMatches must be at least 1: " + minMatches);
        }
    }

    /** A rule without exclusions, minimum or notes. */
    public TagRule(String id, String label, String category, double weight, String query) {
        this(id, label, category, weight, query, List.of(), 1, "");
    }

    /** A penalty rule (sports, opinion...): it lowers the score and never makes a key point. */
    public boolean negative() {
        return weight < 0;
    }
}
