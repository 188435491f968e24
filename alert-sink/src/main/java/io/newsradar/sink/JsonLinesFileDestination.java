package io.newsradar.sink;

import io.newsradar.avro.Alert;
import io.newsradar.schemas.json.AlertJson;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Appends each alert as one line of JSON ({@link AlertJson#toJson}) to a file.
 *
 * <p>Every {@link #deliver} writes its whole line to the operating system straight away (no
 * user-space buffer, so a failed alert never leaves half its line waiting in memory to be
 * mixed with the next one); {@link #flush} forces the file to the device, which is what lets the
 * sink commit offsets afterwards.
 *
 * <p>Failures never write an alert twice. The destination knows how long the file was at the last
 * successful fsync ({@code durableSize}) and keeps the lines written since ({@code unflushed}, at
 * most one batch). A failed write cuts its torn line back. A failed fsync leaves the bytes past
 * {@code durableSize} in an unknown state: on Linux the kernel reports a writeback error once and
 * may drop the dirty pages, so a second fsync can succeed over data that never reached the disk.
 * So after a failed fsync (or a failed cut) the file is marked damaged, and the next call first
 * repairs it: truncate to {@code durableSize}, write the unflushed lines again, then go on. Only
 * this process may append to the file while it runs (one sink per file).
 */
public final class JsonLinesFileDestination implements AlertDestination {
    /** Opens the file's channel: {@code FileChannel.open} in production, a fault-injecting one in tests. */
    @FunctionalInterface
    interface ChannelOpener {
        FileChannel open(Path file) throws IOException;
    }

    private final Path file;
    private final FileChannel channel;
    private final List<byte[]> unflushed = new ArrayList<>();
    private long durableSize;
    private boolean damaged;

    public JsonLinesFileDestination(Path file) throws IOException {
        this(
                file,
                path -> FileChannel.open(
                        path, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND));
    }

    JsonLinesFileDestination(Path file, ChannelOpener opener) throws IOException {
        this.file = file.toAbsolutePath();
        Path parent = this.file.getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        this.channel = opener.open(this.file);
        try {
            terminateTornLastLine();
            durableSize = channel.size();
        } catch (IOException | RuntimeException e) {
            closeQuietly(e);
            throw e;
        }
    }

    /**
     * A crash in the middle of a write can leave a last line without its newline. The alert on it
     * was never committed, so it will be delivered again; ending the torn line first keeps that
     * redelivered alert on a line of its own that parses.
     */
    private void terminateTornLastLine() throws IOException {
        long size = channel.size();
        if (size == 0) {
            return;
        }
        ByteBuffer last = ByteBuffer.allocate(1);
        try (FileChannel reader = FileChannel.open(file, StandardOpenOption.READ)) {
            reader.read(last, size - 1);
        }
        if (last.get(0) != '\n') {
            writeFully(new byte[] {'\n'});
        }
    }

    public Path file() {
        return file;
    }

    @Override
    public void deliver(Alert alert) throws IOException, AlertRejectedException {
        byte[] line = encode(alert);
        repairIfDamaged();
        long before = channel.size();
        try {
            writeFully(line);
        } catch (IOException e) {
            // a write that failed part-way (disk full) must not leave half a line for the next
            // alert to be glued onto: cut the file back to where this line began
            try {
                channel.truncate(before);
            } catch (IOException cutFailed) {
                e.addSuppressed(cutFailed);
                damaged = true;
            }
            throw e;
        }
        unflushed.add(line);
    }

    private static byte[] encode(Alert alert) throws AlertRejectedException {
        try {
            return (AlertJson.toJson(alert) + "\n").getBytes(StandardCharsets.UTF_8);
        } catch (RuntimeException e) {
            // the alert itself cannot be written as JSON: no retry will change that
            throw new AlertRejectedException("cannot write alert as JSON: " + SinkErrors.describe(e), e);
        }
    }

    @Override
    public void flush() throws IOException {
        repairIfDamaged();
        try {
            // Metadata too (force(true)): a new file's size must survive a crash, not only its bytes.
            channel.force(true);
            durableSize = channel.size();
        } catch (IOException e) {
            damaged = true;
            throw e;
        }
        unflushed.clear();
    }

    /** Cuts the file back to its last durable length: these alerts come again, uncommitted. */
    @Override
    public void discardUnflushed() throws IOException {
        unflushed.clear();
        damaged = true;
        repairIfDamaged();
    }

    /** After an unknown outcome: back to the durable length, then the unflushed lines once each. */
    private void repairIfDamaged() throws IOException {
        if (!damaged) {
            return;
        }
        channel.truncate(durableSize);
        for (byte[] line : unflushed) {
            writeFully(line);
        }
        damaged = false;
    }

    private void writeFully(byte[] bytes) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
    }

    @Override
    public String name() {
        return "file:" + file;
    }

    @Override
    public void close() throws IOException {
        if (!channel.isOpen()) {
            return;
        }
        try {
            if (!damaged) {
                // what is unknown after a failure is not made durable on the way out
                channel.force(true);
            }
        } finally {
            channel.close();
        }
    }

    private void closeQuietly(Exception cause) {
        try {
            channel.close();
        } catch (IOException e) {
            cause.addSuppressed(e);
        }
    }
}
