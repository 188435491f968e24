package io.newsradar.scoring.stories;

import io.newsradar.scoring.Provisional;
import java.util.List;
import java.util.Objects;

/**
 * What the story stage receives, keyed by story id: one article revision placed in its story,
 * or the retraction of an article that belongs to the story.
 *
 * @param storyId       the story (its origin's article id)
 * @param origin        the story's origin
 * @param articleId     the article placed or retracted
 * @param revision      the article's revision (0 for a retraction)
 * @param alsoProposed  other stories the article's bands proposed, which the merge rule did not
 *                      choose (empty nearly always; counted and logged as merges)
 * @param provisional   the article scored at coverage 1; null for a retraction
 * @param retraction    why the article was retracted (a tombstone on {@code news.raw.v1}, or
 *                      {@code newsradar retract}); null for an article
 */
public record StoryAssignment(
        String storyId,
        StoryOrigin origin,
        String articleId,
        int revision,
        List<String> alsoProposed,
        Provisional provisional,
        String retraction) {
    public StoryAssignment {
        Objects.requireNonNull(storyId, "storyId");
        Objects.requireNonNull(articleId, "articleId");
        alsoProposed = List.copyOf(alsoProposed);
        if ((provisional == null) == (retraction == null)) {
            throw new IllegalArgumentException("a story assignment is either an article or a retraction");
        }
    }

    public boolean isRetraction() {
        return retraction != null;
    }
}
