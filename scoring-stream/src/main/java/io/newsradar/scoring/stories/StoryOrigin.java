package io.newsradar.scoring.stories;

import io.newsradar.avro.NewsArticle;
import java.util.Comparator;
import java.util.Objects;

/**
 * Where a story starts: its first article, by the time we fetched it and its id. The story id is
 * the origin's article id, so a story of one article keeps the id alerts had before stories
 * existed (the article id).
 *
 * <p>The merge rule orders origins by fetch time, then id: when one article's copies lead to
 * several candidate stories (two copies hashed on different band partitions at the same moment
 * each started one), the article joins the smallest origin, whatever order the candidates arrived
 * in. Fetch time rather than publish time: outlets stamp syndicated copies with all sorts of
 * publish times (earlier than the original, too), while a copy is nearly always fetched after the
 * original it copies, so the established story wins.
 *
 * @param fetchedAtMs the origin article's {@code fetchedAt}
 * @param articleId   the origin article's id, which is the story id
 */
public record StoryOrigin(long fetchedAtMs, String articleId) implements Comparable<StoryOrigin> {
    private static final Comparator<StoryOrigin> ORDER =
            Comparator.comparingLong(StoryOrigin::fetchedAtMs).thenComparing(StoryOrigin::articleId);

    public StoryOrigin {
        Objects.requireNonNull(articleId, "articleId");
    }

    /** The origin of a story this article starts. */
    public static StoryOrigin of(NewsArticle article) {
        return new StoryOrigin(article.getFetchedAt().toEpochMilli(), article.getId());
    }

    public String storyId() {
        return articleId;
    }

    /** The smaller origin of the two: the story both belong to under the merge rule. */
    public static StoryOrigin min(StoryOrigin a, StoryOrigin b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    @Override
    public int compareTo(StoryOrigin other) {
        return ORDER.compare(this, other);
    }
}
