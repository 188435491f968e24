package io.newsradar.sink;

import io.newsradar.avro.Alert;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/** A destination that remembers what it got, and fails when told to. */
final class RecordingDestination implements AlertDestination {
    final List<String> delivered = new CopyOnWriteArrayList<>();
    final AtomicInteger flushes = new AtomicInteger();
    final AtomicBoolean closed = new AtomicBoolean();
    final AtomicInteger discarded = new AtomicInteger();
    private final Predicate<Alert> refuse;
    private final AtomicInteger flushFailuresLeft;

    RecordingDestination() {
        this(alert -> false, 0);
    }

    RecordingDestination(Predicate<Alert> refuse, int flushFailures) {
        this.refuse = refuse;
        this.flushFailuresLeft = new AtomicInteger(flushFailures);
    }

    @Override
    public void deliver(Alert alert) throws AlertRejectedException {
        if (refuse.test(alert)) {
            throw new AlertRejectedException("receiver refused " + alert.getAlertId());
        }
        delivered.add(alert.getAlertId());
    }

    @Override
    public void flush() throws IOException {
        flushes.incrementAndGet();
        if (flushFailuresLeft.getAndDecrement() > 0) {
            throw new IOException("disk full");
        }
    }

    @Override
    public void discardUnflushed() {
        discarded.incrementAndGet();
    }

    @Override
    public String name() {
        return "recording";
    }

    @Override
    public void close() {
        closed.set(true);
    }
}
