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

/**
 * Appends each alert as one line of JSON ({@link AlertJson#toJson}) to a file.
 *
 * <p>Every {@link #deliver} writes its whole line to the operating system straight away (no
 * user-space buffer, so a failed alert never leaves half its line waiting in memory to be
 * mixed with the next one); {@link #flush} forces the file to the device, which is what lets the
 * sink commit offsets afterwards.
 */
public final class JsonLinesFileDestination implements AlertDestination {
    private final Path file;
    private final FileChannel channel;

    public JsonLinesFileDestination(Path file) throws IOException {
        this.file = file.toAbsolutePath();
        Path parent = this.file.getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        this.channel = FileChannel.open(
                this.file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
        terminateTornLastLine();
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
            writeFully(ByteBuffer.wrap(new byte[] {'\n'}));
        }
    }

    public Path file() {
        return file;
    }

    @Override
    public void deliver(Alert alert) throws IOException {
        byte[] line = (AlertJson.toJson(alert) + "\n").getBytes(StandardCharsets.UTF_8);
        long before = channel.size();
        try {
            writeFully(ByteBuffer.wrap(line));
        } catch (IOException e) {
            // a write that failed part-way (disk full) must not leave half a line for the next
            // alert to be glued onto: cut the file back to where this line began
            try {
                channel.truncate(before);
            } catch (IOException cutFailed) {
                e.addSuppressed(cutFailed);
            }
            throw e;
        }
    }

    private void writeFully(ByteBuffer buffer) throws IOException {
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
    }

    @Override
    public void flush() throws IOException {
        // Metadata too (force(true)): a new file's size must survive a crash, not only its bytes.
        channel.force(true);
    }

    @Override
    public String name() {
        return "file:" + file;
    }

    @Override
    public void close() throws IOException {
        if (channel.isOpen()) {
            try {
                channel.force(true);
            } finally {
                channel.close();
            }
        }
    }
}
