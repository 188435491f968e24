package io.newsradar.scoring.ruleset;

import java.util.Collection;
import java.util.List;

/**
 * Which of a ruleset's alert topics are missing on the cluster. A ruleset is activated only when
 * every route's topic exists: a send to a missing topic would stall a stream thread until the
 * producer's metadata wait runs out, and then fail it.
 */
@FunctionalInterface
public interface TopicCheck {
    /** Every topic exists: for TopologyTestDriver, which creates output topics on demand. */
    TopicCheck NONE = topics -> List.of();

    /**
     * The names among {@code topics} that do not exist, in their order. Throws when the cluster
     * cannot say within a bounded wait; the caller treats that as a rejection too.
     */
    List<String> missing(Collection<String> topics);
}
