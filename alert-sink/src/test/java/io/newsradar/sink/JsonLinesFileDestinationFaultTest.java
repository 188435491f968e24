package io.newsradar.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsradar.avro.Alert;
import io.newsradar.schemas.json.AlertJson;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The file destination on a disk that fails: every alert ends on exactly one whole line. */
class JsonLinesFileDestinationFaultTest {
    private static final Alert A = TestAlerts.alert("story-a", 1);
    private static final Alert B = TestAlerts.alert("story-b", 1);

    @TempDir
    Path dir;

    private FaultyFileChannel channel;

    private JsonLinesFileDestination open(Path file) throws IOException {
        return new JsonLinesFileDestination(file, path -> {
            channel = new FaultyFileChannel(FileChannel.open(
                    path, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND));
            return channel;
        });
    }

    private static String linesOf(Alert... alerts) {
        StringBuilder sb = new StringBuilder();
        for (Alert alert : alerts) {
            sb.append(AlertJson.toJson(alert)).append('\n');
        }
        return sb.toString();
    }

    @Test
    void shouldCutATornWriteBackSoItsRetryLeavesOneWholeLine() throws Exception {
        Path file = dir.resolve("alerts.jsonl");
        try (JsonLinesFileDestination destination = open(file)) {
            destination.deliver(A);
            channel.failNextWrite(new IOException("No space left on device"));

            assertThatThrownBy(() -> destination.deliver(B)).hasMessageContaining("No space left");
            assertThat(Files.readString(file)).isEqualTo(linesOf(A));

            destination.deliver(B);
            destination.flush();
        }

        assertThat(Files.readString(file, StandardCharsets.UTF_8)).isEqualTo(linesOf(A, B));
    }

    @Test
    void shouldWriteEachLineOnceWhenAFailedFsyncIsRetried() throws Exception {
        Path file = dir.resolve("alerts.jsonl");
        try (JsonLinesFileDestination destination = open(file)) {
            destination.deliver(A);
            destination.deliver(B);
            channel.failNextForce(new IOException("Input/output error"));

            assertThatThrownBy(destination::flush).hasMessageContaining("Input/output error");
            destination.flush();
        }

        assertThat(Files.readString(file, StandardCharsets.UTF_8))
                .as("the lines the failed fsync lost are written again, once")
                .isEqualTo(linesOf(A, B));
    }

    @Test
    void shouldRepairTheFileBeforeTheNextWriteWhenATornLineCouldNotBeCutBack() throws Exception {
        Path file = dir.resolve("alerts.jsonl");
        try (JsonLinesFileDestination destination = open(file)) {
            destination.deliver(A);
            channel.failNextWrite(new IOException("No space left on device"));
            channel.failNextTruncate(new IOException("Input/output error"));

            assertThatThrownBy(() -> destination.deliver(B)).hasMessageContaining("No space left");
            destination.deliver(B);
            destination.flush();
        }

        assertThat(Files.readString(file, StandardCharsets.UTF_8)).isEqualTo(linesOf(A, B));
    }

    @Test
    void shouldTakeBackUnflushedLinesTheSinkGaveUpOn() throws Exception {
        Path file = dir.resolve("alerts.jsonl");
        try (JsonLinesFileDestination destination = open(file)) {
            destination.deliver(A);
            destination.flush();
            destination.deliver(B);

            destination.discardUnflushed();
        }

        assertThat(Files.readString(file, StandardCharsets.UTF_8)).isEqualTo(linesOf(A));
    }

    @Test
    void shouldNotFsyncOnCloseWhatAFailureLeftUnknown() throws Exception {
        Path file = dir.resolve("alerts.jsonl");
        JsonLinesFileDestination destination = open(file);
        destination.deliver(A);
        channel.failNextForce(new IOException("Input/output error"));
        assertThatThrownBy(destination::flush).isInstanceOf(IOException.class);
        int forcesBeforeClose = channel.forces;

        destination.close();

        assertThat(channel.forces).isEqualTo(forcesBeforeClose);
    }
}
