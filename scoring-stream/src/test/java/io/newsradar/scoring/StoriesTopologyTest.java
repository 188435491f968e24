package io.newsradar.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsradar.avro.Alert;
import io.newsradar.avro.NewsArticle;
import io.newsradar.avro.ScoredArticle;
import io.newsradar.schemas.alert.AlertStatus;
import io.newsradar.schemas.config.NewsradarConfig;
import io.newsradar.schemas.topics.ArticleHeaders;
import io.newsradar.schemas.topics.TopicDef;
import io.newsradar.schemas.topics.Topics;
import io.newsradar.scoring.stories.StoryAssignment;
import io.newsradar.scoring.stories.StorySerdes;
import io.newsradar.scoring.stories.StoryStages;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Stories through the whole topology (four stages, three repartitions) on TopologyTestDriver. */
class StoriesTopologyTest {
    private static final TopicDef<String, Alert> DEFENSE_AI = Topics.alerts(Topics.DEFENSE_AI_ROUTE);

    @TempDir
    Path stateDir;

    private final ScoringRules rules = ScoringRules.defaults();
    private final ScoringCounters counters = new ScoringCounters();
    private Properties props;

    @BeforeEach
    void setUp() {
        props = ScoringApp.streamsProperties(NewsradarConfig.defaults()
                .with(NewsradarConfig.BOOTSTRAP_SERVERS, "unused:9092")
                .with(NewsradarConfig.STATE_DIR, stateDir.toString()));
    }

    private TopologyTestDriver driver() {
        return new TopologyTestDriver(ScoringTopology.build(ScoringEngine.of(rules), counters), props);
    }

    private static TestInputTopic<String, NewsArticle> raw(TopologyTestDriver d) {
        return d.createInputTopic(
                Topics.NEWS_RAW.name(),
                Topics.NEWS_RAW.keySerde().serializer(),
                Topics.NEWS_RAW.valueSerde().serializer());
    }

    private static void pipe(TopologyTestDriver d, List<NewsArticle> articles) {
        TestInputTopic<String, NewsArticle> in = raw(d);
        articles.forEach(a -> in.pipeInput(a.getId(), a, a.getPublishedAt()));
    }

    private static List<ScoredArticle> scored(TopologyTestDriver d) {
        return d.createOutputTopic(
                        Topics.NEWS_SCORED.name(),
                        Topics.NEWS_SCORED.keySerde().deserializer(),
                        Topics.NEWS_SCORED.valueSerde().deserializer())
                .readValuesToList();
    }

    private static List<TestRecord<String, Alert>> alerts(TopologyTestDriver d) {
        return d.createOutputTopic(
                        DEFENSE_AI.name(),
                        DEFENSE_AI.keySerde().deserializer(),
                        DEFENSE_AI.valueSerde().deserializer())
                .readRecordsToList();
    }

    /** What stage 3 sent the desk: the internal {@code stories} repartition topic. */
    private TestOutputTopic<String, StoryAssignment> assignments(TopologyTestDriver d) {
        String topic = props.getProperty(StreamsConfig.APPLICATION_ID_CONFIG) + "-" + StoryStages.STORIES_REPARTITION
                + "-repartition";
        return d.createOutputTopic(
                topic, new StringDeserializer(), StorySerdes.assignment().deserializer());
    }

    @Test
    void syndicatedCopiesFromFiveOutletsAreOneStoryWithGrowingCoverageAndOneNewAlert() {
        List<NewsArticle> copies = Syndication.copies();
        String story = copies.get(0).getId();
        try (TopologyTestDriver d = driver()) {
            pipe(d, copies);

            List<ScoredArticle> scored = scored(d);
            assertThat(scored)
                    .extracting(s -> s.getArticle().getId())
                    .containsExactlyElementsOf(
                            copies.stream().map(NewsArticle::getId).toList());
            assertThat(scored).extracting(ScoredArticle::getStoryId).containsOnly(story);
            assertThat(scored).extracting(ScoredArticle::getCoverage).containsExactly(1, 2, 3, 4, 5);
            assertThat(scored.get(4).getRationale()).contains("carried by 5 outlets");
            List<TestRecord<String, Alert>> alerts = alerts(d);
            assertThat(alerts).hasSize(1);
            assertThat(alerts.get(0).key()).isEqualTo(story);
            assertThat(alerts.get(0).value().getAlertId())
                    .isEqualTo(AlertStatus.alertId(story, Topics.DEFENSE_AI_ROUTE, 1));
            assertThat(alerts.get(0).value().getStatus()).isEqualTo(AlertStatus.NEW);
            assertThat(counters.storiesStarted()).isEqualTo(1);
            assertThat(counters.storyCopies()).isEqualTo(4);
        }
    }

