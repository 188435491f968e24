package io.newsradar.cli;

import io.newsradar.ingest.service.CompactedTopic;
import io.newsradar.localkafka.TopicAdmin;
import io.newsradar.schemas.config.NewsradarConfig;
import io.newsradar.schemas.mutes.MuteRecord;
import io.newsradar.schemas.topics.Topics;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiConsumer;

/**
 * The cluster side of {@code mute}, {@code unmute} and {@code mutes}: {@code mutes.v1} made sure
 * of (created unless {@code --no-create-topics}; either way a dead address fails here within a
 * bounded wait, exit 4), then read whole or written one record at a time.
 */
final class MutesCluster {
    private final NewsradarConfig config;

    private MutesCluster(NewsradarConfig config) {
        this.config = config;
    }

    static MutesCluster connect(ConfigOptions options) {
        NewsradarConfig config = options.load();
        // names the setting when no broker address is configured
        config.bootstrapServers();
        Pipeline.prepareTopics(options, config, List.of(Topics.MUTES));
        return new MutesCluster(config);
    }

    /** A mute on the topic and every partition its key is live on (one, unless the partition count changed). */
    record Live(MuteRecord mute, Set<Integer> partitions) {}

    /**
     * The mutes on {@code mutes.v1} by key, expired ones included; a record that does not read is
     * passed to {@code bad(key, reason)}. A key live on two partitions (the topic's partition
     * count was raised after it was written) shows its most recently written mute.
     */
    Map<String, Live> mutes(BiConsumer<String, String> bad) {
        Map<String, Live> out = new LinkedHashMap<>();
        for (CompactedTopic.LiveRecord r :
                CompactedTopic.read(config.kafkaClientProps(), Topics.MUTES.name(), TopicAdmin.DEFAULT_REACH_TIMEOUT)) {
            MuteRecord mute;
            try {
                mute = MuteRecord.fromJson(r.value());
            } catch (IllegalArgumentException e) {
                bad.accept(r.key(), e.getMessage());
                continue;
            }
            Live seen = out.get(r.key());
            Set<Integer> partitions = new TreeSet<>(seen == null ? Set.of() : seen.partitions());
            partitions.add(r.partition());
            MuteRecord newest = seen == null
                    ? mute
                    : List.of(seen.mute(), mute).stream()
                            .max(Comparator.comparing(MuteRecord::createdAt))
                            .orElseThrow();
            out.put(r.key(), new Live(newest, partitions));
        }
        return out;
    }

    /** A writer of {@code mutes.v1}: key {@code <kind>:<value>}, value mute JSON or a tombstone. */
    TopicWriter<String, String> writer() {
        return new TopicWriter<>(config, Topics.MUTES, "newsradar-cli-mutes");
    }
}
