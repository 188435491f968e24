package io.newsradar.http;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The browser sessions of one server: a session id is 256 random bits handed to the browser in
 * the {@link SessionCookie} after it showed the bearer token once (login form or one-time {@code
 * ?token=} link). Why not put the token itself in the cookie: a session id expires ({@link #TTL})
 * and can be ended by logout while the token stays what it is, and a stolen cookie then never
 * yields the long-lived secret that the APIs and every other instance accept.
 *
 * <p>Only the SHA-256 of each id is kept (a heap dump shows no usable cookie), with its expiry.
 * Bounded: past {@link #MAX_SESSIONS} the expired ones are dropped, then the oldest. Sessions live
 * in memory, so a restart logs every browser out, which the login page then says.
 */
final class BrowserSessions {
    /** How long a session lasts from its login: a working day of dashboard watching. */
    static final Duration TTL = Duration.ofHours(12);

    /** More than any team opens; bounds the memory a login flood can take. */
    static final int MAX_SESSIONS = 10_000;

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Clock clock;
    private final Map<String, Instant> expiryByDigest = new ConcurrentHashMap<>();

    BrowserSessions(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** A new session; returns the id for the cookie (never logged). */
    String open() {
        byte[] raw = new byte[32];
        RANDOM.nextBytes(raw);
        String id = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        if (expiryByDigest.size() >= MAX_SESSIONS) {
            evict();
        }
        expiryByDigest.put(digest(id), clock.instant().plus(TTL));
        return id;
    }

    /** True when {@code id} is an open session that has not expired; an expired one is removed. */
    boolean isValid(String id) {
        if (id == null || id.isEmpty()) {
            return false;
        }
        String key = digest(id);
        Instant expiry = expiryByDigest.get(key);
        if (expiry == null) {
            return false;
        }
        if (!clock.instant().isBefore(expiry)) {
            expiryByDigest.remove(key, expiry);
            return false;
        }
        return true;
    }

    /** Ends the session (logout); unknown ids are ignored. */
    void close(String id) {
        if (id != null) {
            expiryByDigest.remove(digest(id));
        }
    }

    int size() {
        return expiryByDigest.size();
    }

    private synchronized void evict() {
        Instant now = clock.instant();
        expiryByDigest.values().removeIf(expiry -> !now.isBefore(expiry));
        while (expiryByDigest.size() >= MAX_SESSIONS) {
            // the earliest expiry is the oldest login
            expiryByDigest.entrySet().stream()
                    .min(Map.Entry.comparingByValue())
                    .ifPresent(oldest -> expiryByDigest.remove(oldest.getKey()));
        }
    }

    private static String digest(String id) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(id.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
