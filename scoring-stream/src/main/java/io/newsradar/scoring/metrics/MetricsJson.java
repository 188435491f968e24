package io.newsradar.scoring.metrics;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;

/**
 * The values of {@code metrics.tags.v1} and {@code metrics.routes.v1}, format 1 (see
 * docs/metrics-topics.md). Window bounds as ISO-8601 UTC instants; score figures rounded to four
 * decimals (a reader needing exact merges adds {@code articles} and {@code scoreSum}).
 */
public final class MetricsJson {
    public static final int FORMAT = 1;
    private static final int DECIMALS = 4;
    private static final ObjectMapper JSON = new ObjectMapper();

    private MetricsJson() {}

    /**
     * {@code {"format":1,"tag":"defense-ai","windowStart":"2026-11-30T06:00:00Z","windowEnd":
     * "2026-11-30T06:01:00Z","articles":3,"scoreSum":12.5,"meanScore":4.1667}}
     */
    public static String tag(String tag, long windowStart, long windowEnd, TagMinute minute) {
        ObjectNode node = window("tag", tag, windowStart, windowEnd);
        node.put("articles", minute.articles());
        node.put("scoreSum", rounded(minute.scoreSum()));
        node.put("meanScore", rounded(minute.meanScore()));
        return node.toString();
    }

    /**
     * {@code {"format":1,"route":"defense-ai","windowStart":"2026-11-30T06:00:00Z","windowEnd":
     * "2026-11-30T06:01:00Z","alerts":2,"byStatus":{"NEW":1,"UPDATED":1}}}
     */
    public static String route(String route, long windowStart, long windowEnd, RouteMinute minute) {
        ObjectNode node = window("route", route, windowStart, windowEnd);
        node.put("alerts", minute.alerts());
        ObjectNode byStatus = node.putObject("byStatus");
        minute.byStatus().forEach(byStatus::put);
        return node.toString();
    }

    private static ObjectNode window(String keyName, String key, long windowStart, long windowEnd) {
        ObjectNode node = JSON.createObjectNode();
        node.put("format", FORMAT);
        node.put(keyName, key);
        node.put("windowStart", Instant.ofEpochMilli(windowStart).toString());
        node.put("windowEnd", Instant.ofEpochMilli(windowEnd).toString());
        return node;
    }

    private static double rounded(double value) {
        // decimal rounding, so a sum such as 7.300000000000001 prints as 7.3
        return BigDecimal.valueOf(value)
                .setScale(DECIMALS, RoundingMode.HALF_UP)
                .doubleValue();
    }
}
