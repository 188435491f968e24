package io.newsradar.sink;

import io.newsradar.avro.Alert;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A stand-in for a file that keeps its lines in memory and fails the way a disk does, as
 * scripted: the next writes or fsyncs throw the queued exceptions, then work again. A failed
 * write leaves nothing behind (as {@link JsonLinesFileDestination} cuts a torn line back).
 */
final class FaultyDestination implements AlertDestination {
    final List<String> lines = new CopyOnWriteArrayList<>();
    private final Queue<IOException> writeFailures = new ArrayDeque<>();
    private final Queue<IOException> flushFailures = new ArrayDeque<>();
    private IOException alwaysOnWrite;

    synchronized FaultyDestination failNextWrite(IOException e) {
        writeFailures.add(e);
        return this;
    }

    synchronized FaultyDestination failNextFlush(IOException e) {
        flushFailures.add(e);
        return this;
    }

    synchronized FaultyDestination failEveryWrite(IOException e) {
        alwaysOnWrite = e;
        return this;
    }

    @Override
    public synchronized void deliver(Alert alert) throws IOException {
        if (alwaysOnWrite != null) {
            throw alwaysOnWrite;
        }
        IOException failure = writeFailures.poll();
        if (failure != null) {
            throw failure;
        }
        lines.add(alert.getAlertId());
    }

    @Override
    public synchronized void flush() throws IOException {
        IOException failure = flushFailures.poll();
        if (failure != null) {
            throw failure;
        }
    }

    @Override
    public String name() {
        return "faulty-file";
    }
}
