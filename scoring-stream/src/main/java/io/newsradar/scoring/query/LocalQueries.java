package io.newsradar.scoring.query;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.HdrHistogram.Histogram;

/**
 * What this one instance holds: its stores and recorders, read without any network call. The
 * cluster-wide answers ({@link ClusterQueries}) are merged from these parts; tests give a map-backed
 * implementation instead of a running stream.
 *
 * <p>A store that cannot be read now (a rebalance moving tasks, the stream not running) throws
 * {@link QueryUnavailableException}.
 */
public interface LocalQueries {
    /** The story of that id when one of this instance's active tasks holds it. */
    Optional<StoryView> story(String storyId);

    /** At most {@code limit} of the alerts this instance's tasks keep, newest first. */
    List<RecentAlert> recentAlerts(int limit);

    /** Fetched -> scored latencies recorded here, in ms (a copy). */
    Histogram fetchedToScored();

    /** Published -> scored latencies recorded here, in ms (a copy). */
    Histogram publishedToScored();

    /** Scored records per score bucket ({@link ScoreBuckets}). */
    long[] scoreCounts();

    /**
     * The per-tag minute windows this instance holds that may fall in the last {@code minutes}: the
     * end of its newest window, and every window starting at or after that end minus
     * {@code minutes}. (The cluster's newest end is at least this instance's, so nothing the
     * cluster-wide range needs is left out.)
     */
    TagMinutes tagMinutes(int minutes);

    /** One alert of the recent-alerts store: its event time, its id and its AlertJson form. */
    record RecentAlert(long eventTimeMs, String alertId, JsonNode alert) {
        RecentAlertKey key() {
            return new RecentAlertKey(eventTimeMs, alertId);
        }
    }

    /** One tag's figures in one minute window. */
    record TagMinute(String tag, long windowStartMs, long articles, double scoreSum) {}

    /** @param newestWindowEndMs empty when this instance holds no window */
    record TagMinutes(OptionalLong newestWindowEndMs, List<TagMinute> minutes) {
        public TagMinutes {
            minutes = List.copyOf(minutes);
        }

        static TagMinutes none() {
            return new TagMinutes(OptionalLong.empty(), List.of());
        }
    }
}
