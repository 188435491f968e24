package io.newsradar.schemas.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.newsradar.avro.Alert;
import io.newsradar.avro.Contribution;
import io.newsradar.avro.Tag;
import java.time.Instant;
import java.util.List;

/**
 * The JSON form of an alert, the way alerts leave the system (files, webhooks, {@code tail}).
 * A plain Java record mirrors the Avro record so that Jackson sees only the fields, not Avro's
 * schema accessors, and the JSON layout is stable and documented here.
 */
public final class AlertJson {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private AlertJson() {}

    public record TagJson(String id, String label, String category, double weight, List<String> fields) {}

    public record ContributionJson(String feature, double value, String reason) {}

    public record AlertView(
            String alertId,
            String storyId,
            int revision,
            String lifecycle,
            String route,
            String priority,
            String articleId,
            String title,
            String url,
            String source,
            Instant publishedAt,
            double score,
            List<TagJson> tags,
            List<ContributionJson> contributions,
            String rationale,
            List<String> keyPoints,
            String rulesVersion) {}

    public static AlertView view(Alert a) {
        return new AlertView(
                a.getAlertId(),
                a.getStoryId(),
                a.getRevision(),
                a.getLifecycle().name(),
                a.getRoute(),
                a.getPriority(),
                a.getArticleId(),
                a.getTitle(),
                a.getUrl(),
                a.getSource(),
                a.getPublishedAt(),
                a.getScore(),
                a.getTags().stream().map(AlertJson::tag).toList(),
                a.getContributions().stream().map(AlertJson::contribution).toList(),
                a.getRationale(),
                List.copyOf(a.getKeyPoints()),
                a.getRulesVersion());
    }

    private static TagJson tag(Tag t) {
        return new TagJson(t.getId(), t.getLabel(), t.getCategory(), t.getWeight(), List.copyOf(t.getFields()));
    }

    private static ContributionJson contribution(Contribution c) {
        return new ContributionJson(c.getFeature(), c.getValue(), c.getReason());
    }

    /** One line of JSON, no trailing newline. */
    public static String toJson(Alert alert) {
        try {
            return MAPPER.writeValueAsString(view(alert));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write alert " + alert.getAlertId() + " as JSON", e);
        }
    }

    /** Parses one line written by {@link #toJson(Alert)}. */
    public static AlertView fromJson(String json) {
        try {
            return MAPPER.readValue(json, AlertView.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not an alert JSON line: " + e.getOriginalMessage(), e);
        }
    }
}
