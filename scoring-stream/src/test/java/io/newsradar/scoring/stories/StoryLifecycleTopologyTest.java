package io.newsradar.scoring.stories;

import static io.newsradar.scoring.stories.StoryArticles.ENGINE;
import static org.assertj.core.api.Assertions.assertThat;

import io.newsradar.avro.Alert;
import io.newsradar.avro.NewsArticle;
import io.newsradar.avro.ScoredArticle;
import io.newsradar.schemas.alert.AlertStatus;
import io.newsradar.schemas.config.NewsradarConfig;
import io.newsradar.schemas.topics.ArticleHeaders;
import io.newsradar.schemas.topics.TopicDef;
import io.newsradar.schemas.topics.Topics;
import io.newsradar.scoring.RevisionSettings;
import io.newsradar.scoring.ScoringApp;
import io.newsradar.scoring.ScoringCounters;
import io.newsradar.scoring.ScoringTopology;
import io.newsradar.scoring.feeds.FeedDirectory;
import io.newsradar.scoring.mutes.MuteDirectory;
import io.newsradar.scoring.ruleset.LiveRules;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The story lifecycle through the whole scoring topology (all four stages) on
 * TopologyTestDriver: issue 8 must-show 5 (revision 1 under the route, revision 2 over it: one
 * NEW alert) and syndicated copies (one NEW, at most one UPDATED per cool-down, nothing for a
 * pure copy, an unrelated story apart).
 */
class StoryLifecycleTopologyTest {
    private static final TopicDef<String, Alert> DEFENSE_AI = Topics.alerts(Topics.DEFENSE_AI_ROUTE);
    private static final StoryHasher HASHER = new StoryHasher(StorySettings.defaults());

    /** The wire story under other headlines and with an edited lead, as other outlets carry it. */
    private static final String HARBOUR_TITLE = "AI drone swarm programme wins $240 million defense contract";

    private static final String HARBOUR_BODY = "The defense ministry on Monday awarded a $240 million contract to"
            + " develop artificial intelligence for drone swarms under Project Kestrel. The military AI programme will"
            + " field its first prototypes with army units by March 2027, defense officials said. The machine"
            + " learning models will support the armed forces' reconnaissance mission, the ministry said.";
    private static final String CAPITAL_TITLE =
            "Ministry picks AI for drone swarms in $240 million Project Kestrel deal";
    private static final String CAPITAL_BODY = "The Ministry of Defense on Monday awarded a $240 million contract to"
            + " develop artificial intelligence for drone swarms under Project Kestrel, officials said. The military"
            + " AI programme will field its first prototypes with army units by March 2027, defense officials said."
            + " The machine learning models will support the armed forces' reconnaissance mission, the ministry"
            + " said.";
    /** Another defense-AI story on the same day: its own story. */
    private static final String NAVY_TITLE =
            "Navy awards $90 million contract for AI submarine detection under Project Tidewatch";

    private static final String NAVY_BODY = "The navy on Monday awarded a $90 million contract to build machine"
            + " learning software that flags submarine sonar contacts under Project Tidewatch. The defense"
            + " department expects sea trials of the artificial intelligence system by June 2027, a spokesperson"
            + " said, and the first sonar operators will be trained in the autumn.";

    @TempDir
    Path stateDir;

    private Properties props;
    private ScoringCounters counters;

    @BeforeEach
    void setUp() {
        props = ScoringApp.streamsProperties(NewsradarConfig.defaults()
                .with(NewsradarConfig.BOOTSTRAP_SERVERS, "unused:9092")
                .with(NewsradarConfig.STATE_DIR, stateDir.toString()));
        counters = new ScoringCounters();
    }

    private TopologyTestDriver driver() {
        return new TopologyTestDriver(
                ScoringTopology.build(
                        LiveRules.fixed(ENGINE),
                        RevisionSettings.defaults(),
                        StorySettings.defaults(),
                        counters,
                        new FeedDirectory(),
                        new MuteDirectory()),
                props);
    }

    private static TestInputTopic<String, NewsArticle> raw(TopologyTestDriver d) {
        return d.createInputTopic(
                Topics.NEWS_RAW.name(),
                Topics.NEWS_RAW.keySerde().serializer(),
                Topics.NEWS_RAW.valueSerde().serializer());
    }

    private static void pipe(TopologyTestDriver d, NewsArticle a) {
        raw(d).pipeInput(a.getId(), a, a.getPublishedAt());
    }

    private static List<Alert> alerts(TopologyTestDriver d) {
        return d.createOutputTopic(
                        DEFENSE_AI.name(),
                        DEFENSE_AI.keySerde().deserializer(),
                        DEFENSE_AI.valueSerde().deserializer())
                .readValuesToList();
    }

    private static List<ScoredArticle> scored(TopologyTestDriver d) {
        return d.createOutputTopic(
                        Topics.NEWS_SCORED.name(),
                        Topics.NEWS_SCORED.keySerde().deserializer(),
                        Topics.NEWS_SCORED.valueSerde().deserializer())
                .readValuesToList();
    }

