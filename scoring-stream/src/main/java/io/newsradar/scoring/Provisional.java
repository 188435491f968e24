package io.newsradar.scoring;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newsradar.avro.ScoredArticle;
import io.newsradar.schemas.serde.AvroSerdes;
import java.io.IOException;
import java.util.Base64;
import java.util.Objects;
import org.apache.kafka.common.errors.SerializationException;

/**
 * An article revision tagged and scored as if its story had one outlet, before its story is
 * known: the heavy work (tagging, facts, key points) done once, where the raw record is the input
 * (so an article that cannot be tagged is dead-lettered as itself). The story stage finishes it
 * with the story's coverage, routes, holds and mutes.
 *
 * @param scored          the record for {@code news.scored.v1} at coverage 1, with no routes and
 *                        the article id as story id
 * @param onTopic         whether the story terms (coverage among them) count for this article
 * @param missingSentence the rationale's sentence on missing specifics ("No budget named."), or ""
 * @param summarySentence the rationale's sentence on a summary-only body, or ""
 */
public record Provisional(ScoredArticle scored, boolean onTopic, String missingSentence, String summarySentence) {
    private static final int FORMAT = 1;
    private static final ObjectMapper JSON = new ObjectMapper();

    public Provisional {
        Objects.requireNonNull(scored, "scored");
        missingSentence = missingSentence == null ? "" : missingSentence;
        summarySentence = summarySentence == null ? "" : summarySentence;
    }

    /** JSON with the scored article as base64 of its Avro single-object bytes. */
    public ObjectNode toJson() {
        ObjectNode node = JSON.createObjectNode();
        node.put("v", FORMAT);
        node.put(
                "scored",
                Base64.getEncoder()
                        .encodeToString(AvroSerdes.scoredArticle().serializer().serialize(null, scored)));
        node.put("onTopic", onTopic);
        node.put("missing", missingSentence);
        node.put("summary", summarySentence);
        return node;
    }

    public static Provisional fromJson(JsonNode node) {
        if (node == null
                || node.path("v").asInt() != FORMAT
                || !node.path("scored").isTextual()) {
            throw new SerializationException("not a provisional score of format " + FORMAT + ": " + node);
        }
        try {
            byte[] bytes = Base64.getDecoder().decode(node.get("scored").asText());
            return new Provisional(
                    AvroSerdes.scoredArticle().deserializer().deserialize(null, bytes),
                    node.path("onTopic").asBoolean(),
                    node.path("missing").asText(""),
                    node.path("summary").asText(""));
        } catch (IllegalArgumentException e) {
            throw new SerializationException("cannot decode a provisional score", e);
        }
    }

    /** The provisional record with its card: the evaluation's scored record and notes. */
    public static Provisional of(ScoredArticle scored, ScoreCard card) {
        return new Provisional(
                scored,
                card.notes().onTopic(),
                card.notes().missing(),
                card.notes().summary());
    }

    /** The score card the provisional record was built from, to be scored again with coverage. */
    public ScoreCard card() {
        return new ScoreCard(
                scored.getScore(),
                scored.getContributions(),
                scored.getRationale(),
                scored.getKeyPoints(),
                new ScoreCard.Notes(!scored.getTags().isEmpty(), onTopic, missingSentence, summarySentence));
    }

    public String encode() {
        return toJson().toString();
    }

    public static Provisional decode(String text) {
        try {
            return fromJson(JSON.readTree(text));
        } catch (IOException e) {
            throw new SerializationException("cannot decode a provisional score", e);
        }
    }
}
