package io.newsradar.scoring.query;

import io.newsradar.scoring.query.LocalQueries.RecentAlert;
import io.newsradar.scoring.query.LocalQueries.TagMinute;
import io.newsradar.scoring.query.LocalQueries.TagMinutes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;

/**
 * How the instances' parts become one answer. Every merge is exact: counts and sums are added
 * before anything is divided or ranked, histograms are added bucket by bucket before a quantile
 * is read (a quantile of the merge, never an average of quantiles).
 */
final class Merges {
    private static final long MINUTE_MS = 60_000;

    private Merges() {}

    /** One tag's total over the range. */
    record TagTotal(String tag, long articles, double meanScore) {}

    /** @param untilMs empty when no instance holds any window */
    record TopTags(OptionalLong untilMs, OptionalLong fromMs, List<TagTotal> tags) {}

    /**
     * The top tags over the {@code minutes} before the newest window end any instance holds:
     * articles and score sums added per tag over every instance's windows in that range, then the
     * mean taken; by articles (most first), then tag.
     */
    static TopTags topTags(List<TagMinutes> parts, int minutes, int limit) {
        OptionalLong until = parts.stream()
                .map(TagMinutes::newestWindowEndMs)
                .filter(OptionalLong::isPresent)
                .mapToLong(OptionalLong::getAsLong)
                .max();
        if (until.isEmpty()) {
            return new TopTags(OptionalLong.empty(), OptionalLong.empty(), List.of());
        }
        long untilMs = until.getAsLong();
        long fromMs = untilMs - minutes * MINUTE_MS;
        // a fixed order of addition (tag, then window start), so one input gives one sum to the last bit
        List<TagMinute> inRange = new ArrayList<>();
        for (TagMinutes p : parts) {
            for (TagMinute m : p.minutes()) {
                if (m.windowStartMs() >= fromMs && m.windowStartMs() < untilMs) {
                    inRange.add(m);
                }
            }
        }
        inRange.sort(Comparator.comparing(TagMinute::tag).thenComparingLong(TagMinute::windowStartMs));
        Map<String, long[]> articles = new TreeMap<>();
        Map<String, double[]> sums = new TreeMap<>();
        for (TagMinute m : inRange) {
            articles.computeIfAbsent(m.tag(), t -> new long[1])[0] += m.articles();
            sums.computeIfAbsent(m.tag(), t -> new double[1])[0] += m.scoreSum();
        }
        List<TagTotal> totals = new ArrayList<>();
        articles.forEach((tag, n) -> {
            if (n[0] > 0) {
                totals.add(new TagTotal(tag, n[0], sums.get(tag)[0] / n[0]));
            }
        });
        totals.sort(Comparator.comparingLong(TagTotal::articles).reversed().thenComparing(TagTotal::tag));
        return new TopTags(
                until, OptionalLong.of(fromMs), List.copyOf(totals.subList(0, Math.min(limit, totals.size()))));
    }

    /** The newest {@code limit} alerts of all parts: by event time, then alert id, newest first. */
    static List<RecentAlert> recentAlerts(List<List<RecentAlert>> parts, int limit) {
        List<RecentAlert> all = new ArrayList<>();
        parts.forEach(all::addAll);
        all.sort(Comparator.comparing(RecentAlert::key).reversed());
        // one alert id once: the same alert cannot sit in two tasks' stores, but a part read during a
        // rebalance may overlap another
        Map<String, RecentAlert> unique = new LinkedHashMap<>();
        for (RecentAlert a : all) {
            unique.putIfAbsent(a.alertId(), a);
        }
        List<RecentAlert> out = new ArrayList<>(unique.values());
        return List.copyOf(out.subList(0, Math.min(limit, out.size())));
    }

    /** The sum of the histograms (each bucket's counts added). */
    static Histogram histograms(List<Histogram> parts) {
        Histogram merged = LatencyHistogram.newHistogram();
        parts.forEach(merged::add);
        return merged;
    }

    /** Count, min, max, p50, p95 and p99 in ms of a (merged) histogram; nulls when it is empty. */
    static Map<String, Object> quantiles(Histogram h) {
        Map<String, Object> m = new LinkedHashMap<>();
        long count = h.getTotalCount();
        m.put("count", count);
        m.put("minMs", count == 0 ? null : h.getMinValue());
        m.put("p50Ms", count == 0 ? null : h.getValueAtPercentile(50));
        m.put("p95Ms", count == 0 ? null : h.getValueAtPercentile(95));
        m.put("p99Ms", count == 0 ? null : h.getValueAtPercentile(99));
        m.put("maxMs", count == 0 ? null : h.getMaxValue());
        return m;
    }

    /** Score-bucket counts added bucket by bucket. */
    static long[] scores(List<long[]> parts) {
        long[] sum = new long[ScoreBuckets.BUCKETS];
        for (long[] p : parts) {
            for (int i = 0; i < sum.length; i++) {
                sum[i] += p[i];
            }
        }
        return sum;
    }
}
