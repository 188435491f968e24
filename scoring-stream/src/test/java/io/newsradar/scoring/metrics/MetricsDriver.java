package io.newsradar.scoring.metrics;

import io.newsradar.avro.Alert;
import io.newsradar.avro.ScoredArticle;
import io.newsradar.schemas.config.NewsradarConfig;
import io.newsradar.schemas.topics.Topics;
import io.newsradar.scoring.ScoringApp;
import io.newsradar.scoring.ScoringCounters;
import io.newsradar.scoring.stories.StoryOutput;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.state.ValueAndTimestamp;
import org.apache.kafka.streams.state.WindowStore;

/**
 * {@link MetricsStages} alone on TopologyTestDriver, fed a stand-in desk: scored records and
 * alerts piped on two test topics with the timestamps the test chooses.
 */
final class MetricsDriver implements AutoCloseable {
    static final String SCORED_IN = "test.desk.scored";
    static final String ALERTS_IN = "test.desk.alerts";

    final ScoringCounters counters = new ScoringCounters();
    final TopologyTestDriver driver;
    private final TestInputTopic<String, ScoredArticle> scored;
    private final TestInputTopic<String, Alert> alerts;
    final TestOutputTopic<String, String> tags;
    final TestOutputTopic<String, String> routes;

    MetricsDriver(MetricsSettings settings, Path stateDir) {
        this(settings, stateDir, new Properties());
    }

    /** With Kafka Streams settings of the test's on top of the service's. */
    MetricsDriver(MetricsSettings settings, Path stateDir, Properties overrides) {
        Properties props = ScoringApp.streamsProperties(NewsradarConfig.defaults()
                .with(NewsradarConfig.BOOTSTRAP_SERVERS, "unused:9092")
                .with(NewsradarConfig.STATE_DIR, stateDir.toString()));
        props.putAll(overrides);
        driver = new TopologyTestDriver(topology(settings, counters), props);
        scored = driver.createInputTopic(
                SCORED_IN,
                Serdes.String().serializer(),
                Topics.NEWS_SCORED.valueSerde().serializer());
        alerts = driver.createInputTopic(
                ALERTS_IN,
                Serdes.String().serializer(),
                Topics.alerts(Topics.DEFENSE_AI_ROUTE).valueSerde().serializer());
        tags = driver.createOutputTopic(
                Topics.METRICS_TAGS.name(),
                Serdes.String().deserializer(),
                Serdes.String().deserializer());
        routes = driver.createOutputTopic(
                Topics.METRICS_ROUTES.name(),
                Serdes.String().deserializer(),
                Serdes.String().deserializer());
    }

    static Topology topology(MetricsSettings settings, ScoringCounters counters) {
        StreamsBuilder builder = new StreamsBuilder();
        KStream<String, StoryOutput> fromScored = builder.stream(
                        SCORED_IN, Consumed.with(Serdes.String(), Topics.NEWS_SCORED.valueSerde()))
                .mapValues(s -> new StoryOutput(s, List.of()), Named.as("test-scored-output"));
        KStream<String, StoryOutput> fromAlerts = builder.stream(
                        ALERTS_IN,
                        Consumed.with(
                                Serdes.String(),
                                Topics.alerts(Topics.DEFENSE_AI_ROUTE).valueSerde()))
                .mapValues(a -> new StoryOutput(null, List.of(a)), Named.as("test-alert-output"));
        MetricsStages.add(builder, fromScored.merge(fromAlerts, Named.as("test-desk")), settings, counters);
        return builder.build();
    }

    /** A scored record of the desk, at its publish time. */
    void pipe(ScoredArticle s) {
        scored.pipeInput(s.getStoryId(), s, s.getArticle().getPublishedAt());
    }

    /** An alert of the desk, at the given event time. */
    void pipe(Alert a, Instant at) {
        alerts.pipeInput(a.getStoryId(), a, at);
    }

    WindowStore<String, ValueAndTimestamp<TagMinute>> tagStore() {
        return driver.getTimestampedWindowStore(MetricsStages.TAG_MINUTES_STORE);
    }

    /** Records Kafka Streams counted as dropped: the service reports these as dead letters. */
    double droppedRecords() {
        double total = 0;
        for (Map.Entry<MetricName, ? extends Metric> e : driver.metrics().entrySet()) {
            if (e.getKey().name().equals("dropped-records-total")
                    && e.getValue().metricValue() instanceof Number n) {
                total += n.doubleValue();
            }
        }
        return total;
    }

    @Override
    public void close() {
        driver.close();
    }
}
