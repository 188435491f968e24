package io.newsradar.ingest.service;

import io.newsradar.ingest.BrokerWait;
import io.newsradar.schemas.config.NewsradarConfig;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The feed poller's own settings (beside the {@code kafka.*} client settings).
 *
 * @param groupId              consumer group of every ingest instance on {@code feeds.v1}
 *                             ({@value #GROUP_ID}); instances of one deployment share it
 * @param instanceId           this instance's name ({@value #INSTANCE_ID}); part of the
 *                             transactional id, so it must be unique among the instances running at
 *                             the same time, and should stay the same across restarts of one
 *                             instance (a restarted instance then fences its own previous life)
 * @param maxConcurrentFetches polls running at once ({@value #MAX_CONCURRENT_FETCHES})
 * @param revokeWait           how long a rebalance waits for the polls in flight of the feeds it
 *                             takes away ({@value #REVOKE_WAIT_MS}), so the next owner does not
 *                             poll a host while this instance still does
 * @param commitRetry          the first wait before a feed whose transaction failed is polled
 *                             again ({@value #COMMIT_RETRY_MS}); doubles per failure up to
 *                             {@link #MAX_COMMIT_RETRY}
 * @param brokerWait           the ingest broker bound ({@link BrokerWait}) for the clients' waits
 *                             and for reading the feed states of a new assignment
 */
public record PollerSettings(
        String groupId,
        String instanceId,
        int maxConcurrentFetches,
        Duration revokeWait,
        Duration commitRetry,
        Duration brokerWait) {
    public static final String GROUP_ID = "ingest.group.id";
    public static final String INSTANCE_ID = "ingest.instance.id";
    public static final String MAX_CONCURRENT_FETCHES = "ingest.max.concurrent.fetches";
    public static final String REVOKE_WAIT_MS = "ingest.revoke.wait.ms";
    public static final String COMMIT_RETRY_MS = "ingest.commit.retry.ms";

    public static final String DEFAULT_GROUP_ID = "newsradar-ingest";
    public static final int DEFAULT_MAX_CONCURRENT_FETCHES = 8;
    /** About one HTTP poll's own time limit: a poll in flight normally ends within it. */
    public static final Duration DEFAULT_REVOKE_WAIT = Duration.ofSeconds(30);

    public static final Duration DEFAULT_COMMIT_RETRY = Duration.ofSeconds(5);
    public static final Duration MAX_COMMIT_RETRY = Duration.ofMinutes(5);

    private static final Pattern ID_CHARS = Pattern.compile("[A-Za-z0-9._-]+");

    public PollerSettings {
        Objects.requireNonNull(groupId, "groupId");
        Objects.requireNonNull(instanceId, "instanceId");
        if (!ID_CHARS.matcher(instanceId).matches()) {
            throw new IllegalStateException("setting '" + INSTANCE_ID
                    + "' may hold only letters, digits, '.', '_' and '-', got '" + instanceId + "'");
        }
        if (maxConcurrentFetches <= 0) {
            throw new IllegalStateException(
                    "setting '" + MAX_CONCURRENT_FETCHES + "' must be positive, got " + maxConcurrentFetches);
        }
        requirePositive(revokeWait, REVOKE_WAIT_MS);
        requirePositive(commitRetry, COMMIT_RETRY_MS);
        Objects.requireNonNull(brokerWait, "brokerWait");
    }

    public static PollerSettings from(NewsradarConfig config) {
        String instance = config.get(INSTANCE_ID);
        return new PollerSettings(
                config.get(GROUP_ID, DEFAULT_GROUP_ID).strip(),
                instance == null || instance.isBlank() ? defaultInstanceId() : instance.strip(),
                config.getInt(MAX_CONCURRENT_FETCHES, DEFAULT_MAX_CONCURRENT_FETCHES),
                Duration.ofMillis(config.getInt(REVOKE_WAIT_MS, (int) DEFAULT_REVOKE_WAIT.toMillis())),
                Duration.ofMillis(config.getInt(COMMIT_RETRY_MS, (int) DEFAULT_COMMIT_RETRY.toMillis())),
                BrokerWait.of(config));
    }

    /**
     * The producer's transactional id: one per instance. Two live instances with the same id fence
     * each other (the older one dies with a fenced-producer error), which is why the instance id
     * must be unique; a restart under the same id fences the previous life's open transaction at
     * once instead of after its timeout.
     */
    public String transactionalId() {
        return groupId + "-" + instanceId;
    }

    /** The wait before the n-th consecutive failed commit of a feed is retried (n from 1). */
    public Duration commitRetryAfter(int failures) {
        int doublings = Math.min(Math.max(failures - 1, 0), 20);
        Duration wait = commitRetry.multipliedBy(1L << doublings);
        return wait.compareTo(MAX_COMMIT_RETRY) > 0 ? MAX_COMMIT_RETRY : wait;
    }

    /**
     * The host name: stable across restarts of one machine's instance, distinct between machines.
     * Two instances on one host must set {@value #INSTANCE_ID} (else the second fences the first).
     */
    static String defaultInstanceId() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "localhost";
        }
        String cleaned = host.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]", "-");
        return cleaned.isEmpty() ? "localhost" : cleaned;
    }

    private static void requirePositive(Duration d, String key) {
        Objects.requireNonNull(d, key);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalStateException("setting '" + key + "' must be a positive number of milliseconds");
        }
    }
}
