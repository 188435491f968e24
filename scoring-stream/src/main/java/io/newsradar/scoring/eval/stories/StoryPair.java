package io.newsradar.scoring.eval.stories;

import java.util.Objects;

/**
 * One line of eval/story-pairs-v1.tsv (eval/LABELLING.md, "Story pairs").
 *
 * @param id     the pair's id ({@code p0001})
 * @param kind   how it was drawn: natural, natural-boilerplate, topic, edited
 * @param a      the first item's id
 * @param b      the second item's id (the same item for an edited copy)
 * @param label  what a reader found
 * @param recipe the edits that make {@code b} from its item, empty unless edited
 */
public record StoryPair(String id, String kind, String a, String b, Label label, String recipe) {

    /** A reader's verdict on a pair. */
    public enum Label {
        /** The same report, lightly edited: must be merged. */
        SAME,
        /** One event in other words: neither rate counts it. */
        EVENT,
        /** Different stories: must stay apart. */
        DIFFERENT
    }

    public StoryPair {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(a, "a");
        Objects.requireNonNull(b, "b");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(recipe, "recipe");
    }
}
