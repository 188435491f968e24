package io.newsradar.scoring;

import io.newsradar.schemas.limits.ArticleLimits;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.StreamsConfig;

/**
 * Keeps every dead letter small enough to be sent. Kafka Streams' handlers copy the failed input
 * whole and add {@code __streams.errors.*} headers (a stack trace of 2 KB and more): the dead
 * letter of an input near the broker's limit is larger than the input, the producer refuses it
 * ({@code max.request.size}) and under exactly-once the refusal aborts the transaction, so the
 * same input fails again forever. Here a dead letter over {@value #MAX_BYTES_CONFIG} loses the
 * tail of its value, its stack trace is cut to {@value #STACKTRACE_MAX_BYTES} bytes and the other
 * error headers to {@value #ERROR_HEADER_MAX_BYTES}, and input headers that do not fit are dropped; the {@value #TRUNCATED_HEADER} header then says what
 * was cut, from how many bytes to how many. Key, timestamp, partition and every header that fits
 * are kept as they were.
 */
public final class DeadLetterBounds {
    /** The largest dead letter (key, value and headers), in bytes. */
    public static final String MAX_BYTES_CONFIG = "scoring.dlq.max.bytes";
    /**
     * Half the producer's default {@code max.request.size} (1 MiB): the largest valid article
     * ({@link ArticleLimits}, about 320 KiB encoded) is dead-lettered whole, only a record that is
     * invalid for its size anyway loses its tail.
     */
    public static final int DEFAULT_MAX_BYTES = 512 * 1024;
    /** Present on a dead letter that was cut: what was cut, its original and kept sizes. */
    public static final String TRUNCATED_HEADER = "newsradar.dlq.truncated";

    /** Room for the key, the headers and a useful part of the value. */
    static final int MIN_MAX_BYTES = 64 * 1024;
    /** The stack trace: room for a deep one with its causes; the top says the most when it is cut. */
    static final int STACKTRACE_MAX_BYTES = 16 * 1024;
    /** Each other {@code __streams.errors.*} header: exception class, message, input topic, partition, offset. */
    static final int ERROR_HEADER_MAX_BYTES = 2 * 1024;
    /** All headers together: the error headers first (26 KiB at most), then the input's own as they fit. */
    static final int HEADERS_MAX_BYTES = 48 * 1024;
    /** Keys are article ids, which the validator holds to this too. */
    static final int KEY_MAX_BYTES = ArticleLimits.MAX_FIELD_BYTES;
    /** The truncation header and the producer's per-record and per-batch overhead. */
    static final int RESERVED_BYTES = 1024;
    /** What a request needs besides the one record: a dead letter must stay this far below max.request.size. */
    static final int REQUEST_HEADROOM = 16 * 1024;

    private static final String ERROR_HEADER_PREFIX = "__streams.errors.";
    private static final String STACKTRACE_HEADER = ERROR_HEADER_PREFIX + "stacktrace";
    /** ExceptionHandlerUtils appends exception, message, stacktrace, topic, partition and offset last. */
    private static final int STREAMS_ERROR_HEADERS = 6;

    private static final int DEFAULT_MAX_REQUEST_SIZE = 1024 * 1024;

    private final int maxBytes;
    private final int maxRequestSize;

    DeadLetterBounds(int maxBytes, int maxRequestSize) {
        this.maxBytes = maxBytes;
        this.maxRequestSize = maxRequestSize;
    }

    /**
     * From the Streams config a handler is configured with: {@value #MAX_BYTES_CONFIG}, held below
     * the producer's {@code max.request.size} (plain or {@code producer.}-prefixed) when that is
     * smaller.
     *
     * @throws ConfigException when the two leave no room for a useful dead letter
     */
    public static DeadLetterBounds from(Map<String, ?> configs) {
        int configured = intConfig(configs, MAX_BYTES_CONFIG, DEFAULT_MAX_BYTES);
        int requestSize = intConfig(
                configs,
                StreamsConfig.producerPrefix(ProducerConfig.MAX_REQUEST_SIZE_CONFIG),
                intConfig(configs, ProducerConfig.MAX_REQUEST_SIZE_CONFIG, DEFAULT_MAX_REQUEST_SIZE));
        int bound = Math.min(configured, requestSize - REQUEST_HEADROOM);
        if (bound < MIN_MAX_BYTES) {
            throw new ConfigException(MAX_BYTES_CONFIG + "=" + configured + " with the producer's max.request.size="
                    + requestSize + " leaves " + bound + " bytes for a dead letter; at least " + MIN_MAX_BYTES
                    + " are needed (max.request.size must exceed it by " + REQUEST_HEADROOM + ")");
        }
        return new DeadLetterBounds(bound, requestSize);
    }

    /** The largest dead letter these bounds let through, in bytes. */
    public int maxBytes() {
        return maxBytes;
    }

