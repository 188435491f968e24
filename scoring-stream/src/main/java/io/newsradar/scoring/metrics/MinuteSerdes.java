package io.newsradar.scoring.metrics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/**
 * The window stores' value formats: JSON text with a format number, so the changelogs stay
 * readable with any tool and a later format can be told apart. A value this version cannot read
 * is a {@link SerializationException} quoting its start, never taken for an empty window.
 */
final class MinuteSerdes {
    static final int FORMAT = 1;
    private static final int QUOTED_CHARS = 200;
    private static final ObjectMapper JSON = new ObjectMapper();

    static final Serde<TagMinute> TAG_MINUTE = serde(MinuteSerdes::encodeTag, MinuteSerdes::decodeTag);
    static final Serde<RouteMinute> ROUTE_MINUTE = serde(MinuteSerdes::encodeRoute, MinuteSerdes::decodeRoute);

    private MinuteSerdes() {}

    static String encodeTag(TagMinute m) {
        ObjectNode node = JSON.createObjectNode();
        node.put("v", FORMAT);
        node.put("articles", m.articles());
        node.put("scoreSum", m.scoreSum());
        return node.toString();
    }

    static TagMinute decodeTag(String text) {
        JsonNode node = parse(text);
        JsonNode articles = node.get("articles");
        JsonNode sum = node.get("scoreSum");
        if (articles == null || !articles.canConvertToLong() || sum == null || !sum.isNumber()) {
            throw unreadable(text, "articles and scoreSum must be numbers");
        }
        try {
            return new TagMinute(articles.asLong(), sum.asDouble());
        } catch (IllegalArgumentException e) {
            throw unreadable(text, e.getMessage());
        }
    }

    static String encodeRoute(RouteMinute m) {
        ObjectNode node = JSON.createObjectNode();
        node.put("v", FORMAT);
        node.put("alerts", m.alerts());
        ObjectNode byStatus = node.putObject("byStatus");
        m.byStatus().forEach(byStatus::put);
        return node.toString();
    }

    static RouteMinute decodeRoute(String text) {
        JsonNode node = parse(text);
        JsonNode alerts = node.get("alerts");
        JsonNode byStatus = node.get("byStatus");
        if (alerts == null || !alerts.canConvertToLong() || byStatus == null || !byStatus.isObject()) {
            throw unreadable(text, "alerts must be a number and byStatus an object");
        }
        Map<String, Long> counts = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = byStatus.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!e.getValue().canConvertToLong()) {
                throw unreadable(text, "the count of status " + e.getKey() + " must be a number");
            }
            counts.put(e.getKey(), e.getValue().asLong());
        }
        try {
            return new RouteMinute(alerts.asLong(), counts);
        } catch (IllegalArgumentException e) {
            throw unreadable(text, e.getMessage());
        }
    }

    private static JsonNode parse(String text) {
        JsonNode node;
        try {
            node = JSON.readTree(text);
        } catch (IOException e) {
            throw unreadable(text, "not JSON");
        }
        if (node == null || !node.isObject()) {
            throw unreadable(text, "not a JSON object");
        }
        JsonNode v = node.get("v");
        if (v == null || !v.canConvertToInt() || v.asInt() != FORMAT) {
            throw unreadable(text, "format " + FORMAT + " expected");
        }
        return node;
    }

    private static SerializationException unreadable(String text, String why) {
        String quoted = text.length() > QUOTED_CHARS ? text.substring(0, QUOTED_CHARS) + "…" : text;
        return new SerializationException("unreadable minute window value (" + why + "): " + quoted);
    }

    private static <T> Serde<T> serde(Function<T, String> encode, Function<String, T> decode) {
        return Serdes.serdeFrom(
                (topic, value) -> value == null ? null : encode.apply(value).getBytes(StandardCharsets.UTF_8),
                (topic, bytes) -> bytes == null ? null : decode.apply(new String(bytes, StandardCharsets.UTF_8)));
    }
}
