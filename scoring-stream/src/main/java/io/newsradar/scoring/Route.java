package io.newsradar.scoring;

import io.newsradar.avro.Alert;
import io.newsradar.schemas.topics.TopicDef;
import io.newsradar.schemas.topics.Topics;
import java.util.Collection;
import java.util.Objects;
import java.util.Set;

/**
 * A predicate over an article's tags and score that names the alert topic it feeds.
 *
 * @param requiredTags the article must carry every one of these tag ids
 * @param minScore     and score at least this
 */
public record Route(String name, String priority, Set<String> requiredTags, double minScore) {

    public Route {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(priority, "priority");
        requiredTags = Set.copyOf(requiredTags);
        // fails early on a name that cannot be a topic
        Topics.alerts(name);
    }

    /** {@code alerts.<name>.v1}, keyed by story id. */
    public TopicDef<String, Alert> topic() {
        return Topics.alerts(name);
    }

    public boolean matches(Collection<String> tagIds, double score) {
        return score >= minScore && tagIds.containsAll(requiredTags);
    }
}
