package io.newsradar.sink;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsradar.avro.Alert;
import io.newsradar.schemas.alert.AlertStatus;
import io.newsradar.schemas.serde.AvroSerdes;
import io.newsradar.testsupport.LegacyAlerts;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ConsoleDestinationTest {

    private static String print(Alert alert) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ConsoleDestination console = new ConsoleDestination(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        console.deliver(alert);
        console.flush();
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void shouldPrintRouteStatusScoreTitleAndSourceOnTheFirstLine() throws Exception {
        String[] lines = print(TestAlerts.alert("abc", 1)).split("\\R");

        assertThat(lines[0])
                .isEqualTo("[ALERT defense-ai/high] NEW 7.8  Allies fund joint autonomous maritime patrol "
                        + "programme (Harbor City Ledger)");
    }

    @Test
    void shouldPrintTheStoryItsSequenceCoverageAndAlertIdOnTheSecondLine() throws Exception {
        String[] lines = print(TestAlerts.alert("abc", 1)).split("\\R");

        assertThat(lines[1]).isEqualTo("    story abc #1, carried by 1 outlet  id=abc:defense-ai:1");
    }

    @Test
    void shouldSayWhatChangedInAnUpdate() throws Exception {
        String[] lines = print(TestAlerts.alert("abc", 2)).split("\\R");

        assertThat(lines[0]).startsWith("[ALERT defense-ai/high] UPDATED 7.8  ");
        assertThat(lines[1])
                .isEqualTo("    story abc #2, carried by 3 outlets; changed: score 7.0 -> 7.8; 1 -> 3 outlets"
                        + "  id=abc:defense-ai:2");
    }

    @Test
    void shouldSayWhyAStoryWasRetracted() throws Exception {
        Alert alert = TestAlerts.alert("abc", 3);
        alert.setAlertId(TestAlerts.id("abc", 3));
        alert.setStatus(AlertStatus.RETRACTED);
        alert.setLifecycle(AlertStatus.lifecycleFor(AlertStatus.RETRACTED));
        alert.setChange("taken down at the source");

        String[] lines = print(alert).split("\\R");

        assertThat(lines[0]).startsWith("[ALERT defense-ai/high] RETRACTED 7.8  ");
        assertThat(lines[1])
                .isEqualTo("    story abc #3, carried by 3 outlets; retracted: taken down at the source"
                        + "  id=abc:defense-ai:3");
    }

    @Test
    void shouldShowAnAlertWrittenBeforeAlertV2WithItsLifecycle() throws Exception {
        Alert old = AvroSerdes.alert().decode(LegacyAlerts.v1Bytes("abc", 2, "UPDATED"));

        String[] lines = print(old).split("\\R");

        assertThat(lines[0]).startsWith("[ALERT defense-ai/high] UPDATED 7.5  " + LegacyAlerts.TITLE);
        assertThat(lines[1]).isEqualTo("    story abc, carried by 1 outlet  id=abc:2");
        assertThat(lines[2]).isEqualTo("    " + LegacyAlerts.RATIONALE);
    }

    @Test
    void shouldPrintTheRationaleIndentedOnTheThirdLine() throws Exception {
        String[] lines = print(TestAlerts.alert("abc", 2)).split("\\R");

        assertThat(lines).hasSize(3);
        assertThat(lines[2])
                .isEqualTo("    +2.0 defense and AI named together in the title; "
                        + "+1.5 a budget of 40 million is named");
    }

    @Test
    void shouldKeepEachAlertToThreeLinesWhenFieldsContainLineBreaks() throws Exception {
        Alert alert = TestAlerts.alert("abc", 2, "Title over\ntwo lines");
        alert.setRationale("first reason\n\nsecond reason");
        alert.setChange("score 7.0 -> 7.8;\n1 -> 3 outlets");

        String[] lines = print(alert).split("\\R");

        assertThat(lines).hasSize(3);
        assertThat(lines[0]).contains("Title over two lines");
        assertThat(lines[1]).contains("changed: score 7.0 -> 7.8; 1 -> 3 outlets  id=");
        assertThat(lines[2]).isEqualTo("    first reason second reason");
    }

    @Test
    void shouldShortenALongChangeButKeepTheAlertId() throws Exception {
        Alert alert = TestAlerts.alert("abc", 2);
        alert.setChange("score 7.0 -> 7.8; ".repeat(20));

        String second = print(alert).split("\\R")[1];

        assertThat(second).contains("...").endsWith("  id=abc:defense-ai:2");
    }

    @Test
    void shouldShortenLongTitles() throws Exception {
        String title = "Defense AI ".repeat(30).strip();

        String first = print(TestAlerts.alert("abc", 1, title)).split("\\R")[0];

        assertThat(first).contains("...").doesNotContain(title).endsWith("(Harbor City Ledger)");
        assertThat(ConsoleDestination.shorten(title, ConsoleDestination.MAX_TITLE))
                .hasSizeLessThanOrEqualTo(ConsoleDestination.MAX_TITLE);
    }

    @Test
    void shouldGoQuietWithoutFailingDeliveriesWhenTheOutputBreaks() throws Exception {
        java.util.concurrent.atomic.AtomicInteger writes = new java.util.concurrent.atomic.AtomicInteger();
        OutputStream broken = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                writes.incrementAndGet();
                throw new IOException("Broken pipe");
            }
        };
        ConsoleDestination console = new ConsoleDestination(new PrintStream(broken, true, StandardCharsets.UTF_8));

        console.deliver(TestAlerts.alert("abc", 1));
        console.flush();
        assertThat(console.broken()).isTrue();
        int attempts = writes.get();

        console.deliver(TestAlerts.alert("abc", 2));
        console.flush();
        assertThat(writes.get())
                .as("nothing more is written to a broken console")
                .isEqualTo(attempts);
    }
}
