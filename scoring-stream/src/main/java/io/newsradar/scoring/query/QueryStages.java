package io.newsradar.scoring.query;

import io.newsradar.scoring.stories.StoryOutput;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * The query API's stage behind the story desk: one node ({@value #RECORDER_NODE}) that keeps the
 * latest alerts of each task in {@value #RECENT_ALERTS_STORE} and records each scored record's
 * freshness and score in the instance's {@link QueryRecorders}.
 *
 * <p>The recorders reach the node through the Streams config ({@value #RECORDERS_CONFIG}, an
 * object value, which {@code ProcessorContext#appConfigs()} hands over as it is), so the topology
 * needs no new parameter and two instances in one JVM each record into their own. Without it (a
 * topology test that does not care) the node keeps the alerts and records nothing else.
 */
public final class QueryStages {
    /**
     * Per task, the latest {@value #RECENT_ALERTS_PER_TASK} alerts the desk emitted: key
     * {@link RecentAlertKey}, value the alert in its JSON form (AlertJson, rationale included).
     */
    public static final String RECENT_ALERTS_STORE = "recent-alerts";
    /** Enough for a dashboard's list; the merged answer is the newest of every task's newest. */
    public static final int RECENT_ALERTS_PER_TASK = 50;
    /** The Streams config key holding this instance's {@link QueryRecorders}. */
    public static final String RECORDERS_CONFIG = "newsradar.query.recorders";

    static final String RECORDER_NODE = "query-recorder";

    private QueryStages() {}

    /**
     * In memory and changelogged (the default): a moved or restored task gets its latest alerts
     * back, and the bound keeps the store a few hundred KB per task. No cache: the store is written
     * a few times per alert and read only by queries.
     */
    static StoreBuilder<KeyValueStore<String, String>> recentAlerts() {
        return Stores.keyValueStoreBuilder(
                        Stores.inMemoryKeyValueStore(RECENT_ALERTS_STORE), Serdes.String(), Serdes.String())
                .withCachingDisabled();
    }

    /** Adds the store and the recorder node behind {@code desk} (keyed by story id, stage 4). */
    public static void add(StreamsBuilder builder, KStream<String, StoryOutput> desk) {
        builder.addStateStore(recentAlerts());
        desk.process(
                () -> new DeskRecorder(RECENT_ALERTS_STORE, RECENT_ALERTS_PER_TASK),
                Named.as(RECORDER_NODE),
                RECENT_ALERTS_STORE);
    }
}
