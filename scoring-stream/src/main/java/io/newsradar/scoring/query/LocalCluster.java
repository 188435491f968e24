package io.newsradar.scoring.query;

import java.util.List;
import org.apache.kafka.streams.state.HostInfo;

/**
 * The cluster of an instance with no {@code application.server}: it cannot learn where other
 * instances are, so it is the whole application as far as the API goes (one instance, the demo).
 */
final class LocalCluster implements Cluster {
    static final HostInfo UNADVERTISED = new HostInfo("local", 0);

    @Override
    public HostInfo self() {
        return UNADVERTISED;
    }

    @Override
    public List<HostInfo> instances() {
        return List.of(UNADVERTISED);
    }

    @Override
    public HostInfo ownerOf(String store, String key) {
        return UNADVERTISED;
    }
}
