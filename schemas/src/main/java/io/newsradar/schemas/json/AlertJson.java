package io.newsradar.schemas.json;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.newsradar.avro.Alert;
import io.newsradar.avro.Contribution;
import io.newsradar.avro.Tag;
import io.newsradar.schemas.alert.AlertStatus;
import java.time.Instant;
import java.util.List;

/**
 * The JSON form of an alert, the way alerts leave the system (files, webhooks, {@code tail}).
 * A plain Java record mirrors the Avro record so that Jackson sees only the fields, not Avro's
 * schema accessors, and the JSON layout is stable and documented here.
 *
 * <p>From {@code Alert} v2 on, {@code status} is the alert's full lifecycle ({@code NEW},
 * {@code UPDATED} or {@code RETRACTED}, through {@link AlertStatus#of}, so a v1 record reads as
 * its lifecycle). {@code lifecycle} keeps the meaning it had in v1, in JSON as in Avro: {@code NEW}
 * or else {@code UPDATED} (a retraction too). A receiver written for v1 that maps it to a
 * two-value enum keeps working; the same field name never means two things in the two forms.
 */
public final class AlertJson {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private AlertJson() {}

    public record TagJson(String id, String label, String category, double weight, List<String> fields) {}

    public record ContributionJson(String feature, double value, String reason) {}

    /**
     * One alert in JSON, fields in this order. Reading a line written before v2 (no {@code status},
     * {@code coverage}...) gives what a v1 Avro record reads as: status = lifecycle, sequence 0,
     * coverage 1 (the story was its one article), no outlets, no change. Fields this version does
     * not know are ignored, so a reader of this version can read what later versions add.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record AlertView(
            String alertId,
            String storyId,
            int revision,
            String lifecycle,
            String status,
            int sequence,
            String route,
            String priority,
            String articleId,
            String title,
            String url,
            String source,
            Instant publishedAt,
            double score,
            int coverage,
            List<String> outlets,
            String change,
            List<TagJson> tags,
            List<ContributionJson> contributions,
            String rationale,
            List<String> keyPoints,
            String rulesVersion) {
        public AlertView {
            if (status == null || status.isEmpty()) {
                status = lifecycle == null ? AlertStatus.UPDATED : lifecycle;
            }
            coverage = Math.max(1, coverage);
            outlets = outlets == null ? List.of() : List.copyOf(outlets);
            change = change == null ? "" : change;
        }
    }

    public static AlertView view(Alert a) {
        String status = AlertStatus.of(a);
        return new AlertView(
                a.getAlertId(),
                a.getStoryId(),
                a.getRevision(),
                // from the status, so the two JSON fields never disagree
                AlertStatus.lifecycleFor(status).name(),
                status,
                a.getSequence(),
                a.getRoute(),
                a.getPriority(),
                a.getArticleId(),
                a.getTitle(),
                a.getUrl(),
                a.getSource(),
                a.getPublishedAt(),
                a.getScore(),
                a.getCoverage(),
                List.copyOf(a.getOutlets()),
                a.getChange(),
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

    /** Parses one line written by {@link #toJson(Alert)}, by this version or an earlier one. */
    public static AlertView fromJson(String json) {
        try {
            return MAPPER.readValue(json, AlertView.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not an alert JSON line: " + e.getOriginalMessage(), e);
        }
    }
}
