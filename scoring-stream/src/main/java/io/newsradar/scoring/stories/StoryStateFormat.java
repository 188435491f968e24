package io.newsradar.scoring.stories;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;

/**
 * The JSON text of a {@link StoryState}, format 1:
 *
 * <pre>{@code
 * {"v":1,"lastSeen":1777593600000,"retracted":false,
 *  "outlets":["Example Wire","Harbour Times"],"moreOutlets":"<base64>",
 *  "routes":{"defense-ai":{"seq":2,"score":7.0,"outlets":4,"at":1777590000000,"priority":"high"}},
 *  "article":{"id":"…","revision":1,"title":"…","url":"…","source":"…","publishedAt":1777589000000,
 *             "score":7.0,"rulesVersion":"…"}}
 * }</pre>
 *
 * {@code moreOutlets} (hashes of outlets past the first 64, see {@link StoryOutlets}) and
 * {@code article} (absent while the story never alerted) are left out when empty. Anything else
 * missing or of the wrong type is a {@link SerializationException} that quotes the start of the
 * value: a state this version cannot read is never taken for an empty one.
 */
final class StoryStateFormat {
    static final int FORMAT = 1;
    private static final int QUOTED_CHARS = 200;
    private static final ObjectMapper JSON = new ObjectMapper();

    private StoryStateFormat() {}

    static String encode(StoryState s) {
        ObjectNode node = JSON.createObjectNode();
        node.put("v", FORMAT);
        node.put("lastSeen", s.lastSeenMs());
        node.put("retracted", s.retracted());
        s.outlets().names().forEach(node.putArray("outlets")::add);
        if (!s.outlets().more().isEmpty()) {
            node.put("moreOutlets", s.outlets().moreAsBase64());
        }
        ObjectNode routes = node.putObject("routes");
        s.routes().forEach((name, r) -> {
            ObjectNode route = routes.putObject(name);
            route.put("seq", r.sequence());
            route.put("score", r.score());
            route.put("outlets", r.outlets());
            route.put("at", r.alertedAtMs());
            route.put("priority", r.priority());
        });
        if (s.alerted() != null) {
            AlertedArticle a = s.alerted();
            ObjectNode article = node.putObject("article");
            article.put("id", a.articleId());
            article.put("revision", a.revision());
            article.put("title", a.title());
            article.put("url", a.url());
            article.put("source", a.source());
            article.put("publishedAt", a.publishedAtMs());
            article.put("score", a.score());
            article.put("rulesVersion", a.rulesVersion());
        }
        try {
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new SerializationException("cannot encode story state", e);
        }
    }

    static StoryState decode(String text) {
        if (text == null) {
            throw new SerializationException("story state is null");
        }
        JsonNode node;
        try {
            node = JSON.readTree(text);
        } catch (IOException e) {
            throw new SerializationException("story state is not JSON: " + quote(text), e);
        }
        if (node == null || !node.isObject()) {
            throw new SerializationException("story state is not a JSON object: " + quote(text));
        }
        if (node.path("v").asInt(-1) != FORMAT) {
            throw new SerializationException("unknown story state format " + node.path("v") + " (this version reads "
                    + FORMAT + "): " + quote(text));
        }
        try {
            return new StoryState(
                    outlets(node),
                    routes(node.path("routes")),
                    node.has("article") ? article(node.get("article")) : null,
                    bool(node, "retracted"),
                    longValue(node, "lastSeen"));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new SerializationException("cannot decode story state (" + e.getMessage() + "): " + quote(text), e);
        }
    }

    static Serde<StoryState> serde() {
        Serializer<StoryState> ser = (topic, s) -> s == null ? null : encode(s).getBytes(StandardCharsets.UTF_8);
        Deserializer<StoryState> de = (topic, b) -> b == null ? null : decode(new String(b, StandardCharsets.UTF_8));
        return Serdes.serdeFrom(ser, de);
    }

    private static StoryOutlets outlets(JsonNode node) {
        JsonNode names = node.path("outlets");
        if (!names.isArray()) {
            throw new IllegalArgumentException("outlets must be an array");
        }
        List<String> kept = new ArrayList<>();
        for (JsonNode n : names) {
            kept.add(text(n, "outlets[]"));
        }
        JsonNode more = node.path("moreOutlets");
        return new StoryOutlets(
                kept, more.isMissingNode() ? List.of() : StoryOutlets.moreFromBase64(text(more, "moreOutlets")));
    }

    private static Map<String, RouteAlerts> routes(JsonNode routes) {
        if (!routes.isObject()) {
            throw new IllegalArgumentException("routes must be an object");
        }
        Map<String, RouteAlerts> out = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> it = routes.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode r = e.getValue();
            out.put(
                    e.getKey(),
                    new RouteAlerts(
                            intValue(r, "seq"),
                            number(r, "score"),
                            intValue(r, "outlets"),
                            longValue(r, "at"),
                            text(r.path("priority"), "priority")));
        }
        return out;
    }

    private static AlertedArticle article(JsonNode a) {
        JsonNode url = a.path("url");
        return new AlertedArticle(
                text(a.path("id"), "article.id"),
                intValue(a, "revision"),
                text(a.path("title"), "article.title"),
                url.isNull() || url.isMissingNode() ? null : text(url, "article.url"),
                text(a.path("source"), "article.source"),
                longValue(a, "publishedAt"),
                number(a, "score"),
                text(a.path("rulesVersion"), "article.rulesVersion"));
    }

    private static String text(JsonNode n, String field) {
        if (!n.isTextual()) {
            throw new IllegalArgumentException(field + " must be a string");
        }
        return n.asText();
    }

    private static int intValue(JsonNode parent, String field) {
        JsonNode n = parent.path(field);
        if (!n.isIntegralNumber() || !n.canConvertToInt()) {
            throw new IllegalArgumentException(field + " must be an integer");
        }
        return n.asInt();
    }

    private static long longValue(JsonNode parent, String field) {
        JsonNode n = parent.path(field);
        if (!n.isIntegralNumber() || !n.canConvertToLong()) {
            throw new IllegalArgumentException(field + " must be an integer");
        }
        return n.asLong();
    }

    private static double number(JsonNode parent, String field) {
        JsonNode n = parent.path(field);
        if (!n.isNumber()) {
            throw new IllegalArgumentException(field + " must be a number");
        }
        return n.asDouble();
    }

    private static boolean bool(JsonNode parent, String field) {
        JsonNode n = parent.path(field);
        if (!n.isBoolean()) {
            throw new IllegalArgumentException(field + " must be true or false");
        }
        return n.asBoolean();
    }

    private static String quote(String text) {
        return "'" + (text.length() <= QUOTED_CHARS ? text : text.substring(0, QUOTED_CHARS) + "…") + "'";
    }
}
