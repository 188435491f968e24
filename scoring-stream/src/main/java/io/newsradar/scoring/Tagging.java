package io.newsradar.scoring;

import java.util.List;

/** What a tagger found in one article, and the rules it could not evaluate there. */
public record Tagging(List<TagMatch> tags, List<RuleError> errors) {

    public Tagging {
        tags = List.copyOf(tags);
        errors = List.copyOf(errors);
    }
}
