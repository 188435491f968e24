package io.newsradar.cli;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Waits for Ctrl-C (or SIGTERM) and lets the command close its services before the JVM exits:
 * the shutdown hook signals the command, then waits until it reports that it has closed.
 */
final class Shutdown {
    private final CountDownLatch requested = new CountDownLatch(1);
    private final CountDownLatch finished = new CountDownLatch(1);
    private final Thread hook;

    Shutdown() {
        hook = new Thread(() -> {
            requested.countDown();
            try {
                // bounded, so a stuck close cannot keep the process alive forever
                finished.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "newsradar-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    void awaitRequest() throws InterruptedException {
        requested.await();
    }

    /** Called by the command once everything is closed. */
    void done() {
        finished.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException alreadyShuttingDown) {
            // the hook is running: it has been released by the countDown above
        }
    }
}
