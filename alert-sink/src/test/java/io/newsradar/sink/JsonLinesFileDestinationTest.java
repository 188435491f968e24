package io.newsradar.sink;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsradar.avro.Alert;
import io.newsradar.schemas.json.AlertJson;
import io.newsradar.schemas.serde.AvroSerdes;
import io.newsradar.testsupport.LegacyAlerts;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonLinesFileDestinationTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void shouldWriteEachAlertAsOneJsonLineThatParsesBack() throws Exception {
        Path file = dir.resolve("alerts.jsonl");
        Alert first = TestAlerts.alert("story-a", 1);
        Alert second = TestAlerts.alert("story-b", 2, "Second \"quoted\" title\nwith a break");

        try (JsonLinesFileDestination destination = new JsonLinesFileDestination(file)) {
            destination.deliver(first);
            destination.deliver(second);
            destination.flush();
        }

        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        assertThat(lines).containsExactly(AlertJson.toJson(first), AlertJson.toJson(second));
        AlertJson.AlertView parsed = AlertJson.fromJson(lines.get(1));
        assertThat(parsed.alertId()).isEqualTo("story-b:defense-ai:2");
        assertThat(parsed.title()).isEqualTo("Second \"quoted\" title\nwith a break");
        assertThat(parsed.score()).isEqualTo(7.84);
        assertThat(Files.readString(file)).endsWith("\n");
    }

    @Test
    void shouldWriteTheStoryOfEachAlertAndShowAnAlertWrittenBeforeV2WithItsLifecycle() throws Exception {
        Path file = dir.resolve("alerts.jsonl");
        Alert update = TestAlerts.alert("story-a", 2);
        Alert old = AvroSerdes.alert().decode(LegacyAlerts.v1Bytes("story-b", 3, "UPDATED"));

        try (JsonLinesFileDestination destination = new JsonLinesFileDestination(file)) {
            destination.deliver(update);
            destination.deliver(old);
            destination.flush();
        }

        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        JsonNode written = JSON.readTree(lines.get(0));
        assertThat(written.get("alertId").asText()).isEqualTo("story-a:defense-ai:2");
        assertThat(written.get("storyId").asText()).isEqualTo("story-a");
        assertThat(written.get("status").asText()).isEqualTo("UPDATED");
        assertThat(written.get("sequence").asInt()).isEqualTo(2);
        assertThat(written.get("coverage").asInt()).isEqualTo(3);
        assertThat(written.get("outlets")).hasSize(3);
        assertThat(written.get("change").asText()).isEqualTo("score 7.0 -> 7.8; 1 -> 3 outlets");
        AlertJson.AlertView legacy = AlertJson.fromJson(lines.get(1));
        assertThat(legacy.alertId()).isEqualTo("story-b:3");
        assertThat(legacy.status()).isEqualTo("UPDATED");
        assertThat(legacy.lifecycle()).isEqualTo("UPDATED");
        assertThat(legacy.coverage()).isEqualTo(1);
        assertThat(legacy.title()).isEqualTo(LegacyAlerts.TITLE);
    }

    @Test
    void shouldCreateMissingParentDirectories() throws Exception {
        Path file = dir.resolve("deep/er/alerts.jsonl");

        try (JsonLinesFileDestination destination = new JsonLinesFileDestination(file)) {
            destination.deliver(TestAlerts.alert("story-a", 1));
            destination.flush();
        }

        assertThat(Files.readAllLines(file)).hasSize(1);
    }

    @Test
    void shouldAppendToAnExistingFileWithoutTouchingEarlierLines() throws Exception {
        Path file = dir.resolve("alerts.jsonl");
        Files.writeString(file, "{\"earlier\":true}\n");

        try (JsonLinesFileDestination destination = new JsonLinesFileDestination(file)) {
            destination.deliver(TestAlerts.alert("story-a", 1));
            destination.flush();
        }

        assertThat(Files.readAllLines(file))
                .containsExactly("{\"earlier\":true}", AlertJson.toJson(TestAlerts.alert("story-a", 1)));
    }

    @Test
    void shouldEndATornLastLineSoTheNextAlertStaysOnItsOwnLine() throws Exception {
        Path file = dir.resolve("alerts.jsonl");
        Files.writeString(file, "{\"alertId\":\"torn");

        try (JsonLinesFileDestination destination = new JsonLinesFileDestination(file)) {
            destination.deliver(TestAlerts.alert("story-a", 1));
            destination.flush();
        }

        List<String> lines = Files.readAllLines(file);
        assertThat(lines).hasSize(2);
        assertThat(AlertJson.fromJson(lines.get(1)).alertId()).isEqualTo("story-a:defense-ai:1");
    }

    @Test
    void shouldNameTheFileInItsName() throws Exception {
        Path file = dir.resolve("alerts.jsonl");
        try (JsonLinesFileDestination destination = new JsonLinesFileDestination(file)) {
            assertThat(destination.name()).contains(file.toAbsolutePath().toString());
        }
    }
}
