package io.newsradar.schemas.serde;

import io.newsradar.avro.Alert;
import io.newsradar.avro.AlertLifecycle;
import io.newsradar.avro.Contribution;
import io.newsradar.avro.IngestChannel;
import io.newsradar.avro.NewsArticle;
import io.newsradar.avro.ScoredArticle;
import io.newsradar.avro.Tag;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import org.apache.avro.Schema;

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

    public static Alert alert(String storyId) {
        return Alert.newBuilder()
                .setAlertId(storyId + ":1")
                .setStoryId(storyId)
                .setRevision(1)
                .setLifecycle(AlertLifecycle.NEW)
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

    public static Schema testSchema(String resource) {
        try (InputStream in = SchemaFixtures.class.getResourceAsStream(resource)) {
            return new Schema.Parser().parse(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
