package io.newsradar.sink;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsradar.avro.Alert;
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
    void shouldPrintRouteScoreTitleSourceAndAlertIdOnTheFirstLine() throws Exception {
        String[] lines = print(TestAlerts.alert("abc", 1)).split("\\R");

        assertThat(lines[0])
                .isEqualTo("[ALERT defense-ai/high] 7.8  Allies fund joint autonomous maritime patrol "
                        + "programme (Harbor City Ledger)  id=abc:1 NEW");
    }

    @Test
    void shouldPrintTheRationaleIndentedOnTheSecondLine() throws Exception {
        String[] lines = print(TestAlerts.alert("abc", 2)).split("\\R");

        assertThat(lines).hasSize(2);
        assertThat(lines[0]).endsWith("id=abc:2 UPDATED");
        assertThat(lines[1])
                .isEqualTo("    +2.0 defense and AI named together in the title; "
                        + "+1.5 a budget of 40 million is named");
    }

    @Test
    void shouldKeepEachAlertToTwoLinesWhenFieldsContainLineBreaks() throws Exception {
        Alert alert = TestAlerts.alert("abc", 1, "Title over\ntwo lines");
        alert.setRationale("first reason\n\nsecond reason");

        String[] lines = print(alert).split("\\R");

        assertThat(lines).hasSize(2);
        assertThat(lines[0]).contains("Title over two lines");
        assertThat(lines[1]).isEqualTo("    first reason second reason");
    }

    @Test
    void shouldShortenLongTitles() throws Exception {
        String title = "Defense AI ".repeat(30).strip();

        String first = print(TestAlerts.alert("abc", 1, title)).split("\\R")[0];

        assertThat(first).contains("...").doesNotContain(title).contains("id=abc:1");
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
