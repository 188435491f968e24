package io.newsradar.cli;

import io.newsradar.schemas.config.NewsradarConfig;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Options every service command shares: where the settings come from. */
final class ConfigOptions {
    @Option(
            names = "--config",
            paramLabel = "FILE",
            description = "Properties file with settings (kafka.* keys go to the Kafka clients). "
                    + "Default: $NEWSRADAR_CONFIG if set. Environment variables NEWSRADAR_* override the file.")
    Path configFile;

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
        NewsradarConfig config = NewsradarConfig.load(configFile, System.getenv());
        if (bootstrapServers != null) {
            config = config.with(NewsradarConfig.BOOTSTRAP_SERVERS, bootstrapServers);
        }
        return config;
    }
}
