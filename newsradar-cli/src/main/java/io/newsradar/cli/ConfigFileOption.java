package io.newsradar.cli;

import io.newsradar.schemas.config.NewsradarConfig;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * Where the settings come from: the option of every command, also of those that never reach a
 * broker ({@code explain}), which is why the broker options live apart in {@link ConfigOptions}.
 */
final class ConfigFileOption {
    @Option(
            names = "--config",
            paramLabel = "FILE",
            description = "Properties file with settings (kafka.* keys go to the Kafka clients). "
                    + "Default: $NEWSRADAR_CONFIG if set. Environment variables NEWSRADAR_* override the file.")
    Path configFile;

    NewsradarConfig load() {
        return NewsradarConfig.load(configFile, System.getenv());
    }
}
