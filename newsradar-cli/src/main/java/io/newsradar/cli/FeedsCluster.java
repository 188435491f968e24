package io.newsradar.cli;

import io.newsradar.localkafka.TopicAdmin;
import io.newsradar.schemas.config.NewsradarConfig;
import io.newsradar.schemas.feeds.FeedRecord;
import io.newsradar.schemas.feeds.FeedState;
import io.newsradar.schemas.topics.Topics;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Function;

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

    /** The listed feeds by id; a record that does not read is passed to {@code bad(key, reason)}. */
    Map<String, FeedRecord> feeds(BiConsumer<String, String> bad) {
        return parsed(Topics.FEEDS.name(), FeedRecord::fromJson, bad);
    }

    /** The polling state of each feed polled so far, by feed id. */
    Map<String, FeedState> states(BiConsumer<String, String> bad) {
        return parsed(Topics.FEEDS_STATE.name(), FeedState::fromJson, bad);
    }

    FeedsWriter writer() {
        return FeedsWriter.open(clientProps(), partitions(), timeout);
    }

    private <T> Map<String, T> parsed(String topic, Function<String, T> parse, BiConsumer<String, String> bad) {
        Map<String, T> out = new LinkedHashMap<>();
        CompactedTopic.read(clientProps(), topic, timeout).forEach((key, value) -> {
            try {
                out.put(key, parse.apply(value));
            } catch (IllegalArgumentException e) {
                bad.accept(key, e.getMessage());
            }
        });
        return out;
    }
}
