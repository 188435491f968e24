package io.newsradar.scoring.mutes;

import java.util.Collection;
import java.util.Optional;

/**
 * The analysts' mutes as read from {@code mutes.v1}: a muted story, source or tag is still scored
 * but raises no alert while its period lasts. Thread-safe: filled by the global store's
 * processor, read by every stream thread.
 */
public class MuteDirectory {
    /**
     * Why an article may not alert at event time {@code eventTimeMs}: a sentence for the
     * rationale ("Not alerted: …"), or empty when no mute covers it.
     *
     * @param storyId the article's story
     * @param source  the article's outlet
     * @param tagIds  the ids of its tags
     */
    public Optional<String> reasonFor(String storyId, String source, Collection<String> tagIds, long eventTimeMs) {
        return Optional.empty();
    }
}
