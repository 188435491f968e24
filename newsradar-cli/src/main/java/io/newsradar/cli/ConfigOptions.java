package io.newsradar.cli;

import io.newsradar.schemas.config.NewsradarConfig;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Options every service command shares: where the settings come from, and the broker. */
final class ConfigOptions {
    @Mixin
    ConfigFileOption file = new ConfigFileOption();

    @Option(
            names = {"-b", "--bootstrap-servers"},
            paramLabel = "HOST:PORT[,...]",
            description = "Kafka bootstrap servers; overrides kafka.bootstrap.servers from file and environment.")
    String bootstrapServers;

    @Option(
            names = "--no-create-topics",
            description =
                    "Do not run the admin step that creates missing topics (for clusters where this client may not "
                            + "create topics); missing topics are then reported as errors.")
    boolean noCreateTopics;

    NewsradarConfig load() {
        NewsradarConfig config = file.load();
        if (bootstrapServers != null) {
            config = config.with(NewsradarConfig.BOOTSTRAP_SERVERS, bootstrapServers);
        }
        return config;
    }
}
