package io.newsradar.scoring;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsradar.http.EmbeddedHttpServer;
import io.newsradar.http.HttpSettings;
import io.newsradar.http.ProcessMeters;
import io.newsradar.schemas.config.NewsradarConfig;
import io.newsradar.scoring.query.QuerySettings;
import io.newsradar.scoring.query.ScoringApi;
import io.newsradar.scoring.stories.StoryDesk;
import io.newsradar.scoring.stories.StoryState;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.StreamsMetadata;
import org.apache.kafka.streams.ThreadMetadata;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * One scoring instance of a query test, wired as the services wire it: its own HTTP server on a
 * free loopback port, the query API registered before the server starts, the app built with that
 * port advertised as {@code application.server}, then attached and started.
 */
final class QueryInstance implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    final EmbeddedHttpServer http;
    final ScoringApp app;
    final HostInfo host;

    private QueryInstance(EmbeddedHttpServer http, ScoringApp app) {
        this.http = http;
        this.app = app;
        this.host = new HostInfo("127.0.0.1", http.port());
    }

    static QueryInstance start(NewsradarConfig config) {
        EmbeddedHttpServer http = new EmbeddedHttpServer(HttpSettings.loopbackAnyPort(), ProcessMeters.newRegistry());
        ScoringApp app = null;
        try {
            ScoringApi api = ScoringApi.register(http, QuerySettings.from(config));
            http.start();
            app = new ScoringApp(QuerySettings.advertising(config, "127.0.0.1", http.port()));
            api.attach(app);
            app.start();
            return new QueryInstance(http, app);
        } catch (RuntimeException e) {
            if (app != null) {
                app.close(Duration.ofSeconds(30));
            }
            http.close();
            throw e;
        }
    }

    boolean runningWithTasks() {
        return app.state() == KafkaStreams.State.RUNNING
                && app.streams().metadataForLocalThreads().stream()
                        .map(ThreadMetadata::activeTasks)
                        .anyMatch(t -> !t.isEmpty());
    }

    /** The instances this one's metadata names. */
    Set<HostInfo> clients() {
        return app.streams().metadataForAllStreamsClients().stream()
                .map(StreamsMetadata::hostInfo)
                .collect(Collectors.toSet());
    }

    HostInfo ownerOfStory(String storyId) {
        return app.streams()
                .queryMetadataForKey(
                        StoryDesk.STORIES_STORE, storyId, Serdes.String().serializer())
                .activeHost();
    }

    /** Whether one of this instance's own active tasks holds the story (no forwarding). */
    boolean holdsStory(String storyId) {
        ReadOnlyKeyValueStore<String, StoryState> stories = app.streams()
                .store(StoreQueryParameters.fromNameAndType(
                        StoryDesk.STORIES_STORE, QueryableStoreTypes.keyValueStore()));
        return stories.get(storyId) != null;
    }

    long locallyScored() {
        return app.queryRecorders().fetchedToScored().snapshot().getTotalCount();
    }

    /** GETs the path; the JSON body, failing on any status but {@code expected}. */
    JsonNode get(String path, int expected) throws Exception {
        HttpResponse<String> r = CLIENT.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + http.port() + path))
                        .timeout(Duration.ofSeconds(30))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != expected) {
            throw new AssertionError("GET " + path + " answered " + r.statusCode() + ": " + r.body());
        }
        return JSON.readTree(r.body());
    }

    JsonNode get(String path) throws Exception {
        return get(path, 200);
    }

    @Override
    public void close() {
        try {
            app.close(Duration.ofSeconds(30));
        } finally {
            http.close();
        }
    }
}
