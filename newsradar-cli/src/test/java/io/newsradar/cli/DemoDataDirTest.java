package io.newsradar.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoDataDirTest {
    @TempDir
    Path dir;

    @Test
    void shouldRefuseToDeleteADirThatIsNotADemoDataDir() throws Exception {
        Path precious = dir.resolve("notes.txt");
        Files.writeString(precious, "keep me");

        assertThatThrownBy(() -> DemoDataDir.delete(dir))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("refusing to delete")
                .hasMessageContaining(DemoDataDir.MARKER);
        assertThat(precious).exists();
    }

    @Test
    void shouldDeleteADemoDataDirWithEverythingInIt() throws Exception {
        Path data = dir.resolve("demo");
        Files.createDirectories(data.resolve("broker/kafka-logs"));
        Files.writeString(data.resolve(DemoDataDir.MARKER), "");
        Files.writeString(data.resolve("broker/kafka-logs/x.log"), "x");

        DemoDataDir.delete(data);

        assertThat(data).doesNotExist();
    }

    @Test
    void shouldAcceptAnEmptyOrMissingDir() throws Exception {
        Path empty = Files.createDirectories(dir.resolve("empty"));
        DemoDataDir.delete(empty);
        DemoDataDir.delete(dir.resolve("missing"));
        assertThat(empty).doesNotExist();
    }
}
