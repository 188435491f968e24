package io.newsradar.schemas.config;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * Settings for every service, from (lowest precedence first) built-in defaults, a properties
 * file, environment variables and explicit overrides.
 *
 * <p>Keys are dotted ({@code kafka.bootstrap.servers}). An environment variable
 * {@code NEWSRADAR_KAFKA_BOOTSTRAP_SERVERS} sets {@code kafka.bootstrap.servers}: the prefix is
 * dropped, the rest is lower-cased, {@code __} becomes {@code -} and {@code _} becomes {@code .}.
 * Every key under {@code kafka.} is passed to the Kafka clients with the prefix removed, so any
 * client setting (security, SASL, timeouts) can be given without code changes.
 */
public final class NewsradarConfig {
    public static final String ENV_PREFIX = "NEWSRADAR_";
    public static final String CONFIG_FILE_ENV = "NEWSRADAR_CONFIG";
    public static final String KAFKA_PREFIX = "kafka.";

    public static final String BOOTSTRAP_SERVERS = "kafka.bootstrap.servers";
    public static final String TOPIC_PARTITIONS = "topics.partitions";
    public static final String TOPIC_REPLICATION = "topics.replication.factor";
    public static final String APPLICATION_ID = "scoring.application.id";
    public static final String STATE_DIR = "scoring.state.dir";
    public static final String SINK_FILE = "sink.file";
    public static final String SINK_GROUP = "sink.group.id";

    private static final Map<String, String> DEFAULTS = Map.of(
            TOPIC_PARTITIONS, "3",
            TOPIC_REPLICATION, "1",
            APPLICATION_ID, "newsradar-scoring",
            // beside the process, not in /tmp, which the OS may clear under a running stream
            STATE_DIR, ".newsradar/streams",
            SINK_GROUP, "newsradar-alert-sink",
            SINK_FILE, "alerts.jsonl");

    private final Map<String, String> values;

    private NewsradarConfig(Map<String, String> values) {
        this.values = Collections.unmodifiableMap(new TreeMap<>(values));
    }

    /** Defaults only. */
    public static NewsradarConfig defaults() {
        return new NewsradarConfig(DEFAULTS);
    }

    /**
     * Defaults, then the file (if given, else the one named by {@code NEWSRADAR_CONFIG} if set),
     * then the environment.
     */
    public static NewsradarConfig load(Path file, Map<String, String> env) {
        Map<String, String> merged = new TreeMap<>(DEFAULTS);
        Path source = file;
        if (source == null
                && env.get(CONFIG_FILE_ENV) != null
                && !env.get(CONFIG_FILE_ENV).isBlank()) {
            source = Path.of(env.get(CONFIG_FILE_ENV));
        }
        if (source != null) {
            merged.putAll(readFile(source));
        }
        env.forEach((name, value) -> {
            if (name.startsWith(ENV_PREFIX) && !name.equals(CONFIG_FILE_ENV)) {
                merged.put(envToKey(name), value);
            }
        });
        return new NewsradarConfig(merged);
    }

    static String envToKey(String envName) {
        return envName.substring(ENV_PREFIX.length())
                .toLowerCase(Locale.ROOT)
                .replace("__", "-")
                .replace('_', '.');
    }

    private static Map<String, String> readFile(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("config file not found: " + file.toAbsolutePath());
        }
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read config file " + file.toAbsolutePath(), e);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "malformed config file " + file.toAbsolutePath() + ": " + e.getMessage(), e);
        }
        Map<String, String> m = new TreeMap<>();
        p.stringPropertyNames().forEach(k -> m.put(k.strip(), p.getProperty(k).strip()));
        return m;
    }

    /** A copy with one more setting; overrides whatever was there. */
    public NewsradarConfig with(String key, String value) {
        Map<String, String> m = new TreeMap<>(values);
        m.put(key, value);
        return new NewsradarConfig(m);
    }

    public String get(String key) {
        return values.get(key);
    }

    public String get(String key, String fallback) {
        return values.getOrDefault(key, fallback);
    }

    /** The value, or a clear error naming the key and how to set it. */
    public String require(String key) {
        String v = values.get(key);
        if (v == null || v.isBlank()) {
            throw new IllegalStateException(
                    "missing setting '" + key + "': set it in the config file or as " + ENV_PREFIX
                            + key.toUpperCase(Locale.ROOT).replace('.', '_').replace("-", "__"));
        }
        return v;
    }

    public int getInt(String key, int fallback) {
        String v = values.get(key);
        if (v == null || v.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(v.strip());
        } catch (NumberFormatException e) {
            throw new IllegalStateException(
                    "setting '" + key + "' must be an integer, got '" + Secrets.redact(key, v) + "'", e);
        }
    }

    /**
     * An ISO-8601 duration ({@code PT30M}, {@code PT72H}, {@code P3D}), or {@code fallback} when
     * the key is unset; a clear error naming the key otherwise.
     */
    public Duration getDuration(String key, Duration fallback) {
        String v = values.get(key);
        if (v == null || v.isBlank()) {
            return fallback;
        }
        try {
            return Duration.parse(v.strip());
        } catch (DateTimeParseException e) {
            throw new IllegalStateException(
                    "setting '" + key + "' must be an ISO-8601 duration such as PT30M, PT2H or P3D, got '"
                            + Secrets.redact(key, v) + "'",
                    e);
        }
    }

    public String bootstrapServers() {
        return require(BOOTSTRAP_SERVERS);
    }

    /** Every {@code kafka.*} setting with the prefix removed, for a Kafka client. */
    public Map<String, Object> kafkaClientProps() {
        Map<String, Object> m = new TreeMap<>();
        values.forEach((k, v) -> {
            if (k.startsWith(KAFKA_PREFIX)) {
                m.put(k.substring(KAFKA_PREFIX.length()), v);
            }
        });
        return m;
    }

    /** Every setting with its real value: never print or log this, print {@link #redacted()}. */
    public Map<String, String> asMap() {
        return values;
    }

    /** Every setting, secrets hidden ({@link Secrets}): the form to print or log. */
    public Map<String, String> redacted() {
        return Secrets.redact(values);
    }

    /** Secrets hidden: a config may end up in a log line or an error message. */
    @Override
    public String toString() {
        return "NewsradarConfig" + redacted();
    }
}
