package io.newsradar.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsradar.avro.Alert;
import io.newsradar.avro.NewsArticle;
import io.newsradar.avro.ScoredArticle;
import io.newsradar.localkafka.LocalKafkaBroker;
import io.newsradar.localkafka.TopicAdmin;
import io.newsradar.schemas.config.NewsradarConfig;
import io.newsradar.schemas.serde.AvroSerdes;
import io.newsradar.schemas.topics.Topics;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.utils.Utils;
import org.apache.kafka.streams.state.HostInfo;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Must-show 2 of the operations issue: two scoring instances of one application, each with its
 * own HTTP server; queries sent to instance A return data held on instance B, and equal what a
 * single instance answers for the same input. Own broker, every topic at three partitions.
 */
@Tag("integration")
class QueryApiIntegrationTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(120);
    private static final int PARTITIONS = 3;
    private static final Instant T0 = Instant.parse("2026-10-05T09:00:00Z");
    private static LocalKafkaBroker broker;

    @TempDir
    Path dirA;

    @TempDir
    Path dirB;

    @TempDir
    Path dirSingle;

    @BeforeAll
    static void startBroker() {
        broker = LocalKafkaBroker.startTemporary();
        TopicAdmin.ensureTopics(broker.clientProps(), Topics.all(), PARTITIONS, (short) 1);
    }

    @AfterAll
    static void stopBroker() {
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void queriesToOneInstanceCoverBothAndEqualASingleInstanceRun() throws Exception {
        List<NewsArticle> input = input();
        Set<String> ids = new HashSet<>(input.stream().map(NewsArticle::getId).toList());
        String appId = "query-it-" + UUID.randomUUID();

        Answers two;
        try (QueryInstance a = QueryInstance.start(config(appId, dirA));
                QueryInstance b = QueryInstance.start(config(appId, dirB))) {
            // both run, both hold tasks, each knows the other, and the stories' partitions are split
            await().atMost(TIMEOUT)
                    .until(() -> a.runningWithTasks()
                            && b.runningWithTasks()
                            && a.clients().equals(Set.of(a.host, b.host))
                            && b.clients().equals(Set.of(a.host, b.host))
                            && owners(a, ids).equals(Set.of(a.host, b.host)));
            publish(input);

            await().atMost(TIMEOUT).until(() -> a.locallyScored() + b.locallyScored() == input.size());
            Expected expected = expected(ids);
            await().atMost(TIMEOUT).until(() -> tagsOf(a).equals(expected.tagArticles()));
            await().atMost(TIMEOUT).until(() -> alertIdsOf(a).equals(expected.alertIds()));

            // each instance holds some of the stories and not the others
            Set<String> heldA = new HashSet<>();
            Set<String> heldB = new HashSet<>();
            for (String id : ids) {
                (a.holdsStory(id) ? heldA : heldB).add(id);
                assertThat(a.holdsStory(id)).as(id).isNotEqualTo(b.holdsStory(id));
            }
            assertThat(heldA).isNotEmpty();
            assertThat(heldB).isNotEmpty();

            // a story B holds, asked at A
            String onB = heldB.iterator().next();
            assertThat(a.ownerOfStory(onB)).isEqualTo(b.host);
            JsonNode story = a.get("/v1/stories/" + onB);
            assertThat(story.get("id").asText()).isEqualTo(onB);
            assertThat(story).isEqualTo(b.get("/v1/stories/" + onB));
            a.get("/v1/stories/no-such-story", 404);

            // recent alerts at A: alerts of stories held on each instance
            JsonNode alerts = a.get("/v1/alerts/recent?limit=500");
            assertThat(alerts.get("partial").asBoolean()).isFalse();
            Set<String> alertStories = new HashSet<>(alerts.get("alerts").findValuesAsText("storyId"));
            assertThat(alertStories).as("alerts of stories on A").containsAnyElementsOf(heldA);
            assertThat(alertStories).as("alerts of stories on B").containsAnyElementsOf(heldB);
            assertThat(alerts.get("alerts").get(0).get("rationale").asText()).isNotBlank();

            // top tags at A: the sums of both instances' windows, exactly the scored records' tags
            JsonNode tags = a.get("/v1/tags/top?minutes=60&limit=500");
            assertThat(tags.get("partial").asBoolean()).isFalse();
            assertTagsMatch(tags, expected);

            // freshness at A: both instances' records, quantiles inside the merged data's range
            long onA = a.locallyScored();
            long onBCount = b.locallyScored();
            assertThat(onA).isPositive();
            assertThat(onBCount).isPositive();
            JsonNode freshness = a.get("/v1/freshness");
            for (String kind : List.of("fetchedToScored", "publishedToScored")) {
                JsonNode f = freshness.get(kind);
                assertThat(f.get("count").asLong()).as(kind).isEqualTo(input.size());
                assertQuantilesInRange(f, kind);
            }
            Histogram fa = a.app.queryRecorders().fetchedToScored().snapshot();
            Histogram fb = b.app.queryRecorders().fetchedToScored().snapshot();
            assertThat(freshness.get("fetchedToScored").get("minMs").asLong())
                    .isEqualTo(Math.min(fa.getMinValue(), fb.getMinValue()));
            assertThat(freshness.get("fetchedToScored").get("maxMs").asLong())
                    .isEqualTo(Math.max(fa.getMaxValue(), fb.getMaxValue()));

            // the score distribution at A: every scored record once
            JsonNode scores = a.get("/v1/scores/histogram");
            assertThat(bucketCounts(scores)).isEqualTo(expected.scoreBuckets());

            // B answers the same as A
            assertThat(alertIdsOf(b)).isEqualTo(expected.alertIds());
            assertThat(tagsOf(b)).isEqualTo(expected.tagArticles());
            two = new Answers(story, onB, alerts, tags, freshness, scores);
        }

        // the same input, one instance, a fresh application id
        try (QueryInstance single = QueryInstance.start(config("query-it-single-" + UUID.randomUUID(), dirSingle))) {
            await().atMost(TIMEOUT).until(() -> single.locallyScored() == input.size());
            Expected expected = expected(ids);
            await().atMost(TIMEOUT).until(() -> tagsOf(single).equals(expected.tagArticles()));
            await().atMost(TIMEOUT).until(() -> alertIdsOf(single).equals(expected.alertIds()));

            assertThat(single.get("/v1/stories/" + two.storyId())).isEqualTo(two.story());
            JsonNode alerts = single.get("/v1/alerts/recent?limit=500");
            assertThat(alerts.get("alerts")).isEqualTo(two.alerts().get("alerts"));
            JsonNode tags = single.get("/v1/tags/top?minutes=60&limit=500");
            assertThat(tags.get("from")).isEqualTo(two.tags().get("from"));
            assertThat(tags.get("until")).isEqualTo(two.tags().get("until"));
            assertThat(tags.get("tags").findValuesAsText("tag"))
                    .isEqualTo(two.tags().get("tags").findValuesAsText("tag"));
            for (int i = 0; i < tags.get("tags").size(); i++) {
                JsonNode mine = tags.get("tags").get(i);
                JsonNode theirs = two.tags().get("tags").get(i);
                assertThat(mine.get("articles").asLong())
                        .isEqualTo(theirs.get("articles").asLong());
                // the per-minute sums were added in another order upstream: equal up to rounding
                assertThat(mine.get("meanScore").asDouble())
                        .isCloseTo(theirs.get("meanScore").asDouble(), within(1e-9));
            }
            JsonNode freshness = single.get("/v1/freshness");
            for (String kind : List.of("fetchedToScored", "publishedToScored")) {
                assertThat(freshness.get(kind).get("count"))
                        .isEqualTo(two.freshness().get(kind).get("count"));
                assertQuantilesInRange(freshness.get(kind), kind);
            }
            assertThat(single.get("/v1/scores/histogram")).isEqualTo(two.scores());
        }
    }

    record Answers(
            JsonNode story, String storyId, JsonNode alerts, JsonNode tags, JsonNode freshness, JsonNode scores) {}

    /** What the committed topics say the answers must hold. */
    record Expected(
            Map<String, Long> tagArticles,
            Map<String, Double> tagScoreSums,
            Set<String> alertIds,
            List<Long> scoreBuckets) {}

    /** Once every article's scored record is committed (the recorders count before the commit). */
    private static Expected expected(Set<String> ids) {
        Map<String, ScoredArticle> scored = new LinkedHashMap<>();
        await().atMost(TIMEOUT).until(() -> {
            scored.clear();
            CommittedRecords.read(broker, Topics.NEWS_SCORED.name()).stream()
                    .map(r -> AvroSerdes.scoredArticle().decode(r.value()))
                    .filter(s -> ids.contains(s.getArticle().getId()))
                    // both runs write the same records: one per article
                    .forEach(s -> scored.putIfAbsent(s.getArticle().getId(), s));
            return scored.size() == ids.size();
        });
        Map<String, Long> articles = new TreeMap<>();
        Map<String, Double> sums = new TreeMap<>();
        List<Long> buckets = new ArrayList<>(java.util.Collections.nCopies(10, 0L));
        for (ScoredArticle s : scored.values()) {
            for (io.newsradar.avro.Tag t : s.getTags()) {
                articles.merge(t.getId(), 1L, Long::sum);
                sums.merge(t.getId(), s.getScore(), Double::sum);
            }
            int bucket = (int) Math.min(9, Math.max(0, Math.floor(s.getScore())));
            buckets.set(bucket, buckets.get(bucket) + 1);
        }
        Set<String> alertIds = new HashSet<>();
        for (Route route : ScoringApp.rulesFrom(NewsradarConfig.defaults()).routes()) {
            CommittedRecords.read(broker, route.topic().name()).stream()
                    .map(r -> AvroSerdes.alert().decode(r.value()))
                    .filter(al -> ids.contains(al.getStoryId()))
                    .map(Alert::getAlertId)
                    .forEach(alertIds::add);
        }
        assertThat(alertIds).as("the input raises alerts").isNotEmpty();
        return new Expected(articles, sums, alertIds, buckets);
    }

    private static void assertTagsMatch(JsonNode tags, Expected expected) {
        assertThat(tags.get("until").asText()).isNotEmpty();
        for (JsonNode t : tags.get("tags")) {
            String tag = t.get("tag").asText();
            double mean =
                    expected.tagScoreSums().get(tag) / expected.tagArticles().get(tag);
            assertThat(t.get("meanScore").asDouble()).as(tag).isCloseTo(mean, within(1e-9));
        }
    }

    private static void assertQuantilesInRange(JsonNode f, String kind) {
        long min = f.get("minMs").asLong();
        long max = f.get("maxMs").asLong();
        assertThat(f.get("p50Ms").asLong()).as(kind + " p50").isBetween(min, max);
        assertThat(f.get("p95Ms").asLong()).as(kind + " p95").isBetween(min, max);
        assertThat(f.get("p50Ms").asLong())
                .as(kind)
                .isLessThanOrEqualTo(f.get("p95Ms").asLong());
    }

    private static Map<String, Long> tagsOf(QueryInstance i) throws Exception {
        Map<String, Long> out = new TreeMap<>();
        for (JsonNode t : i.get("/v1/tags/top?minutes=60&limit=500").get("tags")) {
            out.put(t.get("tag").asText(), t.get("articles").asLong());
        }
        return out;
    }

    private static Set<String> alertIdsOf(QueryInstance i) throws Exception {
        return new HashSet<>(i.get("/v1/alerts/recent?limit=500").get("alerts").findValuesAsText("alertId"));
    }

    private static List<Long> bucketCounts(JsonNode scores) {
        List<Long> out = new ArrayList<>();
        scores.get("buckets").forEach(b -> out.add(b.get("articles").asLong()));
        return out;
    }

    private static Set<HostInfo> owners(QueryInstance i, Set<String> storyIds) {
        Set<HostInfo> out = new HashSet<>();
        storyIds.forEach(id -> out.add(i.ownerOfStory(id)));
        return out;
    }

    private NewsradarConfig config(String appId, Path dir) {
        return NewsradarConfig.defaults()
                .with(NewsradarConfig.BOOTSTRAP_SERVERS, broker.bootstrapServers())
                .with(NewsradarConfig.APPLICATION_ID, appId)
                .with(NewsradarConfig.STATE_DIR, dir.toString());
    }

    /**
     * Ten distinct articles (no two are copies, so each is a story of its own, whose id is the
     * article's), published half a minute apart: well inside the metrics windows' grace, so no
     * record is late whatever order the tasks see them in. Their ids are chosen so that the stories
     * fall on every partition of the story stage in turn: whichever partitions an instance owns, it
     * holds some stories.
     */
    private static List<NewsArticle> input() {
        List<NewsArticle> sources = new ArrayList<>(Articles.samples());
        sources.addAll(Syndication.unrelated());
        sources.add(Syndication.copies().get(0));
        List<NewsArticle> out = new ArrayList<>();
        for (int i = 0; i < sources.size(); i++) {
            NewsArticle s = sources.get(i);
            Instant published = T0.plusSeconds(30L * i);
            NewsArticle a = null;
            for (int k = 0; a == null || partition(a.getId()) != i % PARTITIONS; k++) {
                a = Articles.article(s.getUrl() + "?q=" + k, s.getTitle(), s.getBody(), published);
            }
            a.setSource(s.getSource());
            out.add(a);
        }
        return out;
    }

    private static int partition(String key) {
        return Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % PARTITIONS;
    }

    private static void publish(List<NewsArticle> articles) throws Exception {
        Map<String, Object> p = new HashMap<>(broker.clientProps());
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        // each article exactly once
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(p)) {
            for (NewsArticle a : articles) {
                // the record timestamp is the event time, as ingest sends it
                producer.send(new ProducerRecord<>(
                                Topics.NEWS_RAW.name(),
                                null,
                                a.getPublishedAt().toEpochMilli(),
                                a.getId().getBytes(StandardCharsets.UTF_8),
                                AvroSerdes.newsArticle().encode(a)))
                        .get(30, TimeUnit.SECONDS);
            }
        }
    }
}
