package io.newsradar.http;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/**
 * The HTTP port of a process, known before the server starts. Kafka Streams' interactive queries
 * need {@code application.server} (this instance's host:port) when the {@code KafkaStreams} object
 * is built, and Javalin takes routes only before it binds, so a process that asks for "any free
 * port" (0) cannot wait for the server to tell it. {@link #reserve} picks the port now and keeps a
 * socket bound on it, so no other process takes it meanwhile; {@link #release()} frees it the
 * moment before {@link EmbeddedHttpServer#start()} binds it again. (The window between the two is a
 * few microseconds; a fixed port, as in production, has no window at all.)
 *
 * <pre>{@code
 * PortReservation port = PortReservation.reserve(HttpSettings.from(config, 8082));
 * EmbeddedHttpServer http = new EmbeddedHttpServer(port.settings(), meters);
 * ... build the services with port.port() known, add their routes ...
 * port.release();
 * http.start();
 * }</pre>
 */
public final class PortReservation implements AutoCloseable {
    private final HttpSettings settings;
    private ServerSocket socket;

    private PortReservation(HttpSettings settings, ServerSocket socket) {
        this.settings = settings;
        this.socket = socket;
    }

    /**
     * A concrete port for {@code requested}: its own when it names one (nothing is held then; a
     * taken port fails at start as before), else a free port on its host, held until {@link #release()}.
     */
    public static PortReservation reserve(HttpSettings requested) {
        if (requested.port() != 0) {
            return new PortReservation(requested, null);
        }
        try {
            ServerSocket socket = new ServerSocket();
            // the server binds the same port a moment after release(): no TIME_WAIT in between
            socket.setReuseAddress(true);
            InetSocketAddress address = requested.host() == null
                    ? new InetSocketAddress(0)
                    : new InetSocketAddress(InetAddress.getByName(requested.host()), 0);
            try {
                socket.bind(address);
            } catch (IOException e) {
                socket.close();
                throw e;
            }
            return new PortReservation(requested.withPort(socket.getLocalPort()), socket);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot find a free HTTP port on " + requested.host(), e);
        }
    }

    /** The requested settings with the port chosen. */
    public HttpSettings settings() {
        return settings;
    }

    /** The chosen port; never 0. */
    public int port() {
        return settings.port();
    }

    /** Frees the held port (if one is held) so that the server can bind it; idempotent. */
    public synchronized void release() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot release HTTP port " + port(), e);
            } finally {
                socket = null;
            }
        }
    }

    @Override
    public void close() {
        release();
    }
}
