package io.newsradar.scoring.query;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.HdrHistogram.Histogram;

/** A {@link LocalQueries} of plain fields, for tests without a stream. */
final class FakeLocal implements LocalQueries {
    final Map<String, StoryView> stories = new HashMap<>();
    final List<RecentAlert> alerts = new ArrayList<>();
    final LatencyHistogram fetched = new LatencyHistogram();
    final LatencyHistogram published = new LatencyHistogram();
    final ScoreBuckets scores = new ScoreBuckets();
    TagMinutes tags = TagMinutes.none();
    volatile boolean unavailable;

    @Override
    public Optional<StoryView> story(String storyId) {
        check();
        return Optional.ofNullable(stories.get(storyId));
    }

    @Override
    public List<RecentAlert> recentAlerts(int limit) {
        check();
        return alerts.stream()
                .sorted(Comparator.comparing(RecentAlert::key).reversed())
                .limit(limit)
                .toList();
    }

    @Override
    public Histogram fetchedToScored() {
        check();
        return fetched.snapshot();
    }

    @Override
    public Histogram publishedToScored() {
        check();
        return published.snapshot();
    }

    @Override
    public long[] scoreCounts() {
        check();
        return scores.counts();
    }

    @Override
    public TagMinutes tagMinutes(int minutes) {
        check();
        return tags;
    }

    private void check() {
        if (unavailable) {
            throw new QueryUnavailableException("rebalancing (test)");
        }
    }
}
