package io.newsradar.scoring.query;

import java.util.List;
import java.util.Objects;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.StreamsMetadata;
import org.apache.kafka.streams.errors.StreamsException;
import org.apache.kafka.streams.state.HostInfo;

/** {@link Cluster} from a running client's metadata (every instance's {@code application.server}). */
final class StreamsCluster implements Cluster {
    private final KafkaStreams streams;
    private final HostInfo self;

    StreamsCluster(KafkaStreams streams, HostInfo self) {
        this.streams = Objects.requireNonNull(streams, "streams");
        this.self = Objects.requireNonNull(self, "self");
    }

    @Override
    public HostInfo self() {
        return self;
    }

    @Override
    public List<HostInfo> instances() {
        requireRunning();
        try {
            List<HostInfo> hosts = streams.metadataForAllStreamsClients().stream()
                    .map(StreamsMetadata::hostInfo)
                    .distinct()
                    .toList();
            if (hosts.isEmpty()) {
                throw new QueryUnavailableException("the scoring stream has no partition assignment yet; retry");
            }
            return hosts;
        } catch (StreamsException e) {
            throw new QueryUnavailableException("the application's instances are not known now: " + e.getMessage(), e);
        }
    }

    @Override
    public HostInfo ownerOf(String store, String key) {
        requireRunning();
        KeyQueryMetadata m;
        try {
            m = streams.queryMetadataForKey(store, key, Serdes.String().serializer());
        } catch (StreamsException e) {
            throw new QueryUnavailableException("the owner of the key is not known now: " + e.getMessage(), e);
        }
        if (m == null || m.equals(KeyQueryMetadata.NOT_AVAILABLE) || m.activeHost() == null) {
            throw new QueryUnavailableException(
                    "no instance holds the store '" + store + "' now (rebalancing or starting); retry");
        }
        return m.activeHost();
    }

    private void requireRunning() {
        KafkaStreams.State state = streams.state();
        if (state != KafkaStreams.State.RUNNING && state != KafkaStreams.State.REBALANCING) {
            throw new QueryUnavailableException("the scoring stream is " + state + ", not running");
        }
    }
}
