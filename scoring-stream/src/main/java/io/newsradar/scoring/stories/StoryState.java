package io.newsradar.scoring.stories;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.apache.kafka.common.serialization.Serde;

/**
 * What the story desk remembers per story id: the outlets carrying the story, per route the alerts
 * it raised, the article of its last alert, whether it was retracted, and when it was last seen.
 * Stored as versioned JSON text ({@link StoryStateFormat}), so the changelog stays readable.
 *
 * @param outlets    the distinct outlets carrying the story, bounded
 * @param routes     per route name: the alerts raised there; a route is absent until the story's
 *                   first alert on it (its NEW alert)
 * @param alerted    the article of the story's last alert; null while it never alerted
 * @param retracted  whether the story was taken down: it raises no more alerts
 * @param lastSeenMs stream time at the story's last article or retraction: it expires a window
 *                   after this
 */
public record StoryState(
        StoryOutlets outlets,
        Map<String, RouteAlerts> routes,
        AlertedArticle alerted,
        boolean retracted,
        long lastSeenMs) {
    public StoryState {
        Objects.requireNonNull(outlets, "outlets");
        // sorted: one encoding for one state, routes in name order
        routes = Collections.unmodifiableMap(new TreeMap<>(routes));
        if (!routes.isEmpty() && alerted == null) {
            throw new IllegalArgumentException("a story that alerted keeps the article of its last alert");
        }
    }

    /** A story not seen before, at stream time {@code now}. */
    public static StoryState fresh(long now) {
        return new StoryState(StoryOutlets.NONE, Map.of(), null, false, now);
    }

    public boolean everAlerted() {
        return !routes.isEmpty();
    }

    /** Seen again at stream time {@code now} (never earlier than before) with an article from {@code source}. */
    public StoryState seen(String source, long now) {
        return new StoryState(outlets.with(source), routes, alerted, retracted, Math.max(lastSeenMs, now));
    }

    /** Seen again at stream time {@code now}, without an article (a retraction). */
    public StoryState seenAt(long now) {
        return new StoryState(outlets, routes, alerted, retracted, Math.max(lastSeenMs, now));
    }

    /** After an alert on {@code route}, raised by {@code article}. */
    public StoryState alertedOn(String route, RouteAlerts alerts, AlertedArticle article) {
        Map<String, RouteAlerts> next = new TreeMap<>(routes);
        next.put(route, alerts);
        return new StoryState(outlets, next, article, retracted, lastSeenMs);
    }

    /** Taken down, with the routes' alerts after their RETRACTED alerts. */
    public StoryState retracted(Map<String, RouteAlerts> afterRetraction) {
        return new StoryState(outlets, afterRetraction, alerted, true, lastSeenMs);
    }

    public String encode() {
        return StoryStateFormat.encode(this);
    }

    /** The state from its JSON; a {@link org.apache.kafka.common.errors.SerializationException} naming the problem. */
    public static StoryState decode(String text) {
        return StoryStateFormat.decode(text);
    }

    public static Serde<StoryState> serde() {
        return StoryStateFormat.serde();
    }
}