    /** The producer's max.request.size these bounds were derived with. */
    public int maxRequestSize() {
        return maxRequestSize;
    }

    public List<ProducerRecord<byte[], byte[]>> apply(List<ProducerRecord<byte[], byte[]>> deadLetters) {
        List<ProducerRecord<byte[], byte[]>> out = new ArrayList<>(deadLetters.size());
        deadLetters.forEach(r -> out.add(apply(r)));
        return out;
    }

    /** The dead letter itself when it is within the bounds, else a cut copy saying what was cut. */
    public ProducerRecord<byte[], byte[]> apply(ProducerRecord<byte[], byte[]> deadLetter) {
        List<String> cuts = new ArrayList<>();
        byte[] key = cut("key", deadLetter.key(), KEY_MAX_BYTES, cuts);
        Headers headers = boundHeaders(deadLetter.headers(), cuts);
        byte[] value = deadLetter.value();
        int valueRoom = maxBytes - RESERVED_BYTES - length(key) - headersSize(headers);
        value = cut("value", value, valueRoom, cuts);
        if (cuts.isEmpty()) {
            return deadLetter;
        }
        cuts.add("limit: " + MAX_BYTES_CONFIG + "=" + maxBytes);
        headers.add(TRUNCATED_HEADER, String.join("; ", cuts).getBytes(StandardCharsets.UTF_8));
        return new ProducerRecord<>(
                deadLetter.topic(), deadLetter.partition(), deadLetter.timestamp(), key, value, headers);
    }

    /** Key, value and header bytes of a record, as counted against {@link #maxBytes()}. */
    static int size(ProducerRecord<byte[], byte[]> r) {
        return length(r.key()) + length(r.value()) + headersSize(r.headers());
    }

    private static Headers boundHeaders(Headers in, List<String> cuts) {
        Header[] all = in.toArray();
        int firstError = all.length;
        while (firstError > 0
                && all.length - firstError < STREAMS_ERROR_HEADERS
                && all[firstError - 1].key().startsWith(ERROR_HEADER_PREFIX)) {
            firstError--;
        }
        List<Header> errors = new ArrayList<>();
        int errorBytes = 0;
        for (Header h : Arrays.asList(all).subList(firstError, all.length)) {
            int max = h.key().equals(STACKTRACE_HEADER) ? STACKTRACE_MAX_BYTES : ERROR_HEADER_MAX_BYTES;
            byte[] v = h.value() == null ? null : utf8Prefix(h.value(), max);
            if (v != null && v.length < h.value().length) {
                cuts.add(h.key() + ": " + h.value().length + " bytes, kept " + v.length);
            }
            errors.add(new RecordHeader(h.key(), v));
            errorBytes += headerSize(h.key(), v);
        }
        Headers out = new RecordHeaders();
        int room = HEADERS_MAX_BYTES - errorBytes;
        int dropped = 0;
        long droppedBytes = 0;
        for (Header h : Arrays.asList(all).subList(0, firstError)) {
            int size = headerSize(h.key(), h.value());
            if (size <= room) {
                out.add(h);
                room -= size;
            } else {
                dropped++;
                droppedBytes += size;
            }
        }
        if (dropped > 0) {
            cuts.add("input headers dropped: " + dropped + " (" + droppedBytes + " bytes)");
        }
        errors.forEach(out::add);
        return out;
    }

    private static byte[] cut(String what, byte[] bytes, int max, List<String> cuts) {
        if (bytes == null || bytes.length <= max) {
            return bytes;
        }
        cuts.add(what + ": " + bytes.length + " bytes, kept " + max);
        return Arrays.copyOf(bytes, max);
    }

    /** At most {@code max} bytes of UTF-8 text, cut at a character boundary. */
    static byte[] utf8Prefix(byte[] utf8, int max) {
        if (utf8.length <= max) {
            return utf8;
        }
        int end = max;
        // never split a character: back off over continuation bytes (10xxxxxx)
        while (end > 0 && (utf8[end] & 0xC0) == 0x80) {
            end--;
        }
        return Arrays.copyOf(utf8, end);
    }

    private static int headersSize(Headers headers) {
        int n = 0;
        for (Header h : headers) {
            n += headerSize(h.key(), h.value());
        }
        return n;
    }

    private static int headerSize(String key, byte[] value) {
        return key.getBytes(StandardCharsets.UTF_8).length + length(value);
    }

    private static int length(byte[] b) {
        return b == null ? 0 : b.length;
    }

    private static int intConfig(Map<String, ?> configs, String key, int fallback) {
        Object v = configs.get(key);
        if (v == null) {
            return fallback;
        }
        if (v instanceof Number n) {
            return n.intValue();
        }
        try {
            return Integer.parseInt(v.toString().trim());
        } catch (NumberFormatException e) {
            throw new ConfigException(key, v, "must be a number of bytes");
        }
    }
}
