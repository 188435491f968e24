package io.newsradar.http;

import io.newsradar.schemas.config.Secrets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The named checks behind {@code GET /ready}: the process is ready when every one passes. A check
 * is asked on every request to {@code /ready}, so it must be cheap and must not block (read a flag
 * or a state the service keeps, never call the broker). A check that throws counts as failed.
 */
public final class ReadinessChecks {
    private static final Logger log = LoggerFactory.getLogger(ReadinessChecks.class);

    private final Map<String, BooleanSupplier> checks = new ConcurrentSkipListMap<>();
    private final Set<String> loggedFailures = ConcurrentHashMap.newKeySet();

    /** Adds (or replaces) the check called {@code name}. */
    public void add(String name, BooleanSupplier ready) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a readiness check needs a name");
        }
        checks.put(name, ready);
    }

    /** The names of the checks that fail now, in name order; empty when ready. */
    public List<String> failing() {
        List<String> failed = new ArrayList<>();
        checks.forEach((name, check) -> {
            if (!passes(name, check)) {
                failed.add(name);
            }
        });
        return failed;
    }

    /** The names of all checks, in name order. */
    public List<String> names() {
        return List.copyOf(checks.keySet());
    }

    private boolean passes(String name, BooleanSupplier check) {
        try {
            boolean ok = check.getAsBoolean();
            if (ok) {
                loggedFailures.remove(name); // the next failure is news again
            }
            return ok;
        } catch (RuntimeException e) {
            // once per check until it passes again: /ready may be polled every second
            if (loggedFailures.add(name)) {
                log.warn("readiness check '{}' failed: {}", name, Secrets.scrub(e.toString()));
            }
            return false;
        }
    }
}
