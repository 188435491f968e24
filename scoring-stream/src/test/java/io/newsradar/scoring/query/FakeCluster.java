package io.newsradar.scoring.query;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.state.HostInfo;

/** A fixed {@link Cluster}: these instances, these key owners (the first instance otherwise). */
final class FakeCluster implements Cluster {
    private final HostInfo self;
    private final List<HostInfo> instances;
    final Map<String, HostInfo> owners = new HashMap<>();

    FakeCluster(HostInfo self, List<HostInfo> instances) {
        this.self = self;
        this.instances = List.copyOf(instances);
    }

    @Override
    public HostInfo self() {
        return self;
    }

    @Override
    public List<HostInfo> instances() {
        return instances;
    }

    @Override
    public HostInfo ownerOf(String store, String key) {
        return owners.getOrDefault(key, instances.get(0));
    }
}
