package io.newsradar.scoring.stories;

import io.newsradar.avro.Alert;
import io.newsradar.avro.ScoredArticle;
import java.util.List;

/**
 * What the story stage produces for one {@link StoryAssignment}: the finished record for
 * {@code news.scored.v1} (null for a retraction, which scores nothing) and the alerts it raises,
 * each for {@code alerts.<route>.v1} keyed by the story id.
 */
public record StoryOutput(ScoredArticle scored, List<Alert> alerts) {
    public StoryOutput {
        alerts = List.copyOf(alerts);
    }
}
