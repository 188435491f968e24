package io.newsradar.scoring.metrics;

import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * Turns each update of a minute window into its topic record: keyed by the window's key (tag or
 * route), the JSON text as value, timestamped with the window's start, so a reader can seek the
 * topic by event time.
 */
final class MinuteRecords<V> implements Processor<Windowed<String>, V, String, String> {
    /** The JSON of one window's figures. */
    @FunctionalInterface
    interface Format<V> {
        String json(String key, long windowStart, long windowEnd, V figures);
    }

    private final Format<V> format;
    private ProcessorContext<String, String> context;

    MinuteRecords(Format<V> format) {
        this.format = format;
    }

    @Override
    public void init(ProcessorContext<String, String> context) {
        this.context = context;
    }

    @Override
    public void process(Record<Windowed<String>, V> record) {
        if (record.value() == null) {
            // the aggregations never delete a window; nothing to publish for a tombstone
            return;
        }
        Windowed<String> window = record.key();
        long start = window.window().start();
        String json = format.json(window.key(), start, window.window().end(), record.value());
        context.forward(record.withKey(window.key()).withValue(json).withTimestamp(start));
    }
}
