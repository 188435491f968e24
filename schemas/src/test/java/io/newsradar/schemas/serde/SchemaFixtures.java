package io.newsradar.schemas.serde;

import io.newsradar.avro.Alert;
import io.newsradar.avro.AlertLifecycle;
import io.newsradar.avro.Contribution;
import io.newsradar.avro.IngestChannel;
import io.newsradar.avro.NewsArticle;
import io.newsradar.avro.ScoredArticle;
import io.newsradar.avro.Tag;
import io.newsradar.schemas.alert.AlertStatus;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.message.BinaryMessageEncoder;

public final class SchemaFixtures {
    private SchemaFixtures() {}

    public static NewsArticle article(String id) {
        return NewsArticle.newBuilder()
                .setId(id)
                .setUrl("https://news.example.org/" + id)
                .setSource("news.example.org")
                .setTitle("Ministry trials autonomous survey boats")
                .setBody("The trial runs for six weeks.")
                .setPublishedAt(Instant.parse("2026-06-28T09:00:00Z"))
                .setFetchedAt(Instant.parse("2026-06-28T09:05:00Z"))
                .setContentHash("c0ffee")
                .setChannel(IngestChannel.FILE)
                .build();
    }

    public static Tag tag(String id) {
        return Tag.newBuilder()
                .setId(id)
                .setLabel(id.replace('-', ' '))
                .setCategory("Security & Risk")
                .setWeight(1.5)
                .setFields(List.of("title"))
                .build();
    }

    public static ScoredArticle scored(String id) {
        return ScoredArticle.newBuilder()
                .setArticle(article(id))
                .setTags(List.of(tag("defense"), tag("artificial-intelligence")))
                .setScore(7.5)
                .setContributions(List.of(new Contribution("tag.title", 2.0, "+2.0 defense named in the title")))
                .setRationale("+2.0 defense named in the title")
                .setKeyPoints(List.of("The trial runs for six weeks."))
                .setStoryId(id)
                .setRevision(1)
                .setRoutes(List.of("defense-ai"))
                .setRulesVersion("test-1")
                .build();
    }

    /** A v2 alert: the NEW alert of a story carried by two outlets. */
    public static Alert alert(String storyId) {
        return Alert.newBuilder()
                .setAlertId(AlertStatus.alertId(storyId, "defense-ai", 1))
                .setStoryId(storyId)
                .setRevision(1)
                .setLifecycle(AlertLifecycle.NEW)
                .setStatus(AlertStatus.NEW)
                .setSequence(1)
                .setCoverage(2)
                .setOutlets(List.of("news.example.org", "wire.example.com"))
                .setChange("")
                .setRoute("defense-ai")
                .setPriority("high")
                .setArticleId(storyId)
                .setTitle("Ministry trials autonomous survey boats")
                .setUrl(null)
                .setSource("news.example.org")
                .setPublishedAt(Instant.parse("2026-06-28T09:00:00Z"))
                .setScore(7.5)
                .setTags(List.of(tag("defense")))
                .setContributions(List.of(new Contribution("tag.title", 2.0, "+2.0 defense named in the title")))
                .setRationale("+2.0 defense named in the title")
                .setKeyPoints(List.of("The trial runs for six weeks."))
                .setRulesVersion("test-1")
                .build();
    }

    /**
     * An alert as a v1 writer encoded it (the first released {@code Alert} schema, single-object
     * encoding): no status, sequence, coverage, outlets or change, and the v1 alert id.
     */
    public static byte[] v1AlertBytes(String storyId, int revision, String lifecycle) {
        Schema v1 = SchemaHistory.versions("Alert").get(0);
        Schema tagSchema = v1.getField("tags").schema().getElementType();
        GenericRecord tag = new GenericData.Record(tagSchema);
        tag.put("id", "defense");
        tag.put("label", "defense");
        tag.put("category", "Security & Risk");
        tag.put("weight", 1.5);
        tag.put("fields", List.of("title"));
        GenericRecord alert = new GenericData.Record(v1);
        alert.put("alertId", storyId + ":" + revision);
        alert.put("storyId", storyId);
        alert.put("revision", revision);
        alert.put(
                "lifecycle", new GenericData.EnumSymbol(v1.getField("lifecycle").schema(), lifecycle));
        alert.put("route", "defense-ai");
        alert.put("priority", "high");
        alert.put("articleId", storyId);
        alert.put("title", "Ministry trials autonomous survey boats");
        alert.put("url", null);
        alert.put("source", "news.example.org");
        alert.put("publishedAt", Instant.parse("2026-06-28T09:00:00Z").toEpochMilli());
        alert.put("score", 7.5);
        alert.put("tags", List.of(tag));
        alert.put("contributions", List.of());
        alert.put("rationale", "+2.0 defense named in the title");
        alert.put("keyPoints", List.of("The trial runs for six weeks."));
        alert.put("rulesVersion", "test-1");
        try {
            return new BinaryMessageEncoder<GenericRecord>(GenericData.get(), v1)
                    .encode(alert)
                    .array();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Schema testSchema(String resource) {
        try (InputStream in = SchemaFixtures.class.getResourceAsStream(resource)) {
            return new Schema.Parser().parse(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
