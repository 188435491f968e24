package io.newsradar.schemas.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsradar.avro.Alert;
import io.newsradar.schemas.serde.SchemaFixtures;
import org.junit.jupiter.api.Test;

class AlertJsonTest {

    @Test
    void shouldWriteOneLineThatReadsBack() {
        Alert alert = SchemaFixtures.alert("story-1");
        String json = AlertJson.toJson(alert);

        assertThat(json)
                .doesNotContain("\n")
                .contains("\"alertId\":\"story-1:1\"")
                .contains("\"publishedAt\":\"2026-06-28T09:00:00Z\"");
        AlertJson.AlertView back = AlertJson.fromJson(json);
        assertThat(back).isEqualTo(AlertJson.view(alert));
        assertThat(back.tags()).extracting(AlertJson.TagJson::id).containsExactly("defense");
    }

    @Test
    void shouldRejectLinesThatAreNotAlerts() {
        assertThatThrownBy(() -> AlertJson.fromJson("{not json")).isInstanceOf(IllegalArgumentException.class);
    }
}
