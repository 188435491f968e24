package io.newsradar.sink;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;
import java.util.ArrayDeque;
import java.util.Queue;

/**
 * A real file channel that fails as scripted, the way a disk does: a write that writes part of
 * its bytes and then fails (ENOSPC), an fsync that fails and, like Linux after a writeback error,
 * loses what was written since the last good fsync, a truncate that fails.
 */
final class FaultyFileChannel extends FileChannel {
    private final FileChannel real;
    private final Queue<IOException> writeFailures = new ArrayDeque<>();
    private final Queue<IOException> forceFailures = new ArrayDeque<>();
    private final Queue<IOException> truncateFailures = new ArrayDeque<>();
    private long lastForcedSize;
    int forces;

    FaultyFileChannel(FileChannel real) throws IOException {
        this.real = real;
        this.lastForcedSize = real.size();
    }

    /** The next write puts half its bytes in the file, then throws. */
    FaultyFileChannel failNextWrite(IOException e) {
        writeFailures.add(e);
        return this;
    }

    /** The next fsync throws, and the bytes since the last good one are gone from the file. */
    FaultyFileChannel failNextForce(IOException e) {
        forceFailures.add(e);
        return this;
    }

    FaultyFileChannel failNextTruncate(IOException e) {
        truncateFailures.add(e);
        return this;
    }

    @Override
    public int write(ByteBuffer src) throws IOException {
        IOException failure = writeFailures.poll();
        if (failure != null) {
            ByteBuffer half = src.duplicate();
            half.limit(half.position() + Math.max(1, half.remaining() / 2));
            real.write(half);
            throw failure;
        }
        return real.write(src);
    }

    @Override
    public void force(boolean metaData) throws IOException {
        forces++;
        IOException failure = forceFailures.poll();
        if (failure != null) {
            real.truncate(lastForcedSize);
            throw failure;
        }
        real.force(metaData);
        lastForcedSize = real.size();
    }

    @Override
    public FileChannel truncate(long size) throws IOException {
        IOException failure = truncateFailures.poll();
        if (failure != null) {
            throw failure;
        }
        real.truncate(size);
        return this;
    }

    @Override
    public long size() throws IOException {
        return real.size();
    }

    @Override
    public int read(ByteBuffer dst) throws IOException {
        return real.read(dst);
    }

    @Override
    public long read(ByteBuffer[] dsts, int offset, int length) throws IOException {
        return real.read(dsts, offset, length);
    }

    @Override
    public long write(ByteBuffer[] srcs, int offset, int length) throws IOException {
        throw new UnsupportedOperationException("not used by the destination");
    }

    @Override
    public long position() throws IOException {
        return real.position();
    }

    @Override
    public FileChannel position(long newPosition) throws IOException {
        real.position(newPosition);
        return this;
    }

    @Override
    public long transferTo(long position, long count, WritableByteChannel target) throws IOException {
        return real.transferTo(position, count, target);
    }

    @Override
    public long transferFrom(ReadableByteChannel src, long position, long count) throws IOException {
        throw new UnsupportedOperationException("not used by the destination");
    }

    @Override
    public int read(ByteBuffer dst, long position) throws IOException {
        return real.read(dst, position);
    }

    @Override
    public int write(ByteBuffer src, long position) throws IOException {
        throw new UnsupportedOperationException("not used by the destination");
    }

    @Override
    public MappedByteBuffer map(MapMode mode, long position, long size) throws IOException {
        throw new UnsupportedOperationException("not used by the destination");
    }

    @Override
    public FileLock lock(long position, long size, boolean shared) throws IOException {
        return real.lock(position, size, shared);
    }

    @Override
    public FileLock tryLock(long position, long size, boolean shared) throws IOException {
        return real.tryLock(position, size, shared);
    }

    @Override
    protected void implCloseChannel() throws IOException {
        real.close();
    }
}
