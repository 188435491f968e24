package io.newsradar.scoring.eval;

import java.util.Objects;
import java.util.Set;

/**
 * One line of a frozen label file.
 *
 * @param id    the item's id in the shared material ({@code agnews-test-N}, {@code fwd-N})
 * @param group the stratum it was sampled from (the AG class, the headline's category)
 * @param tags  the tags a careful reader found; empty for {@code -}
 */
public record LabelledItem(String id, String group, Set<String> tags) {

    public LabelledItem {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(group, "group");
        tags = Set.copyOf(tags);
    }
}
