package io.newsradar.scoring.stories;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsradar.avro.NewsArticle;
import io.newsradar.scoring.ScoringCounters;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Stages 2 and 3 with the band records in the orders two band partitions can see them: copy A
 * first in one bucket, copy B first in the other. Both copies end in one story, the one with the
 * earlier origin, whichever order each bucket saw them in.
 */
class BandInterleavingTest {
    // two bands, so each copy is two band records: one per bucket below
    private static final StorySettings SETTINGS = new StorySettings(
            Duration.ofHours(72), 2, 32, StorySettings.DEFAULT_SIMILARITY, Duration.ofMinutes(30), 64);
    private static final StoryHasher HASHER = new StoryHasher(SETTINGS);
    private static final Instant T = Instant.parse("2026-10-05T09:00:00Z");
    private static final String BODY = "The German and French defense ministries on Monday signed an agreement to"
            + " fund Project Skyward, a joint programme to develop artificial intelligence for drone squadrons,"
            + " with $480 million over four years. Engineers from both countries will share a test range.";
    private static final NewsArticle A =
            Provisionals.article("copy-a", "Germany and France commit $480 million to Skyward AI", BODY, T);
    private static final NewsArticle B = Provisionals.article(
            "copy-b",
            "Berlin and Paris sign $480 million Skyward AI deal",
            BODY + " Reporting by B.",
            T.plusSeconds(5));

    @TempDir
    Path stateDir;

