package io.newsradar.localkafka;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * The lock a {@link LocalKafkaBroker} holds on its data dir while it runs: a file
 * ({@value #FILE_NAME}) locked through the OS, with the holder's pid written in it. The OS drops
 * the lock when the process ends, however it ends, so a killed broker never leaves a stale lock.
 * Kafka locks its log dir too, but only once it is starting, and without saying who holds it;
 * this lock is taken first, and lets anything that would delete or reuse the dir ask first.
 */
public final class DataDirLock implements AutoCloseable {

    /** The lock file, directly in the data dir. */
    public static final String FILE_NAME = "newsradar-broker.lock";

    private final Path file;
    private final FileChannel channel;
    private final FileLock lock;

    private DataDirLock(Path file, FileChannel channel, FileLock lock) {
        this.file = file;
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Takes the lock of {@code dataDir} (created if missing) and writes this process's pid in it.
     *
     * @throws DataDirLockedException naming the holder's pid when another broker, in this process
     *     or another, holds it
     */
    public static DataDirLock acquire(Path dataDir) {
        Path dir = dataDir.toAbsolutePath().normalize();
        Path file = dir.resolve(FILE_NAME);
        FileChannel channel = null;
        try {
            Files.createDirectories(dir);
            channel = FileChannel.open(
                    file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException heldInThisJvm) {
                lock = null;
            }
            if (lock == null) {
                channel.close();
                throw new DataDirLockedException(dir, holderPid(file));
            }
            channel.truncate(0);
            channel.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII)));
            channel.force(true);
            return new DataDirLock(file, channel, lock);
        } catch (IOException e) {
            closeQuietly(channel);
            throw new IllegalStateException("cannot lock data dir " + dir + ": " + e.getMessage(), e);
        }
    }

    /** Releases the lock; the file stays (deleting it could let two processes lock two different files). */
    @Override
    public void close() {
        try {
            lock.release();
        } catch (IOException e) {
            // the channel close below releases it as well
        }
        closeQuietly(channel);
    }

    @Override
    public String toString() {
        return "DataDirLock[" + file + "]";
    }

    private static Optional<Long> holderPid(Path file) {
        try {
            String text = Files.readString(file, StandardCharsets.US_ASCII).strip();
            return text.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(text));
        } catch (IOException | NumberFormatException e) {
            // the holder may be between truncating and writing its pid
            return Optional.empty();
        }
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel == null) {
            return;
        }
        try {
            channel.close();
        } catch (IOException e) {
            // nothing more to release
        }
    }
}
