package io.newsradar.scoring;

import io.newsradar.avro.Alert;
import io.newsradar.schemas.topics.TopicDef;
import io.newsradar.schemas.topics.Topics;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * A predicate over an article's tags, categories and score that names the alert topic it feeds
 * ({@code alerts.<name>.v1}) and the priority its alerts carry.
 *
 * @param tags       the condition on the article's tag ids
 * @param categories the condition on the categories of its tags (negative tags' too)
 * @param minScore   and score at least this
 */
public record Route(String name, String priority, RouteCondition tags, RouteCondition categories, double minScore) {

    public Route {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(priority, "priority");
        Objects.requireNonNull(tags, "tags");
        Objects.requireNonNull(categories, "categories");
        // fails early on a name that cannot be a topic
        Topics.alerts(name);
    }

    /** A route on required tags and a minimum score only (the original routes format). */
    public Route(String name, String priority, Set<String> requiredTags, double minScore) {
        this(name, priority, RouteCondition.allOf(requiredTags), RouteCondition.NONE, minScore);
    }

    /** The tags the article must all carry ({@code tags.allOf}, alias {@code requiredTags}). */
    public Set<String> requiredTags() {
        return tags.allOf();
    }

    /** {@code alerts.<name>.v1}, keyed by story id. */
    public TopicDef<String, Alert> topic() {
        return Topics.alerts(name);
    }

    public boolean matches(Collection<String> tagIds, Collection<String> tagCategories, double score) {
        return score >= minScore && tags.holds(tagIds) && categories.holds(tagCategories);
    }

    /** Whether the route fires, and every part of its predicate that holds or fails, as sentences. */
    public Check check(Collection<String> tagIds, Collection<String> tagCategories, double score) {
        List<String> met = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        tags.explain("tag", tagIds, met, failed);
        categories.explain("category", tagCategories, met, failed);
        if (score >= minScore) {
            met.add(String.format(Locale.ROOT, "the score %.1f reaches the route's minimum %.1f", score, minScore));
        } else {
            failed.add(String.format(
                    Locale.ROOT,
                    "the score %.1f is below the route's minimum %.1f (%.1f short)",
                    score,
                    minScore,
                    minScore - score));
        }
        return new Check(failed.isEmpty(), met, failed);
    }

    /**
     * @param met    the parts of the predicate that hold
     * @param failed the parts that do not; empty exactly when the route fires
     */
    public record Check(boolean fires, List<String> met, List<String> failed) {
        public Check {
            met = List.copyOf(met);
            failed = List.copyOf(failed);
        }
    }
}
