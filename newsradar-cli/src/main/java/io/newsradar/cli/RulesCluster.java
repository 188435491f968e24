package io.newsradar.cli;

import io.newsradar.localkafka.TopicAdmin;
import io.newsradar.schemas.config.NewsradarConfig;
import io.newsradar.schemas.topics.TopicDef;
import io.newsradar.schemas.topics.Topics;
import io.newsradar.scoring.ruleset.RulesetLog;
import io.newsradar.scoring.ruleset.RulesetPublisher;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The cluster side of the {@code rules} commands: {@code rules.v1} made sure of (created unless
 * {@code --no-create-topics}; either way a dead address fails here within a bounded wait, exit
 * 4), then its log read or a publication written.
 */
final class RulesCluster {
    private final NewsradarConfig config;
    private final ConfigOptions options;
    private final Duration timeout;

    private RulesCluster(NewsradarConfig config, ConfigOptions options) {
        this.config = config;
        this.options = options;
        this.timeout = TopicAdmin.DEFAULT_REACH_TIMEOUT;
    }

    /** Connects: the admin step for {@code rules.v1}. */
    static RulesCluster connect(ConfigOptions options) {
        NewsradarConfig config = options.load();
        // names the setting when no broker address is configured
        config.bootstrapServers();
        Pipeline.prepareTopics(options, config, List.of(Topics.RULES));
        return new RulesCluster(config, options);
    }

    NewsradarConfig config() {
        return config;
    }

    Map<String, Object> clientProps() {
        return config.kafkaClientProps();
    }

    RulesetLog log() {
        return RulesetLog.read(clientProps(), timeout);
    }

    RulesetPublisher publisher() {
        return new RulesetPublisher(clientProps(), timeout, Clock.systemUTC());
    }

    /**
     * Makes sure the alert topic of every route exists before a ruleset naming it goes live (the
     * stream refuses a ruleset whose topics are missing): creates the missing ones, or with
     * {@code --no-create-topics} lists them.
     *
     * @return the topics created
     * @throws MissingTopicsException when topics are missing and may not be created
     */
    List<String> prepareRouteTopics(List<String> routes) {
        List<TopicDef<?, ?>> topics =
                routes.stream().<TopicDef<?, ?>>map(Topics::alerts).toList();
        if (!options.noCreateTopics) {
            return Pipeline.createTopics(config, topics);
        }
        Set<String> existing = TopicAdmin.listTopics(clientProps());
        List<String> missing = topics.stream()
                .map(TopicDef::name)
                .filter(n -> !existing.contains(n))
                .toList();
        if (!missing.isEmpty()) {
            throw new MissingTopicsException("the alert topics " + missing
                    + " of this ruleset's routes do not exist on "
                    + config.bootstrapServers() + " and --no-create-topics was given: create them first; nothing "
                    + "published");
        }
        return List.of();
    }

    /** Topics a ruleset needs are missing and this command may not create them. */
    static final class MissingTopicsException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        MissingTopicsException(String message) {
            super(message);
        }
    }

    /** Who publishes: the user and host this command runs as, as {@code user@host}. */
    static String publishedBy() {
        String user = System.getProperty("user.name", "unknown");
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "unknown-host";
        }
        return user + "@" + host;
    }
}
