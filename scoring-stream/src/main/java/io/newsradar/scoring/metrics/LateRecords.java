package io.newsradar.scoring.metrics;

import io.newsradar.scoring.ScoringCounters;
import org.apache.kafka.streams.kstream.TimeWindows;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stands right before a windowed aggregation, in its sub-topology, and takes out the records that
 * are too late for it: counted ({@link ScoringCounters#countMetricsLate}), logged at debug, not
 * forwarded. Every other record passes unchanged.
 *
 * <p>The rule is the aggregation's own: a record is late when every window it falls in has
 * closed, a window closing when the stream time reaches its end plus the grace period ({@code end
 * <= streamTime - grace}). The aggregation would skip such a record and count it among the task's
 * dropped records, which the service reports as dead letters; taken out here, it is counted once,
 * as late.
 *
 * <p>The stream time is the task's ({@code currentStreamTimeMs()}: the newest record timestamp the
 * task has processed, this record included). In this sub-topology every record comes from the one
 * repartition topic and passes this node, so within a run it equals what the aggregation
 * observes; a late record is older than it, so taking it out changes nothing the aggregation
 * sees. Unlike the aggregation's own in-memory figure, the task's stream time is committed with
 * the offsets and restored after a restart, so a record is late or not whatever restarts happen
 * in between (and a record the aggregation would accept after a restart cannot fall into a
 * window segment the store has already expired).
 */
final class LateRecords<K, V> implements FixedKeyProcessor<K, V, V> {
    private static final Logger LOG = LoggerFactory.getLogger(LateRecords.class);

    private final TimeWindows windows;
    private final String aggregate;
    private final ScoringCounters counters;
    private FixedKeyProcessorContext<K, V> context;

    LateRecords(TimeWindows windows, String aggregate, ScoringCounters counters) {
        this.windows = windows;
        this.aggregate = aggregate;
        this.counters = counters;
    }

    @Override
    public void init(FixedKeyProcessorContext<K, V> context) {
        this.context = context;
    }

    @Override
    public void process(FixedKeyRecord<K, V> record) {
        long timestamp = record.timestamp();
        // the task's stream time already includes this record; the max guards a context that
        // reports none (unknown, -1)
        long streamTime = Math.max(context.currentStreamTimeMs(), timestamp);
        long closeTime = streamTime - windows.gracePeriodMs();
        boolean open = windows.windowsFor(timestamp).values().stream().anyMatch(w -> w.end() > closeTime);
        if (open) {
            context.forward(record);
            return;
        }
        counters.countMetricsLate(aggregate);
        if (LOG.isDebugEnabled()) {
            LOG.debug(
                    "late for the {} minute windows, left out: key {} at {} (stream time {}, grace {} ms)",
                    aggregate,
                    record.key(),
                    timestamp,
                    streamTime,
                    windows.gracePeriodMs());
        }
    }
}
