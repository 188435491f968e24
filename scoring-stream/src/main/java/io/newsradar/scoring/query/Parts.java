package io.newsradar.scoring.query;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsradar.scoring.query.LocalQueries.RecentAlert;
import io.newsradar.scoring.query.LocalQueries.TagMinute;
import io.newsradar.scoring.query.LocalQueries.TagMinutes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.HdrHistogram.Histogram;

/**
 * The JSON of one instance's local part, as its internal endpoints send it and the merging instance
 * reads it back: exact (counts, epoch ms, encoded histograms), nothing rounded before the merge.
 */
final class Parts {
    private Parts() {}

    static Map<String, Object> alerts(List<RecentAlert> alerts) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (RecentAlert a : alerts) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("eventTime", a.eventTimeMs());
            m.put("alertId", a.alertId());
            m.put("alert", a.alert());
            out.add(m);
        }
        return Map.of("alerts", out);
    }

    static List<RecentAlert> alerts(JsonNode body) {
        List<RecentAlert> out = new ArrayList<>();
        for (JsonNode a : required(body, "alerts")) {
            out.add(new RecentAlert(
                    required(a, "eventTime").asLong(), required(a, "alertId").asText(), required(a, "alert")));
        }
        return out;
    }

    static Map<String, Object> freshness(Histogram fetched, Histogram published) {
        return Map.of(
                "fetchedToScored", LatencyHistogram.encode(fetched),
                "publishedToScored", LatencyHistogram.encode(published));
    }

    /** The two histograms, fetched -> scored first. */
    static List<Histogram> freshness(JsonNode body) {
        return List.of(
                LatencyHistogram.decode(required(body, "fetchedToScored").asText()),
                LatencyHistogram.decode(required(body, "publishedToScored").asText()));
    }

    static Map<String, Object> scores(long[] counts) {
        return Map.of("counts", counts);
    }

    static long[] scores(JsonNode body) {
        JsonNode counts = required(body, "counts");
        if (counts.size() != ScoreBuckets.BUCKETS) {
            throw new IllegalArgumentException(
                    "expected " + ScoreBuckets.BUCKETS + " score buckets, got " + counts.size());
        }
        long[] out = new long[ScoreBuckets.BUCKETS];
        for (int i = 0; i < out.length; i++) {
            out[i] = counts.get(i).asLong();
        }
        return out;
    }

    static Map<String, Object> tagMinutes(TagMinutes t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put(
                "newestWindowEnd",
                t.newestWindowEndMs().isPresent() ? t.newestWindowEndMs().getAsLong() : null);
        m.put("minutes", t.minutes());
        return m;
    }

    static TagMinutes tagMinutes(JsonNode body) {
        JsonNode newest = body.get("newestWindowEnd");
        List<TagMinute> minutes = new ArrayList<>();
        for (JsonNode m : required(body, "minutes")) {
            minutes.add(new TagMinute(
                    required(m, "tag").asText(),
                    required(m, "windowStartMs").asLong(),
                    required(m, "articles").asLong(),
                    required(m, "scoreSum").asDouble()));
        }
        return new TagMinutes(
                newest == null || newest.isNull() ? OptionalLong.empty() : OptionalLong.of(newest.asLong()), minutes);
    }

    private static JsonNode required(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        if (v == null || v.isNull()) {
            throw new IllegalArgumentException("the answer has no '" + field + "'");
        }
        return v;
    }
}
