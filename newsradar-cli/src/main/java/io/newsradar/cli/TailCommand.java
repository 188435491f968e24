package io.newsradar.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newsradar.avro.Alert;
import io.newsradar.avro.NewsArticle;
import io.newsradar.avro.ScoredArticle;
import io.newsradar.schemas.alert.AlertStatus;
import io.newsradar.schemas.config.NewsradarConfig;
import io.newsradar.schemas.topics.TopicDef;
import io.newsradar.schemas.topics.Topics;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
        name = "tail",
        mixinStandardHelpOptions = true,
        description = {
            "Print a topic's records as JSON lines, decoded with the catalogue's serdes (kcat shows Avro as bytes).",
            "Reads committed records only. Runs until Ctrl-C unless --max or --to-end is given."
        })
final class TailCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper();
    // string-valued topics whose values are JSON documents
    private static final Set<String> JSON_VALUED = Set.of(Topics.FEEDS.name(), Topics.FEEDS_STATE.name());

    @Spec
    CommandSpec spec;

    @Mixin
    ConfigOptions options = new ConfigOptions();

    @Parameters(
            index = "0",
            paramLabel = "TOPIC",
            description = "A catalogue topic, e.g. news.scored.v1 or alerts.defense-ai.v1.")
    String topicName;

    @Option(names = "--from-beginning", description = "Start at the oldest record instead of the newest.")
    boolean fromBeginning;

    @Option(names = "--max", paramLabel = "N", description = "Stop after N records.")
    Long max;

    @Option(names = "--to-end", description = "Stop once the records that existed at start have been printed.")
    boolean toEnd;

    @Override
    public Integer call() {
        TopicDef<?, ?> topic = resolve(topicName);
        NewsradarConfig config = options.load();
        PrintWriter out = spec.commandLine().getOut();
        Map<String, Object> props = new HashMap<>(config.kafkaClientProps());
        // alerts and scores are written in transactions: never show an aborted one
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        // a viewer: no group, no commits, nothing for an operator to clean up afterwards
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        long printed = 0;
        try (KafkaConsumer<byte[], byte[]> consumer =
                new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<PartitionInfo> infos = consumer.partitionsFor(topic.name(), Duration.ofSeconds(30));
            if (infos == null || infos.isEmpty()) {
                throw new IllegalArgumentException(
                        "topic " + topic.name() + " does not exist on " + config.bootstrapServers());
            }
            List<TopicPartition> partitions = new ArrayList<>();
            infos.forEach(p -> partitions.add(new TopicPartition(p.topic(), p.partition())));
            consumer.assign(partitions);
            if (fromBeginning) {
                consumer.seekToBeginning(partitions);
            } else {
                consumer.seekToEnd(partitions);
            }
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            while (max == null || printed < max) {
                if (toEnd && partitions.stream().allMatch(tp -> consumer.position(tp) >= ends.get(tp))) {
                    break;
                }
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                    if (max != null && printed >= max) {
                        break;
                    }
                    out.println(line(topic, r));
                    printed++;
                }
                out.flush();
            }
        }
        out.flush();
        return 0;
    }

    static TopicDef<?, ?> resolve(String name) {
        for (TopicDef<?, ?> t : Topics.fixed()) {
            if (t.name().equals(name)) {
                return t;
            }
        }
        if (name != null && Topics.ALERT_TOPICS.matcher(name).matches()) {
            return Topics.alerts(name.substring("alerts.".length(), name.length() - ".v1".length()));
        }
        throw new IllegalArgumentException("not a newsradar topic: " + name + " (known: "
                + Topics.fixed().stream().map(TopicDef::name).toList() + " and alerts.<route>.v1)");
    }

    /** One JSON line: where the record is, its key, and its value decoded, or its bytes when it does not decode. */
    static String line(TopicDef<?, ?> topic, ConsumerRecord<byte[], byte[]> r) {
        ObjectNode node = JSON.createObjectNode();
        node.put("topic", r.topic())
                .put("partition", r.partition())
                .put("offset", r.offset())
                .put("timestamp", Instant.ofEpochMilli(r.timestamp()).toString());
        node.put("key", r.key() == null ? null : new String(r.key(), StandardCharsets.UTF_8));
        if (r.headers().iterator().hasNext()) {
            ObjectNode headers = node.putObject("headers");
            for (Header h : r.headers()) {
                headers.put(h.key(), h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8));
            }
        }
        try {
            Object value = topic.valueSerde().deserializer().deserialize(r.topic(), r.value());
            marks(value).ifPresent(m -> node.set("marks", m));
            if (value == null) {
                node.putNull("value");
            } else if (value instanceof String text && JSON_VALUED.contains(topic.name())) {
                node.set("value", jsonOrText(text));
            } else if (value instanceof SpecificRecord record) {
                node.set("value", AvroJson.tree(record));
            } else if (value instanceof byte[] bytes) {
                node.put("valueBase64", Base64.getEncoder().encodeToString(bytes));
            } else {
                node.put("value", value.toString());
            }
        } catch (Exception e) {
            node.put("error", "value does not decode: " + Newsradar.describe(e));
            node.put(
                    "valueBase64",
                    r.value() == null ? null : Base64.getEncoder().encodeToString(r.value()));
        }
        return node.toString();
    }

    /**
     * What a reader scanning the stream wants first, in front of the whole value: the article's
     * feed, why its alerts are held (ingest's age gate or a feed's first poll), for a scored
     * article its story, coverage, score and routes, and for an alert where it stands in its story
     * (status, story, sequence, coverage, what changed). Empty for records without any of these.
     */
    static Optional<ObjectNode> marks(Object value) {
        if (value instanceof Alert alert) {
            return Optional.of(alertMarks(alert));
        }
        NewsArticle article =
                value instanceof ScoredArticle s ? s.getArticle() : value instanceof NewsArticle a ? a : null;
        if (article == null) {
            return Optional.empty();
        }
        ObjectNode m = JSON.createObjectNode();
        if (value instanceof ScoredArticle s) {
            m.put("storyId", s.getStoryId()).put("coverage", s.getCoverage()).put("score", s.getScore());
            s.getRoutes().forEach(m.putArray("routes")::add);
        }
        if (article.getFeedId() != null) {
            m.put("feedId", article.getFeedId());
        }
        if (article.getAlertHold() != null) {
            m.put("alertHold", article.getAlertHold());
        }
        return m.isEmpty() ? Optional.empty() : Optional.of(m);
    }

    /** An alert's place in its story; the status of an alert written before v2 is its lifecycle. */
    private static ObjectNode alertMarks(Alert alert) {
        ObjectNode m = JSON.createObjectNode();
        m.put("status", AlertStatus.of(alert)).put("storyId", alert.getStoryId());
        // 0 in an alert written before v2, which had no sequence
        if (alert.getSequence() > 0) {
            m.put("sequence", alert.getSequence());
        }
        m.put("coverage", Math.max(1, alert.getCoverage()));
        if (alert.getChange() != null && !alert.getChange().isEmpty()) {
            m.put("change", alert.getChange());
        }
        return m;
    }

    /** The JSON of a feeds.v1 / feeds.state.v1 value as JSON rather than a quoted string; text if it is not JSON. */
    private static JsonNode jsonOrText(String text) {
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            return JSON.getNodeFactory().textNode(text);
        }
    }
}
