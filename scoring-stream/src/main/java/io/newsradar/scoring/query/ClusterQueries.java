package io.newsradar.scoring.query;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsradar.scoring.query.LocalQueries.RecentAlert;
import io.newsradar.scoring.query.LocalQueries.TagMinutes;
import io.newsradar.scoring.stories.StoryDesk;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;
import java.util.function.Supplier;
import org.HdrHistogram.Histogram;
import org.apache.kafka.streams.state.HostInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole-application answers. A keyed query (a story) goes to the instance whose active task
 * holds the key: answered here when that is this instance, else forwarded to the owner's internal
 * endpoint. A keyless query asks every instance for its local part at once (this one without a
 * network call) and merges the parts ({@link Merges}). An instance that does not answer in time is
 * named: the keyless answer says {@code "partial": true, "missing": [host:port]}, the keyed one is a
 * 503 naming the owner.
 */
final class ClusterQueries {
    static final String INTERNAL = "/v1/internal";
    static final String INTERNAL_TAGS = INTERNAL + "/tags/minutes";
    static final String INTERNAL_ALERTS = INTERNAL + "/alerts/recent";
    static final String INTERNAL_STORIES = INTERNAL + "/stories/";
    static final String INTERNAL_FRESHNESS = INTERNAL + "/freshness";
    static final String INTERNAL_SCORES = INTERNAL + "/scores/histogram";

    private static final Logger LOG = LoggerFactory.getLogger(ClusterQueries.class);

    private final LocalQueries local;
    private final Cluster cluster;
    private final PeerClient peers;

    ClusterQueries(LocalQueries local, Cluster cluster, PeerClient peers) {
        this.local = Objects.requireNonNull(local, "local");
        this.cluster = Objects.requireNonNull(cluster, "cluster");
        this.peers = Objects.requireNonNull(peers, "peers");
    }

    /** An HTTP status and the JSON body to send. */
    record Answer(int status, Object body) {}

    /** The parts that came back and the instances that gave none. */
    record Gathered<T>(List<T> parts, List<String> missing) {}

    LocalQueries local() {
        return local;
    }

    Answer topTags(int minutes, int limit, Optional<String> auth) {
        Gathered<TagMinutes> g =
                gather(INTERNAL_TAGS, "minutes=" + minutes, () -> local.tagMinutes(minutes), Parts::tagMinutes, auth);
        Merges.TopTags top = Merges.topTags(g.parts(), minutes, limit);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("from", top.fromMs().isPresent() ? iso(top.fromMs().getAsLong()) : null);
        body.put("until", top.untilMs().isPresent() ? iso(top.untilMs().getAsLong()) : null);
        body.put("minutes", minutes);
        body.put("tags", top.tags());
        return complete(body, g);
    }

    Answer recentAlerts(int limit, Optional<String> auth) {
        Gathered<List<RecentAlert>> g =
                gather(INTERNAL_ALERTS, "limit=" + limit, () -> local.recentAlerts(limit), Parts::alerts, auth);
        List<JsonNode> alerts = Merges.recentAlerts(g.parts(), limit).stream()
                .map(RecentAlert::alert)
                .toList();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("alerts", alerts);
        return complete(body, g);
    }

    Answer freshness(Optional<String> auth) {
        Gathered<List<Histogram>> g = gather(
                INTERNAL_FRESHNESS,
                null,
                () -> List.of(local.fetchedToScored(), local.publishedToScored()),
                Parts::freshness,
                auth);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put(
                "fetchedToScored",
                Merges.quantiles(
                        Merges.histograms(g.parts().stream().map(p -> p.get(0)).toList())));
        body.put(
                "publishedToScored",
                Merges.quantiles(
                        Merges.histograms(g.parts().stream().map(p -> p.get(1)).toList())));
        return complete(body, g);
    }

