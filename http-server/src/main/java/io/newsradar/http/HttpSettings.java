package io.newsradar.http;

import io.newsradar.schemas.config.NewsradarConfig;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Where the process's HTTP server listens and whether it asks for a bearer token.
 *
 * <p>Settings (environment form in brackets, see {@link NewsradarConfig}):
 *
 * <ul>
 *   <li>{@value #PORT} ({@code NEWSRADAR_HTTP_PORT}): the port; 0 takes any free port (the bound
 *       one is {@link EmbeddedHttpServer#port()}); the default is the calling service's.
 *   <li>{@value #HOST} ({@code NEWSRADAR_HTTP_HOST}): the address to bind; unset binds every
 *       interface, as a container needs.
 *   <li>{@value #TOKEN} ({@code NEWSRADAR_HTTP_TOKEN}): the bearer token every path but
 *       {@code /health} and {@code /ready} requires; unset, nothing asks for one. A secret
 *       ({@code Secrets} redacts it wherever the config is printed).
 * </ul>
 *
 * @param host  the address to bind, or null for every interface
 * @param port  0 to 65535; 0 for any free port
 * @param token the bearer token, when one is required
 */
public record HttpSettings(String host, int port, Optional<BearerToken> token) {
    public static final String PORT = "http.port";
    public static final String HOST = "http.host";
    public static final String TOKEN = "http.token";

    public HttpSettings {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("HTTP port must be 0 (any free port) to 65535, got " + port);
        }
        host = host == null || host.isBlank() ? null : host.strip();
        token = token == null ? Optional.empty() : token;
    }

    /** From the config; {@code defaultPort} when {@value #PORT} is not set. */
    public static HttpSettings from(NewsradarConfig config, int defaultPort) {
        String token = config.get(TOKEN);
        return new HttpSettings(
                config.get(HOST),
                config.getInt(PORT, defaultPort),
                token == null || token.isBlank() ? Optional.empty() : Optional.of(BearerToken.of(token, TOKEN)));
    }

    /**
     * From the config, with the CLI's port option winning when given: the settings of a service
     * whose default port is {@code defaultPort}.
     */
    public static HttpSettings from(NewsradarConfig config, int defaultPort, OptionalInt portOverride) {
        HttpSettings settings = from(config, defaultPort);
        return portOverride.isPresent() ? settings.withPort(portOverride.getAsInt()) : settings;
    }

    /** The same settings on another port (a CLI option wins over the config). */
    public HttpSettings withPort(int newPort) {
        return new HttpSettings(host, newPort, token);
    }

    /** Any free port on the loopback interface, without a token: for tests. */
    public static HttpSettings loopbackAnyPort() {
        return new HttpSettings("127.0.0.1", 0, Optional.empty());
    }

    /** The same settings requiring {@code bearer}. */
    public HttpSettings withToken(BearerToken bearer) {
        return new HttpSettings(host, port, Optional.of(bearer));
    }
}