    @Test
    void aRevisionThatClearsTheRouteAfterOneUnderItRaisesOneNewAlert() {
        NewsArticle thin = StoryArticles.article("Example Wire", StoryArticles.THIN_TITLE, StoryArticles.THIN_BODY, 0);
        NewsArticle full = StoryArticles.revised(thin, StoryArticles.FULL_TITLE, StoryArticles.FULL_BODY);
        try (TopologyTestDriver d = driver()) {
            pipe(d, thin);
            assertThat(alerts(d)).as("revision 1 is under the route").isEmpty();
            pipe(
                    d,
                    NewsArticle.newBuilder(full)
                            .setPublishedAt(thin.getPublishedAt().plusSeconds(600))
                            .build());

            List<Alert> alerts = alerts(d);
            assertThat(alerts).singleElement().satisfies(alert -> {
                assertThat(alert.getStatus()).isEqualTo(AlertStatus.NEW);
                assertThat(alert.getStoryId()).isEqualTo(thin.getId());
                assertThat(alert.getRevision()).isEqualTo(2);
                assertThat(alert.getAlertId()).isEqualTo(thin.getId() + ":" + Topics.DEFENSE_AI_ROUTE + ":1");
            });
            List<ScoredArticle> scored = scored(d);
            assertThat(scored).hasSize(2);
            assertThat(scored.get(0).getScore()).isLessThan(5.0);
            assertThat(scored.get(1).getScore()).isGreaterThanOrEqualTo(5.0);
            assertThat(scored).allSatisfy(s -> assertThat(s.getStoryId()).isEqualTo(thin.getId()));
        }
    }

    @Test
    void syndicatedCopiesRaiseOneNewAtMostOneUpdatePerCoolDownAndNothingForPureCopies() {
        NewsArticle wire = StoryArticles.full("Example Wire", 0);
        NewsArticle harbour = StoryArticles.article("Harbour Times", HARBOUR_TITLE, HARBOUR_BODY, 10);
        NewsArticle capital = StoryArticles.article("Capital Post", CAPITAL_TITLE, CAPITAL_BODY, 20);
        // the wire's own copy under a second URL, after the cool-down: no new outlet, but carries the change
        NewsArticle wireAgain = StoryArticles.article("example wire", HARBOUR_TITLE, HARBOUR_BODY, 45);
        // and once more within the new cool-down: a pure copy
        NewsArticle wireThird = StoryArticles.article("Example Wire", CAPITAL_TITLE, CAPITAL_BODY, 50);
        NewsArticle navy = StoryArticles.article("Example Wire", NAVY_TITLE, NAVY_BODY, 30);
        byte[] wireSignature = HASHER.signature(wire);
        assertThat(HASHER.sameStory(wireSignature, HASHER.signature(harbour)))
                .as("precondition: the copies are near-duplicates")
                .isTrue();
        assertThat(HASHER.sameStory(wireSignature, HASHER.signature(capital))).isTrue();
        assertThat(HASHER.sameStory(wireSignature, HASHER.signature(navy)))
                .as("precondition: the navy story is another story")
                .isFalse();

        try (TopologyTestDriver d = driver()) {
            for (NewsArticle a : List.of(wire, harbour, capital, navy, wireAgain, wireThird)) {
                pipe(d, a);
            }
            List<Alert> alerts = alerts(d);
            List<Alert> kestrel = alerts.stream()
                    .filter(a -> a.getStoryId().equals(wire.getId()))
                    .toList();
            assertThat(kestrel).extracting(Alert::getStatus).containsExactly(AlertStatus.NEW, AlertStatus.UPDATED);
            assertThat(kestrel.get(0).getArticleId()).isEqualTo(wire.getId());
            assertThat(kestrel.get(1).getArticleId()).isEqualTo(wireAgain.getId());
            assertThat(kestrel.get(1).getAlertId()).isEqualTo(wire.getId() + ":" + Topics.DEFENSE_AI_ROUTE + ":2");
            assertThat(kestrel.get(1).getCoverage()).isEqualTo(3);
            assertThat(kestrel.get(1).getChange()).endsWith("1 -> 3 outlets");
            assertThat(alerts)
                    .filteredOn(a -> a.getStoryId().equals(navy.getId()))
                    .extracting(Alert::getStatus)
                    .containsExactly(AlertStatus.NEW);
            assertThat(alerts).hasSize(3);
            assertThat(counters.updatesHeld()).isEqualTo(2); // harbour and capital, within the cool-down

            List<ScoredArticle> scored = scored(d);
            assertThat(scored).hasSize(6);
            assertThat(scored)
                    .filteredOn(s -> !s.getArticle().getId().equals(navy.getId()))
                    .extracting(ScoredArticle::getStoryId)
                    .containsOnly(wire.getId());
            assertThat(scored)
                    .filteredOn(s -> s.getArticle().getId().equals(capital.getId()))
                    .singleElement()
                    .satisfies(s -> {
                        assertThat(s.getCoverage()).isEqualTo(3);
                        assertThat(s.getOutlets()).containsExactly("Example Wire", "Harbour Times", "Capital Post");
                    });
        }
    }

    @Test
    void aTombstoneRetractsTheStoryOnTheRouteItAlertedOn() {
        NewsArticle wire = StoryArticles.full("Example Wire", 0);
        try (TopologyTestDriver d = driver()) {
            pipe(d, wire);
            RecordHeaders headers = new RecordHeaders();
            headers.add(ArticleHeaders.RETRACT_REASON, "legal request".getBytes(StandardCharsets.UTF_8));
            raw(d).pipeInput(new TestRecord<>(
                    wire.getId(), null, headers, wire.getPublishedAt().plusSeconds(3600)));

            assertThat(alerts(d)).extracting(Alert::getStatus).containsExactly(AlertStatus.NEW, AlertStatus.RETRACTED);
            assertThat(counters.retractions()).isEqualTo(1);
        }
    }
}
