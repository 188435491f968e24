package io.newsradar.cli;

import io.newsradar.http.HttpSettings;
import io.newsradar.ingest.BrokerWait;
import io.newsradar.ingest.poll.PollSettings;
import io.newsradar.ingest.push.PushSettings;
import io.newsradar.ingest.service.PollerSettings;
import io.newsradar.schemas.config.NewsradarConfig;
import io.newsradar.scoring.DeadLetterBounds;
import io.newsradar.scoring.RevisionSettings;
import io.newsradar.scoring.ScoringApp;
import io.newsradar.scoring.state.RocksDbMemory;
import io.newsradar.scoring.stories.StorySettings;
import io.newsradar.sink.SinkSettings;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.StreamsConfig;

/**
 * The configuration keys the code reads, collected from the settings classes' key constants,
 * and the Kafka clients' own settings (every {@code kafka.*} key goes to them). A settings class
 * added later belongs in {@link #SETTINGS_CLASSES}.
 */
final class ComposeConfigKeys {
    static final List<Class<?>> SETTINGS_CLASSES = List.of(
            NewsradarConfig.class,
            HttpSettings.class,
            BrokerWait.class,
            PollSettings.class,
            PollerSettings.class,
            PushSettings.class,
            ScoringApp.class,
            RevisionSettings.class,
            DeadLetterBounds.class,
            RocksDbMemory.class,
            StorySettings.class,
            SinkSettings.class);

    private static final Pattern KEY = Pattern.compile("[a-z]+(\\.[a-z0-9-]+)+");

    private ComposeConfigKeys() {}

    /** Every dotted key constant of the settings classes. */
    static Set<String> known() {
        Set<String> keys = new TreeSet<>();
        for (Class<?> c : SETTINGS_CLASSES) {
            for (Field f : c.getDeclaredFields()) {
                int m = f.getModifiers();
                if (Modifier.isStatic(m) && Modifier.isFinal(m) && f.getType() == String.class) {
                    try {
                        f.setAccessible(true);
                        String value = (String) f.get(null);
                        if (value != null && KEY.matcher(value).matches()) {
                            keys.add(value);
                        }
                    } catch (IllegalAccessException e) {
                        throw new IllegalStateException(e);
                    }
                }
            }
        }
        return keys;
    }

    /** Prefixes Kafka Streams passes on to one of its inner clients or to its internal topics. */
    private static final List<String> STREAMS_PREFIXES = List.of(
            StreamsConfig.MAIN_CONSUMER_PREFIX,
            StreamsConfig.RESTORE_CONSUMER_PREFIX,
            StreamsConfig.GLOBAL_CONSUMER_PREFIX,
            StreamsConfig.CONSUMER_PREFIX,
            StreamsConfig.PRODUCER_PREFIX,
            StreamsConfig.ADMIN_CLIENT_PREFIX,
            StreamsConfig.TOPIC_PREFIX);

    /** Whether a Kafka client of ours accepts {@code name} (a {@code kafka.*} key without its prefix). */
    static boolean isKafkaClientSetting(String name) {
        Set<String> names = kafkaClientSettings();
        if (names.contains(name)) {
            return true;
        }
        // topic-level settings are not listed anywhere client-side: take any under topic.
        return STREAMS_PREFIXES.stream()
                .anyMatch(p -> name.startsWith(p)
                        && (p.equals(StreamsConfig.TOPIC_PREFIX) || names.contains(name.substring(p.length()))));
    }

    /** Every setting name some Kafka client of ours accepts. */
    private static Set<String> kafkaClientSettings() {
        Set<String> names = new HashSet<>();
        names.addAll(ProducerConfig.configNames());
        names.addAll(ConsumerConfig.configNames());
        names.addAll(AdminClientConfig.configNames());
        names.addAll(StreamsConfig.configDef().names());
        return names;
    }

    /** The key an environment variable sets, by the config's own mapping; empty for other variables. */
    static Optional<String> keyOf(String envName) {
        String marker = "\u0000marker";
        Map<String, String> loaded =
                NewsradarConfig.load(null, Map.of(envName, marker)).asMap();
        return loaded.entrySet().stream()
                .filter(e -> marker.equals(e.getValue()))
                .map(Map.Entry::getKey)
                .findFirst();
    }
}
