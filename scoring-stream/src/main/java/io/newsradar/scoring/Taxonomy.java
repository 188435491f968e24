package io.newsradar.scoring;

import java.util.List;
import java.util.Optional;

/** A named, versioned set of tag rules with the weights of the score. */
public record Taxonomy(String name, int version, ScoringSettings scoring, List<TagRule> rules) {

    public Taxonomy {
        rules = List.copyOf(rules);
    }

    public Optional<TagRule> rule(String id) {
        return rules.stream().filter(r -> r.id().equals(id)).findFirst();
    }
}
