package io.newsradar.localkafka;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** Loopback port helpers: the broker listens on 127.0.0.1 only, so that is the address probed. */
final class FreePorts {

    static final String HOST = "127.0.0.1";

    private FreePorts() {}

    /** A port the kernel considers free right now (another process may still take it before we bind). */
    static int pick() {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getByName(HOST), 0));
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot pick a free port on " + HOST, e);
        }
    }

    /**
     * Whether something could bind {@code port} on the loopback address now. Reuse-address is on,
     * as it is for Kafka's own listener, so sockets of a just-stopped broker in TIME_WAIT do not count.
     */
    static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getByName(HOST), port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
