package io.newsradar.scoring.query;

import java.util.List;
import org.apache.kafka.streams.state.HostInfo;

/**
 * The instances of the application as this one sees them (Kafka Streams' metadata), each named by
 * its {@code application.server} host:port, which is where its HTTP server listens.
 */
public interface Cluster {
    /** This instance. */
    HostInfo self();

    /**
     * Every instance of the application, this one included.
     *
     * @throws QueryUnavailableException when the stream has no metadata yet (not running)
     */
    List<HostInfo> instances();

    /**
     * The instance whose active task holds {@code key} in {@code store}.
     *
     * @throws QueryUnavailableException when that is not known now (not running, rebalancing)
     */
    HostInfo ownerOf(String store, String key);

    static String name(HostInfo host) {
        return host.host() + ":" + host.port();
    }
}
