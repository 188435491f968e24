package io.newsradar.schemas.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsradar.avro.Alert;
import io.newsradar.avro.AlertLifecycle;
import io.newsradar.schemas.alert.AlertStatus;
import io.newsradar.schemas.serde.AvroSerdes;
import io.newsradar.schemas.serde.SchemaFixtures;
import org.junit.jupiter.api.Test;

class AlertJsonTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void shouldWriteOneLineThatReadsBack() {
        Alert alert = SchemaFixtures.alert("story-1");
        String json = AlertJson.toJson(alert);

        assertThat(json)
                .doesNotContain("\n")
                .contains("\"alertId\":\"story-1:defense-ai:1\"")
                .contains("\"publishedAt\":\"2026-06-28T09:00:00Z\"");
        AlertJson.AlertView back = AlertJson.fromJson(json);
        assertThat(back).isEqualTo(AlertJson.view(alert));
        assertThat(back.tags()).extracting(AlertJson.TagJson::id).containsExactly("defense");
    }

    @Test
    void shouldWriteTheStoryFieldsOfAnAlertV2() throws Exception {
        Alert alert = SchemaFixtures.alert("story-2");
        alert.setAlertId(AlertStatus.alertId("story-2", "defense-ai", 3));
        alert.setStatus(AlertStatus.UPDATED);
        alert.setLifecycle(AlertLifecycle.UPDATED);
        alert.setSequence(3);
        alert.setCoverage(4);
        alert.setOutlets(java.util.List.of("a.example", "b.example", "c.example", "d.example"));
        alert.setChange("score 6.1 -> 7.0; 2 -> 4 outlets");

        JsonNode json = JSON.readTree(AlertJson.toJson(alert));

        assertThat(json.get("status").asText()).isEqualTo("UPDATED");
        assertThat(json.get("lifecycle").asText()).isEqualTo("UPDATED");
        assertThat(json.get("sequence").asInt()).isEqualTo(3);
        assertThat(json.get("coverage").asInt()).isEqualTo(4);
        assertThat(json.get("outlets")).hasSize(4);
        assertThat(json.get("outlets").get(3).asText()).isEqualTo("d.example");
        assertThat(json.get("change").asText()).isEqualTo("score 6.1 -> 7.0; 2 -> 4 outlets");
        assertThat(AlertJson.fromJson(json.toString())).isEqualTo(AlertJson.view(alert));
    }

    @Test
    void shouldKeepLifecycleToItsV1ValuesAndSayRetractedInStatus() throws Exception {
        Alert alert = SchemaFixtures.alert("story-3");
        alert.setStatus(AlertStatus.RETRACTED);
        alert.setLifecycle(AlertStatus.lifecycleFor(AlertStatus.RETRACTED));
        alert.setSequence(2);
        alert.setChange("taken down at the source");

        JsonNode json = JSON.readTree(AlertJson.toJson(alert));

        assertThat(json.get("status").asText()).isEqualTo("RETRACTED");
        assertThat(json.get("lifecycle").asText())
                .as("a v1 JSON reader sees NEW or UPDATED only, as a v1 Avro reader does")
                .isEqualTo("UPDATED");
        assertThat(json.get("change").asText()).isEqualTo("taken down at the source");
    }

    @Test
    void shouldShowAnAlertEncodedByAV1WriterWithItsLifecycleAsStatus() throws Exception {
        Alert updated = AvroSerdes.alert().decode(SchemaFixtures.v1AlertBytes("story-4", 2, "UPDATED"));
        Alert fresh = AvroSerdes.alert().decode(SchemaFixtures.v1AlertBytes("story-5", 1, "NEW"));

        JsonNode json = JSON.readTree(AlertJson.toJson(updated));

        assertThat(json.get("alertId").asText()).isEqualTo("story-4:2");
        assertThat(json.get("status").asText()).isEqualTo("UPDATED");
        assertThat(json.get("lifecycle").asText()).isEqualTo("UPDATED");
        assertThat(json.get("sequence").asInt()).as("unknown in v1").isZero();
        assertThat(json.get("coverage").asInt())
                .as("a v1 story was its one article")
                .isEqualTo(1);
        assertThat(json.get("outlets")).isEmpty();
        assertThat(json.get("change").asText()).isEmpty();
        assertThat(json.get("title").asText()).isEqualTo("Ministry trials autonomous survey boats");
        assertThat(AlertJson.view(fresh).status()).isEqualTo("NEW");
        assertThat(AlertJson.fromJson(json.toString())).isEqualTo(AlertJson.view(updated));
    }

    @Test
    void shouldReadALineWrittenBeforeAlertV2() {
        String v1Line = "{\"alertId\":\"story-6:1\",\"storyId\":\"story-6\",\"revision\":1,\"lifecycle\":\"NEW\","
                + "\"route\":\"defense-ai\",\"priority\":\"high\",\"articleId\":\"story-6\",\"title\":\"T\","
                + "\"url\":null,\"source\":\"news.example.org\",\"publishedAt\":\"2026-06-28T09:00:00Z\","
                + "\"score\":7.5,\"tags\":[],\"contributions\":[],\"rationale\":\"r\",\"keyPoints\":[],"
                + "\"rulesVersion\":\"test-1\"}";

        AlertJson.AlertView view = AlertJson.fromJson(v1Line);

        assertThat(view.status()).isEqualTo("NEW");
        assertThat(view.sequence()).isZero();
        assertThat(view.coverage()).isEqualTo(1);
        assertThat(view.outlets()).isEmpty();
        assertThat(view.change()).isEmpty();
    }

    @Test
    void shouldIgnoreFieldsALaterVersionAdds() {
        String line = AlertJson.toJson(SchemaFixtures.alert("story-7"));
        String later = line.substring(0, line.length() - 1) + ",\"addedLater\":{\"x\":1}}";

        assertThat(AlertJson.fromJson(later)).isEqualTo(AlertJson.fromJson(line));
    }

    @Test
    void shouldRejectLinesThatAreNotAlerts() {
        assertThatThrownBy(() -> AlertJson.fromJson("{not json")).isInstanceOf(IllegalArgumentException.class);
    }
}
