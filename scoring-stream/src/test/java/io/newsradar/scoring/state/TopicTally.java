package io.newsradar.scoring.state;

import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;

/**
 * Records and bytes (key, value and headers) the driver captured per topic, changelogs and
 * repartition topics included. {@link #drain} reads and discards what was captured so far: the
 * driver keeps every output in memory until it is read.
 */
final class TopicTally {
    /** Records and bytes written to one topic. */
    static final class Written {
        long records;
        long bytes;

        long records() {
            return records;
        }

        long bytes() {
            return bytes;
        }
    }

    private final Map<String, Written> byTopic = new TreeMap<>();

    void drain(TopologyTestDriver driver) {
        for (String topic : driver.producedTopicNames()) {
            TestOutputTopic<byte[], byte[]> out =
                    driver.createOutputTopic(topic, new ByteArrayDeserializer(), new ByteArrayDeserializer());
            Written w = byTopic.computeIfAbsent(topic, t -> new Written());
            while (!out.isEmpty()) {
                TestRecord<byte[], byte[]> r = out.readRecord();
                w.records++;
                w.bytes += length(r.key()) + length(r.value());
                for (Header h : r.headers()) {
                    w.bytes += h.key().length() + length(h.value());
                }
            }
        }
    }

    Map<String, Written> byTopic() {
        return byTopic;
    }

    /** What was written to the changelog of {@code store} ({@code <application id>-<store>-changelog}). */
    Written changelog(String applicationId, String store) {
        return byTopic.getOrDefault(applicationId + "-" + store + "-changelog", new Written());
    }

    private static long length(byte[] b) {
        return b == null ? 0 : b.length;
    }
}
