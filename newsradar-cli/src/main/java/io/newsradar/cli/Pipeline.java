package io.newsradar.cli;

import io.newsradar.localkafka.TopicAdmin;
import io.newsradar.schemas.config.NewsradarConfig;
import io.newsradar.schemas.topics.TopicDef;
import io.newsradar.schemas.topics.Topics;
import java.util.List;

/** Wiring shared by the commands. */
final class Pipeline {
    private Pipeline() {}

    static List<String> topicNames() {
        return Topics.all().stream().map(TopicDef::name).toList();
    }

    /** The idempotent admin step: every catalogue topic, with configured partitions and replication. */
    static List<String> createTopics(NewsradarConfig config) {
        int partitions = config.getInt(NewsradarConfig.TOPIC_PARTITIONS, 3);
        short replication = (short) config.getInt(NewsradarConfig.TOPIC_REPLICATION, 1);
        return TopicAdmin.ensureTopics(config.kafkaClientProps(), Topics.all(), partitions, replication);
    }
}
