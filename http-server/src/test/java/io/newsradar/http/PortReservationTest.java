package io.newsradar.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PortReservationTest {
    @Test
    void anyFreePortIsChosenHeldUntilReleasedAndThenServedOn() throws Exception {
        PortReservation reservation = PortReservation.reserve(HttpSettings.loopbackAnyPort());
        int port = reservation.port();
        assertThat(port).isPositive();
        assertThat(reservation.settings().port()).isEqualTo(port);
        assertThat(reservation.settings().host()).isEqualTo("127.0.0.1");
        assertThat(bindable(port)).as("held").isFalse();

        try (EmbeddedHttpServer server = new EmbeddedHttpServer(reservation.settings(), ProcessMeters.newRegistry())) {
            reservation.release();
            server.start();
            assertThat(server.port()).isEqualTo(port);
        }
        reservation.release(); // idempotent
    }

    @Test
    void aGivenPortIsTakenAsItIsAndNotHeld() throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            port = probe.getLocalPort();
        }
        try (PortReservation reservation =
                PortReservation.reserve(new HttpSettings("127.0.0.1", port, Optional.empty()))) {
            assertThat(reservation.port()).isEqualTo(port);
            assertThat(bindable(port)).isTrue();
        }
    }

    private static boolean bindable(int port) {
        try (ServerSocket probe = new ServerSocket(port, 1, InetAddress.getByName("127.0.0.1"))) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
