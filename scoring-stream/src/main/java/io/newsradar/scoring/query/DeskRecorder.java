package io.newsradar.scoring.query;

import io.newsradar.avro.Alert;
import io.newsradar.schemas.json.AlertJson;
import io.newsradar.scoring.stories.StoryOutput;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The {@link QueryStages} node: keeps each alert of the desk in the task's bounded recent-alerts
 * store (evicting the oldest by event time, then alert id) and records each scored record in the
 * instance's {@link QueryRecorders}, when the config carries them. Forwards nothing.
 */
final class DeskRecorder implements Processor<String, StoryOutput, Void, Void> {
    private final String storeName;
    private final int bound;
    private KeyValueStore<String, String> recent;
    private QueryRecorders recorders;

    DeskRecorder(String storeName, int bound) {
        this.storeName = storeName;
        this.bound = bound;
    }

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        recent = context.getStateStore(storeName);
        if (context.appConfigs().get(QueryStages.RECORDERS_CONFIG) instanceof QueryRecorders r) {
            recorders = r;
        }
    }

    @Override
    public void process(Record<String, StoryOutput> record) {
        StoryOutput output = record.value();
        if (output == null) {
            return;
        }
        if (output.scored() != null && recorders != null) {
            recorders.record(output.scored());
        }
        if (output.alerts().isEmpty()) {
            return;
        }
        for (Alert alert : output.alerts()) {
            recent.put(new RecentAlertKey(record.timestamp(), alert.getAlertId()).encode(), AlertJson.toJson(alert));
        }
        evictOldest();
    }

    /** Down to the bound, oldest first; keys collected before deleting, not while iterating. */
    private void evictOldest() {
        long excess = recent.approximateNumEntries() - bound;
        if (excess <= 0) {
            return;
        }
        List<String> oldest = new ArrayList<>();
        try (KeyValueIterator<String, String> it = recent.all()) {
            while (it.hasNext() && oldest.size() < excess) {
                KeyValue<String, String> e = it.next();
                oldest.add(e.key);
            }
        }
        oldest.forEach(recent::delete);
    }
}
