package io.newsradar.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ShutdownTest {

    @Test
    void shouldStopWaitingWhenTheServiceStopsByItself() throws Exception {
        Shutdown shutdown = new Shutdown();
        AtomicInteger checks = new AtomicInteger();
        try {
            boolean requested = shutdown.awaitRequestOr(() -> checks.incrementAndGet() >= 3);
            assertThat(requested).as("no Ctrl-C was given: the service stopped").isFalse();
            assertThat(checks.get()).isEqualTo(3);
        } finally {
            shutdown.done();
        }
    }
}
