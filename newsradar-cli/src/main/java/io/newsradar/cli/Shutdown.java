package io.newsradar.cli;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Waits for Ctrl-C (or SIGTERM) and lets the command close its services before the JVM exits:
 * the shutdown hook signals the command, then waits until it reports that it has closed.
 */
final class Shutdown {
    private final CountDownLatch requested = new CountDownLatch(1);
    private final CountDownLatch finished = new CountDownLatch(1);
    private final Thread hook;

    Shutdown() {
        hook = new Thread(
                () -> {
                    requested.countDown();
                    try {
                        // bounded, so a stuck close cannot keep the process alive forever
                        finished.await(60, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                },
                "newsradar-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    void awaitRequest() throws InterruptedException {
        requested.await();
    }

    /**
     * Waits for Ctrl-C or for the service to stop by itself (a fatal error), whichever comes
     * first; true when shutdown was requested. A service that died must end the process, so a
     * supervisor sees the exit and restarts it.
     */
    boolean awaitRequestOr(BooleanSupplier serviceStopped) throws InterruptedException {
        while (!requested.await(250, TimeUnit.MILLISECONDS)) {
            if (serviceStopped.getAsBoolean()) {
                return false;
            }
        }
        return true;
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
