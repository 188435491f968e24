package io.newsradar.cli;

import io.newsradar.localkafka.TopicAdmin;
import io.newsradar.schemas.config.NewsradarConfig;
import io.newsradar.schemas.topics.TopicDef;
import io.newsradar.schemas.topics.Topics;
import io.newsradar.scoring.Route;
import io.newsradar.scoring.ScoringRules;
import java.util.Collection;
import java.util.List;

/** Wiring shared by the commands. */
final class Pipeline {
    private Pipeline() {}

    /** Every topic of the catalogue, with one alert topic per route of the rules. */
    static List<TopicDef<?, ?>> catalogue(ScoringRules rules) {
        return Topics.withRoutes(rules.routes().stream().map(Route::name).toList());
    }

    /** The idempotent admin step for the given topics; existing topics are left as they are. */
    static List<String> createTopics(NewsradarConfig config, Collection<TopicDef<?, ?>> topics) {
        int partitions = config.getInt(NewsradarConfig.TOPIC_PARTITIONS, 3);
        short replication = (short) config.getInt(NewsradarConfig.TOPIC_REPLICATION, 1);
        return TopicAdmin.ensureTopics(config.kafkaClientProps(), topics, partitions, replication);
    }

    /**
     * Runs the admin step unless the user opted out; either way the cluster is contacted once
     * here, within a bounded wait, so a dead address fails fast with {@link
     * io.newsradar.localkafka.BrokerUnreachableException} before any service starts.
     */
    static void prepareTopics(ConfigOptions options, NewsradarConfig config, Collection<TopicDef<?, ?>> topics) {
        if (options.noCreateTopics) {
            TopicAdmin.listTopics(config.kafkaClientProps());
        } else {
            createTopics(config, topics);
        }
    }
}
