package io.newsradar.scoring;

import io.newsradar.scoring.ruleset.TopicCheck;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListTopicsOptions;

/**
 * Asks the cluster which topics are missing, allowing a short grace for a topic created a moment
 * before (by {@code rules publish} or the admin step) to show in the metadata the broker serves.
 * Every wait is bounded. The admin client is created on first use and closed by {@link #close()}.
 */
final class AdminTopicCheck implements TopicCheck, AutoCloseable {
    // how long a check waits for a topic created just before to show in the broker's metadata
    static final Duration VISIBILITY_GRACE = Duration.ofSeconds(5);
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(30);

    private final Map<String, Object> adminProps;
    private Admin admin;

    AdminTopicCheck(Map<String, Object> adminProps) {
        this.adminProps = Map.copyOf(adminProps);
    }

    @Override
    public synchronized List<String> missing(Collection<String> topics) {
        if (admin == null) {
            admin = Admin.create(adminProps);
        }
        return missing(admin, topics, VISIBILITY_GRACE);
    }

    /** The topics still missing after {@code grace}; throws when the cluster does not answer. */
    static List<String> missing(Admin admin, Collection<String> topics, Duration grace) {
        List<String> missing = listMissing(admin, topics);
        long deadline = System.nanoTime() + grace.toNanos();
        while (!missing.isEmpty() && System.nanoTime() < deadline) {
            pause(Duration.ofMillis(200));
            missing = listMissing(admin, topics);
        }
        return missing;
    }

    private static List<String> listMissing(Admin admin, Collection<String> topics) {
        try {
            Set<String> existing = admin.listTopics(new ListTopicsOptions().timeoutMs((int) CALL_TIMEOUT.toMillis()))
                    .names()
                    .get(CALL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            return topics.stream().filter(n -> !existing.contains(n)).toList();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while listing topics", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException(
                    "cannot list topics: "
                            + (e.getCause() != null ? e.getCause().getMessage() : e.toString()),
                    e);
        }
    }

    private static void pause(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for topics", e);
        }
    }

    @Override
    public synchronized void close() {
        if (admin != null) {
            admin.close(Duration.ofSeconds(5));
            admin = null;
        }
    }
}