    @Test
    void unrelatedStoriesOnTheSameTopicStaySeparate() {
        List<NewsArticle> copies = Syndication.copies();
        List<NewsArticle> others = Syndication.unrelated();
        try (TopologyTestDriver d = driver()) {
            pipe(d, copies);
            pipe(d, others);

            List<ScoredArticle> scored = scored(d);
            for (NewsArticle other : others) {
                assertThat(scored)
                        .filteredOn(s -> s.getArticle().getId().equals(other.getId()))
                        .singleElement()
                        .satisfies(s -> {
                            assertThat(s.getStoryId()).isEqualTo(other.getId());
                            assertThat(s.getCoverage()).isEqualTo(1);
                        });
            }
            assertThat(counters.storiesStarted()).isEqualTo(3);
            assertThat(counters.storyCopies()).isEqualTo(4);
            // every story alerts at most once per route
            List<String> alertedStories =
                    alerts(d).stream().map(TestRecord::key).toList();
            assertThat(alertedStories)
                    .doesNotHaveDuplicates()
                    .contains(copies.get(0).getId());
        }
    }

    @Test
    void anExactRepeatOfACopyIsStillNotScoredAgain() {
        NewsArticle copy = Syndication.copies().get(1);
        try (TopologyTestDriver d = driver()) {
            pipe(d, List.of(copy, copy));

            assertThat(scored(d)).hasSize(1);
            assertThat(counters.repeats()).isEqualTo(1);
            assertThat(counters.storiesStarted()).isEqualTo(1);
        }
    }

    @Test
    void aCorrectedRevisionKeepsItsArticlesStory() {
        List<NewsArticle> copies = Syndication.copies();
        NewsArticle corrected =
                Articles.corrected(copies.get(2), copies.get(2).getBody().replace("ninety days", "three months"));
        try (TopologyTestDriver d = driver()) {
            pipe(d, copies.subList(0, 3));
            pipe(d, List.of(corrected));

            List<ScoredArticle> scored = scored(d);
            assertThat(scored).hasSize(4);
            assertThat(scored.get(3).getRevision()).isEqualTo(2);
            assertThat(scored.get(3).getStoryId()).isEqualTo(copies.get(0).getId());
            // the same three outlets: the correction adds none
            assertThat(scored.get(3).getCoverage()).isEqualTo(3);
            assertThat(counters.storyCopies()).isEqualTo(2); // the correction is no new copy
            assertThat(alerts(d)).hasSize(1);
        }
    }

    @Test
    void aTombstoneOfAnArticleOfAnAlertedStoryReachesTheDeskAsItsRetraction() {
        List<NewsArticle> copies = Syndication.copies();
        String story = copies.get(0).getId();
        try (TopologyTestDriver d = driver()) {
            pipe(d, copies.subList(0, 3));
            assertThat(alerts(d)).hasSize(1);
            TestOutputTopic<String, StoryAssignment> toDesk = assignments(d);
            toDesk.readRecordsToList();

            RecordHeaders headers = new RecordHeaders();
            headers.add(ArticleHeaders.RETRACT_REASON, "withdrawn by the outlet".getBytes(StandardCharsets.UTF_8));
            raw(d).pipeInput(new TestRecord<>(
                    copies.get(1).getId(), null, headers, Syndication.PUBLISHED.plusSeconds(3600)));

            TestRecord<String, StoryAssignment> retraction = toDesk.readRecord();
            assertThat(retraction.key()).isEqualTo(story);
            assertThat(retraction.value().isRetraction()).isTrue();
            assertThat(retraction.value().articleId()).isEqualTo(copies.get(1).getId());
            assertThat(retraction.value().retraction()).isEqualTo("withdrawn by the outlet");
            assertThat(toDesk.isEmpty()).isTrue();
            assertThat(counters.retractions()).isEqualTo(1);
            assertThat(counters.unknownRetractions()).isZero();
            assertThat(scored(d)).hasSize(3); // a retraction scores nothing
        }
    }

    @Test
    void aTombstoneWithoutAReasonHeaderGetsTheDefaultReason() {
        NewsArticle a = Syndication.copies().get(0);
        try (TopologyTestDriver d = driver()) {
            pipe(d, List.of(a));
            TestOutputTopic<String, StoryAssignment> toDesk = assignments(d);
            toDesk.readRecordsToList();

            raw(d).pipeInput(a.getId(), null, Syndication.PUBLISHED.plusSeconds(60));

            assertThat(toDesk.readValue().retraction()).isEqualTo("taken down at the source");
        }
    }

    @Test
    void aTombstoneForAnUnknownIdIsCountedNotDeadLettered() {
        try (TopologyTestDriver d = driver()) {
            raw(d).pipeInput("never-seen", null, Syndication.PUBLISHED);

            assertThat(counters.unknownRetractions()).isEqualTo(1);
            assertThat(assignments(d).isEmpty()).isTrue();
            assertThat(d.createOutputTopic(
                                    Topics.NEWS_DLQ.name(),
                                    Topics.NEWS_DLQ.keySerde().deserializer(),
                                    Topics.NEWS_DLQ.valueSerde().deserializer())
                            .isEmpty())
                    .isTrue();
        }
    }
}