    private TopologyTestDriver driver(ScoringCounters counters) {
        Topology t = new Topology();
        t.addSource("bands", new StringDeserializer(), BandRecord.serde().deserializer(), "bands");
        t.addProcessor("match", () -> new BandMatcher(StoryStages.BAND_INDEX_STORE, SETTINGS), "bands");
        t.addProcessor(
                "choose",
                () -> new StoryChooser(
                        StoryStages.PENDING_VOTES_STORE,
                        StoryStages.PENDING_PROVISIONAL_STORE,
                        StoryStages.ARTICLE_STORIES_STORE,
                        SETTINGS,
                        counters),
                "match");
        t.addSink(
                "out",
                "assignments",
                new StringSerializer(),
                StorySerdes.assignment().serializer(),
                "choose");
        t.addStateStore(StoryStages.bandIndex(SETTINGS), "match");
        t.addStateStore(StoryStages.pendingVotes(), "choose");
        t.addStateStore(StoryStages.pendingProvisional(), "choose");
        t.addStateStore(StoryStages.articleStories(SETTINGS), "choose");
        Properties p = new Properties();
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, "band-interleaving-test");
        p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        p.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        p.put(StreamsConfig.DEFAULT_KEY_SERDE_CLASS_CONFIG, Serdes.StringSerde.class);
        return new TopologyTestDriver(t, p);
    }

    /** The band record of {@code a} for {@code band}, keyed by a bucket of the test's naming. */
    private static TestRecord<String, BandRecord> band(NewsArticle a, int band, String bucket) {
        byte[] signature = HASHER.signature(a);
        BandRecord r = new BandRecord(
                a.getId(), 1, StoryOrigin.of(a), signature, band, 2, band == 0 ? Provisionals.of(a) : null, null);
        return new TestRecord<>(bucket, r, a.getFetchedAt());
    }

    private static Map<String, String> storiesOf(List<TestRecord<String, StoryAssignment>> out) {
        return out.stream().collect(Collectors.toMap(r -> r.value().articleId(), TestRecord::key));
    }

    @Test
    void theCopiesAreSimilarEnoughForOneStory() {
        assertThat(HASHER.sameStory(HASHER.signature(A), HASHER.signature(B))).isTrue();
    }

    @Test
    void aFirstInOneBucketAndBFirstInTheOtherEndInOneStory() {
        ScoringCounters counters = new ScoringCounters();
        try (TopologyTestDriver d = driver(counters)) {
            TestInputTopic<String, BandRecord> in = d.createInputTopic(
                    "bands", new StringSerializer(), BandRecord.serde().serializer());
            in.pipeInput(band(A, 0, "bucket-x")); // A first in bucket x
            in.pipeInput(band(B, 1, "bucket-y")); // B first in bucket y
            in.pipeInput(band(B, 0, "bucket-x"));
            in.pipeInput(band(A, 1, "bucket-y"));

            Map<String, String> stories = storiesOf(d.createOutputTopic(
                            "assignments",
                            new StringDeserializer(),
                            StorySerdes.assignment().deserializer())
                    .readRecordsToList());
            assertThat(stories).containsEntry("copy-a", "copy-a").containsEntry("copy-b", "copy-a");
            assertThat(counters.storiesStarted()).isEqualTo(1);
            assertThat(counters.storyCopies()).isEqualTo(1);
            assertThat(counters.storyMerges()).isZero();
        }
    }

    @Test
    void theLaterCopyProcessedFirstInEveryBucketKeepsItsOwnStory() {
        // the known limit of the rule: B, fetched later but processed first everywhere, has been
        // placed (and may have alerted) before A arrives; A proposes min(A, B) = A, and an article
        // once placed is never moved, so they stay two stories.
        ScoringCounters counters = new ScoringCounters();
        try (TopologyTestDriver d = driver(counters)) {
            TestInputTopic<String, BandRecord> in = d.createInputTopic(
                    "bands", new StringSerializer(), BandRecord.serde().serializer());
            in.pipeInput(band(B, 0, "bucket-x"));
            in.pipeInput(band(B, 1, "bucket-y"));
            in.pipeInput(band(A, 0, "bucket-x"));
            in.pipeInput(band(A, 1, "bucket-y"));

            Map<String, String> stories = storiesOf(d.createOutputTopic(
                            "assignments",
                            new StringDeserializer(),
                            StorySerdes.assignment().deserializer())
                    .readRecordsToList());
            assertThat(stories).containsEntry("copy-b", "copy-b").containsEntry("copy-a", "copy-a");
        }
    }

    @Test
    void votesStillIncompleteAStoryWindowAndAnHourOfProcessingAfterTheFirstAreDropped() {
        ScoringCounters counters = new ScoringCounters();
        NewsArticle later =
                Provisionals.article("later", "Unrelated", "Something else entirely.", T.plus(Duration.ofHours(73)));
        try (TopologyTestDriver d = driver(counters)) {
            TestInputTopic<String, BandRecord> in = d.createInputTopic(
                    "bands", new StringSerializer(), BandRecord.serde().serializer());
            in.pipeInput(band(A, 0, "bucket-x")); // band 1 of A never comes
            KeyValueStore<String, PendingVotes> pending = d.getKeyValueStore(StoryStages.PENDING_VOTES_STORE);
            KeyValueStore<String, Object> provisional = d.getKeyValueStore(StoryStages.PENDING_PROVISIONAL_STORE);
            assertThat(pending.get("copy-a#1")).isNotNull();
            assertThat(provisional.get("copy-a#1")).isNotNull();

            // stream time moves a window and an hour on (another article's timestamp): A's other
            // vote may still be on its way through a lagging band partition, so A stays
            in.pipeInput(band(later, 1, "bucket-z"));
            d.advanceWallClockTime(Duration.ofMinutes(30));
            assertThat(pending.get("copy-a#1")).as("half an hour of processing").isNotNull();

            // an hour of processing on: A's vote is not coming
            d.advanceWallClockTime(Duration.ofMinutes(40));
            assertThat(pending.get("copy-a#1")).isNull();
            assertThat(provisional.get("copy-a#1")).isNull();
            assertThat(pending.get("later#1")).as("a fresh one stays").isNotNull();
        }
    }

    @Test
    void votesOfAnArticleInFlightSurviveAStreamTimeJumpOfMoreThanAWindow() {
        ScoringCounters counters = new ScoringCounters();
        NewsArticle later =
                Provisionals.article("later", "Unrelated", "Something else entirely.", T.plus(Duration.ofDays(30)));
        try (TopologyTestDriver d = driver(counters)) {
            TestInputTopic<String, BandRecord> in = d.createInputTopic(
                    "bands", new StringSerializer(), BandRecord.serde().serializer());
            in.pipeInput(band(A, 0, "bucket-x"));
            in.pipeInput(band(later, 0, "bucket-z")); // a month later in event time
            d.advanceWallClockTime(Duration.ofMinutes(11)); // a sweep runs
            in.pipeInput(band(A, 1, "bucket-y")); // A's last vote arrives

            KeyValueStore<String, PendingVotes> pending = d.getKeyValueStore(StoryStages.PENDING_VOTES_STORE);
            assertThat(pending.get("copy-a#1")).as("complete, so deleted").isNull();
            assertThat(counters.storiesStarted())
                    .as("A was placed in its story")
                    .isEqualTo(1);
        }
    }
}
