package io.newsradar.ingest;

import io.newsradar.schemas.config.NewsradarConfig;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.ProducerConfig;

/**
 * How long ingest waits for the Kafka cluster before it calls the cluster unreachable: one bound
 * for the start-up checks ({@link BrokerPreflight}) and the producer's waits, so an unreachable
 * broker or a missing topic ends the run after about this long instead of after the clients'
 * defaults (60 s per article for metadata, 120 s per delivery). Set it with
 * {@value #CONFIG_KEY} (milliseconds); explicit {@code kafka.*} client settings still win.
 */
public final class BrokerWait {
    /** Setting (milliseconds) for the bound; environment {@code NEWSRADAR_INGEST_BROKER_TIMEOUT_MS}. */
    public static final String CONFIG_KEY = "ingest.broker.timeout.ms";
    /** Long enough for a cluster under load to answer, short enough for a person to wait out. */
    public static final Duration DEFAULT = Duration.ofSeconds(15);

    /** Kafka's own default for one request; no reason to allow a single request longer. */
    private static final long MAX_REQUEST_TIMEOUT_MS = 30_000;

    private BrokerWait() {}

    /** The bound from the config, or {@link #DEFAULT}. */
    public static Duration of(NewsradarConfig config) {
        int ms = config.getInt(CONFIG_KEY, (int) DEFAULT.toMillis());
        if (ms <= 0) {
            throw new IllegalStateException(
                    "setting '" + CONFIG_KEY + "' must be a positive number of " + "milliseconds, got " + ms);
        }
        return Duration.ofMillis(ms);
    }

    /**
     * The producer waits bounded by {@code wait}, where the operator did not set them. Values are
     * strings, as from a properties file: Kafka parses those for int and long settings alike.
     */
    public static void boundProducer(Map<String, Object> props, Duration wait) {
        long ms = wait.toMillis();
        // send() blocks this long for the topic's metadata or for buffer space: the wait that
        // was 60 s per article against an unreachable broker.
        props.putIfAbsent(ProducerConfig.MAX_BLOCK_MS_CONFIG, Long.toString(ms));
        // one produce request; the delivery timeout below covers its retries
        props.putIfAbsent(
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, Long.toString(Math.min(ms, MAX_REQUEST_TIMEOUT_MS)));
        // An article not acknowledged within this fails, so a broker lost mid-run ends the run in
        // bounded time. The producer refuses a value below linger.ms + request.timeout.ms.
        long floor = longSetting(props, ProducerConfig.LINGER_MS_CONFIG, 5)
                + longSetting(props, ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, MAX_REQUEST_TIMEOUT_MS);
        props.putIfAbsent(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, Long.toString(Math.max(2 * ms, floor)));
    }

    /** Admin client settings bounded by {@code wait}, where the operator did not set them. */
    public static Map<String, Object> boundAdmin(Map<String, Object> clientProps, Duration wait) {
        Map<String, Object> props = new HashMap<>(clientProps);
        long ms = wait.toMillis();
        // every admin call (describe cluster, list, create topics) gives up after this
        props.putIfAbsent(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, Long.toString(ms));
        // must not exceed the API timeout, or the client warns and raises the API timeout
        props.putIfAbsent(
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, Long.toString(Math.min(ms, MAX_REQUEST_TIMEOUT_MS)));
        return props;
    }

    private static long longSetting(Map<String, Object> props, String key, long fallback) {
        Object v = props.get(key);
        if (v == null) {
            return fallback;
        }
        try {
            return v instanceof Number n
                    ? n.longValue()
                    : Long.parseLong(v.toString().strip());
        } catch (NumberFormatException e) {
            return fallback; // the producer itself will name the bad setting
        }
    }
}
