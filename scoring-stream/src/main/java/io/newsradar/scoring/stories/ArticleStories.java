package io.newsradar.scoring.stories;

import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;

/**
 * Which story each article belongs to ({@code article-stories}): a window store keyed by article
 * id, one entry per sighting at the stream time of the sighting, retention = the story window.
 * The newest entry inside the window is the answer, so an entry lives a window after the
 * article's last sighting and the store bounds itself (segments are dropped, nothing scans it).
 */
final class ArticleStories {
    private final WindowStore<String, StoryOrigin> store;
    private final long windowMs;

    ArticleStories(WindowStore<String, StoryOrigin> store, long windowMs) {
        this.store = store;
        this.windowMs = windowMs;
    }

    /** The article's story if it was seen within the window before stream time {@code now}, else null. */
    StoryOrigin find(String articleId, long now) {
        try (WindowStoreIterator<StoryOrigin> it =
                store.backwardFetch(articleId, Math.max(0L, now - windowMs), Long.MAX_VALUE)) {
            return it.hasNext() ? it.next().value : null;
        }
    }

    void seen(String articleId, StoryOrigin story, long now) {
        store.put(articleId, story, now);
    }
}
