package io.newsradar.scoring;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Counts stream-thread failures in a sliding window, to tell a thread that failed once (replace
 * it) from one that fails on something every new thread will fail on too (stop the client rather
 * than loop while the state says RUNNING).
 *
 * <p>The window must be long compared with one round of a failure loop: a replaced thread rejoins
 * the group and, under the classic protocol, waits for the dead member's session to time out (45
 * s by default) before it gets its tasks back and fails again. A one-minute window never saw more
 * than two such rounds, so a loop like that went on for ever.
 */
final class ThreadFailureWindow {
    private final int maxFailures;
    private final Duration window;
    private final Deque<Long> failures = new ArrayDeque<>();

    /** At most {@code maxFailures} within {@code window}; one more is too many. */
    ThreadFailureWindow(int maxFailures, Duration window) {
        this.maxFailures = maxFailures;
        this.window = window;
    }

    /** Records a failure at {@code nanoTime}; true when it makes too many within the window. */
    synchronized boolean tooMany(long nanoTime) {
        failures.addLast(nanoTime);
        while (nanoTime - failures.peekFirst() > window.toNanos()) {
            failures.removeFirst();
        }
        return failures.size() > maxFailures;
    }

    /** Failures within the window as of the last one recorded. */
    synchronized int count() {
        return failures.size();
    }

    Duration window() {
        return window;
    }
}
