package io.newsradar.cli;

import io.newsradar.ingest.service.CompactedTopic;
import io.newsradar.ingest.service.FeedListPublisher;
import io.newsradar.localkafka.TopicAdmin;
import io.newsradar.schemas.config.NewsradarConfig;
import io.newsradar.schemas.feeds.FeedPartitions;
import io.newsradar.schemas.feeds.FeedRecord;
import io.newsradar.schemas.feeds.FeedState;
import io.newsradar.schemas.topics.Topics;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * The cluster side of the {@code feeds} commands: {@code feeds.v1} and {@code feeds.state.v1}
 * made sure of (created together, with one partition count, unless {@code --no-create-topics};
 * either way a dead address fails here within a bounded wait, exit 4), then the feed list read or
 * written.
 */
final class FeedsCluster {
    private final NewsradarConfig config;
    private final Duration timeout = TopicAdmin.DEFAULT_REACH_TIMEOUT;

    private FeedsCluster(NewsradarConfig config) {
        this.config = config;
    }

    static FeedsCluster connect(ConfigOptions options) {
        NewsradarConfig config = options.load();
        // names the setting when no broker address is configured
        config.bootstrapServers();
        Pipeline.prepareTopics(options, config, List.of(Topics.FEEDS, Topics.FEEDS_STATE));
        return new FeedsCluster(config);
    }

    Map<String, Object> clientProps() {
        return config.kafkaClientProps();
    }

    String where() {
        return config.bootstrapServers();
    }

    /** The partition count of {@code feeds.v1}, which decides each feed's partition. */
    int partitions() {
        Integer n = TopicAdmin.partitionCounts(clientProps(), List.of(Topics.FEEDS.name()))
                .get(Topics.FEEDS.name());
        if (n == null) {
            throw new IllegalStateException("topic " + Topics.FEEDS.name() + " does not exist on " + where());
        }
        return n;
    }

    /** A listed feed and the partition of {@code feeds.v1} its live record is on. */
    record Listed(FeedRecord feed, int partition) {}

    /** The listed feeds by id; a record that does not read is passed to {@code bad(key, reason)}. */
    Map<String, FeedRecord> feeds(BiConsumer<String, String> bad) {
        Map<String, FeedRecord> out = new LinkedHashMap<>();
        listed(bad).forEach((id, l) -> out.put(id, l.feed()));
        return out;
    }

    /**
     * The listed feeds by id, with their partitions. An id live on two partitions (a host move
     * written by a version that left the old record behind) is shown where its host puts it: that
     * copy is the one polled.
     */
    Map<String, Listed> listed(BiConsumer<String, String> bad) {
        Map<String, Listed> out = new LinkedHashMap<>();
        Integer count = null;
        for (CompactedTopic.LiveRecord r : CompactedTopic.read(clientProps(), Topics.FEEDS.name(), timeout)) {
            FeedRecord feed;
            try {
                feed = FeedRecord.fromJson(r.value());
            } catch (IllegalArgumentException e) {
                bad.accept(r.key(), e.getMessage());
                continue;
            }
            Listed seen = out.get(r.key());
            if (seen != null) {
                count = count == null ? partitions() : count;
                if (FeedPartitions.partitionFor(seen.feed().url(), count) == seen.partition()) {
                    continue;
                }
            }
            out.put(r.key(), new Listed(feed, r.partition()));
        }
        return out;
    }

    /**
     * The polling state of each feed polled so far, by feed id: the state on the feed's own
     * partition ({@code partitionOf}); a state left on a partition the feed moved away from is
     * not its current state. Ids not in {@code partitionOf} are left out.
     */
    Map<String, FeedState> states(Map<String, Integer> partitionOf, BiConsumer<String, String> bad) {
        Map<String, FeedState> out = new LinkedHashMap<>();
        for (CompactedTopic.LiveRecord r : CompactedTopic.read(clientProps(), Topics.FEEDS_STATE.name(), timeout)) {
            if (!Integer.valueOf(r.partition()).equals(partitionOf.get(r.key()))) {
                continue;
            }
            try {
                out.put(r.key(), FeedState.fromJson(r.value()));
            } catch (IllegalArgumentException e) {
                bad.accept(r.key(), e.getMessage());
            }
        }
        return out;
    }

    /** The feed list's writer; it places each feed and moves those whose host changed. */
    FeedListPublisher writer() {
        return new FeedListPublisher(config);
    }
}
