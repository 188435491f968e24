package io.newsradar.localkafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataDirLockTest {
    @TempDir
    Path dir;

    @Test
    void shouldRefuseASecondHolderNamingThePidOfTheFirst() {
        long pid = ProcessHandle.current().pid();
        try (DataDirLock first = DataDirLock.acquire(dir)) {
            assertThatThrownBy(() -> DataDirLock.acquire(dir))
                    .isInstanceOfSatisfying(
                            DataDirLockedException.class,
                            e -> assertThat(e.holderPid()).contains(pid))
                    .hasMessageContaining("pid " + pid)
                    .hasMessageContaining(dir.toAbsolutePath().normalize().toString());
        }
    }

    @Test
    void shouldBeFreeAgainOnceReleased() {
        DataDirLock.acquire(dir).close();
        try (DataDirLock again = DataDirLock.acquire(dir)) {
            assertThat(dir.resolve(DataDirLock.FILE_NAME)).exists();
        }
    }
}
