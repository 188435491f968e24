package io.newsradar.scoring.query;

import io.newsradar.schemas.config.NewsradarConfig;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import org.apache.kafka.streams.state.HostInfo;

/**
 * Settings of the interactive-query API (environment form in brackets, see {@link NewsradarConfig}):
 *
 * <ul>
 *   <li>{@value #ADVERTISED} ({@code NEWSRADAR_SCORING_ADVERTISED_URL}): where the other instances
 *       reach this one's HTTP server, {@code host:port} or {@code http://host:port}. It becomes
 *       Kafka Streams' {@code application.server}, so each instance learns every other's address
 *       with the partition assignment. Unset, the API answers from this instance alone (one
 *       instance: the whole application).
 *   <li>{@value #PEER_TIMEOUT_MS} ({@code NEWSRADAR_SCORING_QUERY_PEER_TIMEOUT_MS}): how long a
 *       call to another instance may take, connecting included; default {@value
 *       #DEFAULT_PEER_TIMEOUT_MS} ms. A peer that takes longer is reported missing.
 * </ul>
 */
public record QuerySettings(Optional<HostInfo> advertised, Duration peerTimeout) {
    public static final String ADVERTISED = "scoring.advertised.url";
    public static final String PEER_TIMEOUT_MS = "scoring.query.peer.timeout.ms";
    public static final int DEFAULT_PEER_TIMEOUT_MS = 5_000;

    public QuerySettings {
        if (peerTimeout.isNegative() || peerTimeout.isZero()) {
            throw new IllegalArgumentException("setting '" + PEER_TIMEOUT_MS + "' must be a positive number of ms");
        }
    }

    public static QuerySettings from(NewsradarConfig config) {
        return new QuerySettings(
                applicationServer(config).map(HostInfo::buildFromEndpoint),
                Duration.ofMillis(config.getInt(PEER_TIMEOUT_MS, DEFAULT_PEER_TIMEOUT_MS)));
    }

    /**
     * The {@code application.server} value ({@code host:port}) for {@value #ADVERTISED}, if set.
     *
     * @throws IllegalArgumentException naming the setting when it is not a plain-HTTP host:port
     */
    public static Optional<String> applicationServer(NewsradarConfig config) {
        String value = config.get(ADVERTISED);
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String v = value.strip();
        if (v.toLowerCase(Locale.ROOT).startsWith("http://")) {
            v = v.substring("http://".length());
        }
        if (v.endsWith("/")) {
            v = v.substring(0, v.length() - 1);
        }
        int colon = v.lastIndexOf(':');
        if (colon <= 0 || v.contains("/") || !isPort(v.substring(colon + 1))) {
            throw new IllegalArgumentException("setting '" + ADVERTISED
                    + "' must be host:port or http://host:port (where the other instances reach this one's"
                    + " HTTP server), got " + value);
        }
        return Optional.of(v);
    }

    /**
     * The config with {@value #ADVERTISED} set to {@code host:port} of a server just bound, unless the
     * operator set it: the way to advertise a port chosen at start (port 0). {@code host} is what
     * other instances can reach: the bound interface, or {@code 127.0.0.1} when the server binds
     * every interface (set {@value #ADVERTISED} for instances on other hosts).
     */
    public static NewsradarConfig advertising(NewsradarConfig config, String boundHost, int port) {
        if (applicationServer(config).isPresent()) {
            return config;
        }
        String host = boundHost == null || boundHost.isBlank() || boundHost.equals("0.0.0.0") ? "127.0.0.1" : boundHost;
        return config.with(ADVERTISED, host + ":" + port);
    }

    private static boolean isPort(String s) {
        try {
            int p = Integer.parseInt(s);
            return p > 0 && p <= 65535;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