    Answer scoreHistogram(Optional<String> auth) {
        Gathered<long[]> g = gather(INTERNAL_SCORES, null, local::scoreCounts, Parts::scores, auth);
        long[] counts = Merges.scores(g.parts());
        List<Map<String, Object>> buckets = new ArrayList<>();
        for (int i = 0; i < counts.length; i++) {
            Map<String, Object> b = new LinkedHashMap<>();
            b.put("from", i);
            b.put("to", i + 1);
            b.put("articles", counts[i]);
            buckets.add(b);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("buckets", buckets);
        return complete(body, g);
    }

    /** The story from the instance that holds it: here, or forwarded to the owner. */
    Answer story(String storyId, Optional<String> auth) {
        HostInfo owner = cluster.ownerOf(StoryDesk.STORIES_STORE, storyId);
        if (owner.equals(cluster.self())) {
            return localStory(storyId);
        }
        String name = Cluster.name(owner);
        try {
            PeerClient.Answer a =
                    peers.get(owner, INTERNAL_STORIES + storyId, null, auth).join();
            return new Answer(a.status(), a.body());
        } catch (CompletionException e) {
            String why = e.getCause() == null ? e.getMessage() : e.getCause().getMessage();
            LOG.warn("instance {} holding story {} did not answer: {}", name, storyId, why);
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("error", "the instance holding story '" + storyId + "' (" + name + ") does not answer: " + why);
            body.put("partial", true);
            body.put("missing", List.of(name));
            return new Answer(503, body);
        }
    }

    /** This instance's own answer for a story: 200 with it, 404 when no local task holds it. */
    Answer localStory(String storyId) {
        return local.story(storyId)
                .map(s -> new Answer(200, s))
                .orElseGet(() -> new Answer(404, Map.of("error", "no story '" + storyId + "'", "storyId", storyId)));
    }

    /**
     * Asks every instance at once; this one answers through {@code here}, the others through their
     * internal endpoint. Waits for each (the peer client's timeout bounds the wait).
     *
     * @throws QueryUnavailableException when no instance answered at all
     */
    <T> Gathered<T> gather(
            String path, String query, Supplier<T> here, Function<JsonNode, T> decode, Optional<String> auth) {
        HostInfo self = cluster.self();
        List<HostInfo> instances = cluster.instances();
        Map<HostInfo, CompletableFuture<T>> calls = new LinkedHashMap<>();
        for (HostInfo h : instances) {
            if (!h.equals(self)) {
                calls.put(h, peers.get(h, path, query, auth).thenApply(a -> decoded(a, decode)));
            }
        }
        List<T> parts = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        String lastReason = null;
        if (instances.contains(self)) {
            try {
                parts.add(here.get());
            } catch (QueryUnavailableException e) {
                missing.add(Cluster.name(self));
                lastReason = e.getMessage();
            }
        }
        for (Map.Entry<HostInfo, CompletableFuture<T>> call : calls.entrySet()) {
            try {
                parts.add(call.getValue().join());
            } catch (CompletionException e) {
                String name = Cluster.name(call.getKey());
                lastReason =
                        e.getCause() == null ? e.getMessage() : e.getCause().getMessage();
                LOG.warn("instance {} gave no part of {}: {}", name, path, lastReason);
                missing.add(name);
            }
        }
        if (parts.isEmpty()) {
            throw new QueryUnavailableException("no instance answered (missing " + missing + "): " + lastReason);
        }
        return new Gathered<>(parts, missing);
    }

    private static <T> T decoded(PeerClient.Answer a, Function<JsonNode, T> decode) {
        if (a.status() != 200) {
            JsonNode error = a.body().get("error");
            throw new PeerClient.PeerFailure("answered " + a.status() + (error == null ? "" : ": " + error.asText()));
        }
        try {
            return decode.apply(a.body());
        } catch (IllegalArgumentException e) {
            throw new PeerClient.PeerFailure("answered something else than its part: " + e.getMessage());
        }
    }

    private static Answer complete(Map<String, Object> body, Gathered<?> g) {
        body.put("partial", !g.missing().isEmpty());
        body.put("missing", g.missing());
        return new Answer(200, body);
    }

    private static String iso(long ms) {
        return Instant.ofEpochMilli(ms).toString();
    }
}
