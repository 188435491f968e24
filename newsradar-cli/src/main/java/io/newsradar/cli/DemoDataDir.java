package io.newsradar.cli;

import io.newsradar.localkafka.DataDirLock;
import io.newsradar.localkafka.DataDirLockedException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * The demo's data dir: its broker (in {@value #BROKER_DIR}), the stream state and the alerts
 * file, marked as the demo's by {@value #MARKER}. Only {@code demo --fresh} deletes it.
 */
final class DemoDataDir {
    /** Written into every demo data dir; a dir without it (and not empty) is never deleted. */
    static final String MARKER = ".newsradar-demo";
    /** The broker's data dir inside the demo's; its lock says whether a demo runs on the dir. */
    static final String BROKER_DIR = "broker";

    private DemoDataDir() {}

    /**
     * Deletes a demo data dir, and only that: {@code --data-dir . --fresh} must not wipe the
     * working directory. A dir is ours when it carries the marker the demo writes, or is empty.
     * A dir a running demo uses is refused: its broker holds the lock of the broker dir, and this
     * takes that lock before deleting anything and holds it until all else is gone.
     */
    static void delete(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        boolean empty;
        try (Stream<Path> entries = Files.list(dir)) {
            empty = entries.findAny().isEmpty();
        }
        if (!empty && !Files.exists(dir.resolve(MARKER))) {
            throw new IllegalArgumentException("refusing to delete " + dir.toAbsolutePath()
                    + " for --fresh: it is not a newsradar demo data dir (no " + MARKER + " file in it)");
        }
        Path brokerDir = dir.resolve(BROKER_DIR);
        Path lockFile =
                brokerDir.resolve(DataDirLock.FILE_NAME).toAbsolutePath().normalize();
        try (DataDirLock lock = DataDirLock.acquire(brokerDir)) {
            // the lock file and the dirs holding it stay until the lock is released
            deleteRecursively(dir, p -> lockFile.startsWith(p.toAbsolutePath().normalize()));
        } catch (DataDirLockedException e) {
            throw new IllegalStateException(
                    "refusing to delete " + dir.toAbsolutePath() + " for --fresh: " + runningDemo(dir, e)
                            + "; stop it first",
                    e);
        }
        deleteRecursively(dir, p -> false);
    }

    /** "a demo is running on this data dir (pid N, DIR)". */
    static String runningDemo(Path dir, DataDirLockedException e) {
        return "a demo is running on this data dir (" + e.holderDescription() + ", " + dir.toAbsolutePath() + ")";
    }

    private static void deleteRecursively(Path dir, Predicate<Path> keep) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).filter(keep.negate()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot delete " + p, e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + dir, e);
        }
    }
}
