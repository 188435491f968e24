package io.newsradar.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsradar.avro.Alert;
import io.newsradar.avro.NewsArticle;
import io.newsradar.avro.ScoredArticle;
import io.newsradar.avro.Tag;
import io.newsradar.schemas.alert.AlertStatus;
import io.newsradar.schemas.config.NewsradarConfig;
import io.newsradar.schemas.topics.TopicDef;
import io.newsradar.schemas.topics.Topics;
import io.newsradar.scoring.metrics.MetricsSettings;
import io.newsradar.scoring.metrics.MetricsStages;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyDescription;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The metrics windows in the whole scoring topology: what {@code metrics.tags.v1} and {@code
 * metrics.routes.v1} say agrees with what {@code news.scored.v1} and the alert topics carry, and
 * the stages before them keep their shape.
 */
class MetricsTopologyTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long MINUTE = MetricsSettings.WINDOW.toMillis();

    @TempDir
    Path stateDir;

    private TopologyTestDriver driver() {
        return new TopologyTestDriver(
                ScoringTopology.build(ScoringRules.defaults()),
                ScoringApp.streamsProperties(NewsradarConfig.defaults()
                        .with(NewsradarConfig.BOOTSTRAP_SERVERS, "unused:9092")
                        .with(NewsradarConfig.STATE_DIR, stateDir.toString())));
    }

    private static void pipe(TopologyTestDriver d, List<NewsArticle> articles) {
        var in = d.createInputTopic(
                Topics.NEWS_RAW.name(),
                Topics.NEWS_RAW.keySerde().serializer(),
                Topics.NEWS_RAW.valueSerde().serializer());
        articles.forEach(a -> in.pipeInput(a.getId(), a, a.getPublishedAt()));
    }

    private static <V> TestOutputTopic<String, V> out(TopologyTestDriver d, TopicDef<String, V> topic) {
        return d.createOutputTopic(
                topic.name(),
                topic.keySerde().deserializer(),
                topic.valueSerde().deserializer());
    }

    /** The last record per (key, window start) of a metrics topic, as a reader keeps them. */
    private static Map<String, JsonNode> lastPerWindow(List<TestRecord<String, String>> records) {
        Map<String, JsonNode> last = new TreeMap<>();
        for (TestRecord<String, String> r : records) {
            JsonNode node = parse(r.value());
            assertThat(Instant.parse(node.get("windowStart").asText())).isEqualTo(r.getRecordTime());
            last.put(r.key() + "@" + node.get("windowStart").asText(), node);
        }
        return last;
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String windowKey(String key, long timestamp) {
        return key + "@" + Instant.ofEpochMilli(timestamp - Math.floorMod(timestamp, MINUTE));
    }

    @Test
    void tagFiguresAgreeWithTheScoredArticlesAndRouteFiguresWithTheAlerts() {
        // in publish order, so nothing is late
        List<NewsArticle> samples = new ArrayList<>(Articles.samples());
        samples.sort(Comparator.comparing(NewsArticle::getPublishedAt));
        try (TopologyTestDriver d = driver()) {
            pipe(d, samples);

            Map<String, Long> articles = new TreeMap<>();
            Map<String, Double> scoreSums = new TreeMap<>();
            for (ScoredArticle s : out(d, Topics.NEWS_SCORED).readValuesToList()) {
                long published = s.getArticle().getPublishedAt().toEpochMilli();
                for (String tag :
                        new TreeSet<>(s.getTags().stream().map(Tag::getId).toList())) {
                    articles.merge(windowKey(tag, published), 1L, Long::sum);
                    scoreSums.merge(windowKey(tag, published), s.getScore(), Double::sum);
                }
            }
            assertThat(articles).as("the samples carry tags").isNotEmpty();
            Map<String, JsonNode> tags =
                    lastPerWindow(out(d, Topics.METRICS_TAGS).readRecordsToList());
            assertThat(tags.keySet()).isEqualTo(articles.keySet());
            tags.forEach((window, node) -> {
                assertThat(node.get("format").asInt()).isEqualTo(1);
                assertThat(node.get("articles").asLong()).as(window).isEqualTo(articles.get(window));
                assertThat(node.get("scoreSum").asDouble())
                        .as(window)
                        .isCloseTo(scoreSums.get(window), org.assertj.core.data.Offset.offset(0.00005));
            });

            Map<String, Map<String, Long>> byStatus = new TreeMap<>();
            for (String route : Topics.DEFAULT_ROUTES) {
                for (TestRecord<String, Alert> r : out(d, Topics.alerts(route)).readRecordsToList()) {
                    byStatus.computeIfAbsent(windowKey(route, r.getRecordTime().toEpochMilli()), k -> new TreeMap<>())
                            .merge(AlertStatus.of(r.value()), 1L, Long::sum);
                }
            }
            assertThat(byStatus).as("a sample alerts").isNotEmpty();
            Map<String, JsonNode> routes =
                    lastPerWindow(out(d, Topics.METRICS_ROUTES).readRecordsToList());
            assertThat(routes.keySet()).isEqualTo(byStatus.keySet());
            routes.forEach((window, node) -> {
                Map<String, Long> counts = new TreeMap<>();
                node.get("byStatus")
                        .properties()
                        .forEach(e -> counts.put(e.getKey(), e.getValue().asLong()));
                assertThat(counts).as(window).isEqualTo(byStatus.get(window));
                assertThat(node.get("alerts").asLong())
                        .isEqualTo(counts.values().stream()
                                .mapToLong(Long::longValue)
                                .sum());
            });
        }
    }

    @Test
    void samplesOutOfPublishOrderAreCountedLateAndLeftOutOfTheFigures() {
        // file order: the samples span a year, so after a December article the spring ones are late
        List<NewsArticle> samples = Articles.samples();
        try (TopologyTestDriver d = driver()) {
            pipe(d, samples);

            long newest = Long.MIN_VALUE;
            long expectedLate = 0;
            Map<String, Long> onTime = new HashMap<>();
            long grace = MetricsSettings.DEFAULT_GRACE.toMillis();
            for (ScoredArticle s : out(d, Topics.NEWS_SCORED).readValuesToList()) {
                long published = s.getArticle().getPublishedAt().toEpochMilli();
                newest = Math.max(newest, published);
                long windowEnd = published - Math.floorMod(published, MINUTE) + MINUTE;
                Set<String> distinct =
                        new TreeSet<>(s.getTags().stream().map(Tag::getId).toList());
                if (windowEnd + grace <= newest) {
                    expectedLate += distinct.size();
                } else {
                    distinct.forEach(tag -> onTime.merge(windowKey(tag, published), 1L, Long::sum));
                }
            }
            assertThat(expectedLate).as("some samples are late in file order").isPositive();
            assertThat(d.metrics().values().stream()
                            .filter(m -> m.metricName().name().equals("dropped-records-total"))
                            .mapToDouble(m -> ((Number) m.metricValue()).doubleValue())
                            .sum())
                    .as("late records are not dead letters")
                    .isZero();
            Map<String, JsonNode> tags =
                    lastPerWindow(out(d, Topics.METRICS_TAGS).readRecordsToList());
            Map<String, Long> published = new TreeMap<>();
            tags.forEach(
                    (window, node) -> published.put(window, node.get("articles").asLong()));
            assertThat(published).isEqualTo(new TreeMap<>(onTime));
        }
    }

    @Test
    void theMetricsAggregatesRunInSubTopologiesOfTheirOwnAndTheOthersKeepTheirShape() {
        Topology topology = ScoringTopology.build(ScoringRules.defaults());
        Map<Integer, Set<String>> stores = new TreeMap<>();
        Map<Integer, Set<String>> sources = new TreeMap<>();
        List<String> unnamed = new ArrayList<>();
        for (TopologyDescription.Subtopology sub : topology.describe().subtopologies()) {
            for (TopologyDescription.Node node : sub.nodes()) {
                if (node.name().startsWith("KSTREAM-") || node.name().startsWith("KTABLE-")) {
                    unnamed.add(node.name());
                }
                if (node instanceof TopologyDescription.Processor p) {
                    stores.computeIfAbsent(sub.id(), k -> new TreeSet<>()).addAll(p.stores());
                }
                if (node instanceof TopologyDescription.Source s) {
                    sources.computeIfAbsent(sub.id(), k -> new TreeSet<>()).addAll(s.topicSet());
                }
            }
        }
        assertThat(unnamed)
                .as("every node named, so internal topics keep their names")
                .isEmpty();
        // the stages before the metrics keep their sub-topology ids (task ids, state directories)
        // and their stores
        assertThat(sources.get(3)).containsExactly(Topics.NEWS_RAW.name());
        assertThat(stores.get(3))
                .containsExactlyInAnyOrder(
                        ScoringTopology.REVISIONS_STORE, ScoringTopology.REVISIONS_BY_LAST_SEEN_STORE);
        assertThat(sources.get(4)).containsExactly("story-bands-repartition");
        assertThat(sources.get(5)).containsExactly("story-votes-repartition");
        assertThat(sources.get(6)).containsExactly("stories-repartition");
        assertThat(stores.get(6)).contains("stories", "stories-by-last-seen");
        // each aggregate after its own repartition, its late counter and store in one sub-topology
        Map<String, Integer> metricsSub = new HashMap<>();
        sources.forEach((id, topics) -> topics.forEach(t -> metricsSub.put(t, id)));
        int tagsSub = metricsSub.get(MetricsStages.TAGS_REPARTITION + "-repartition");
        int routesSub = metricsSub.get(MetricsStages.ROUTES_REPARTITION + "-repartition");
        assertThat(tagsSub).isGreaterThan(6);
        assertThat(routesSub).isGreaterThan(6).isNotEqualTo(tagsSub);
        assertThat(stores.get(tagsSub)).containsExactly(MetricsStages.TAG_MINUTES_STORE);
        assertThat(stores.get(routesSub)).containsExactly(MetricsStages.ROUTE_MINUTES_STORE);
    }
}
