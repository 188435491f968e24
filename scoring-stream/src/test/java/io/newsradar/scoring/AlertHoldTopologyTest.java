package io.newsradar.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsradar.avro.Alert;
import io.newsradar.avro.IngestChannel;
import io.newsradar.avro.NewsArticle;
import io.newsradar.avro.ScoredArticle;
import io.newsradar.schemas.article.ArticleMarks;
import io.newsradar.schemas.config.NewsradarConfig;
import io.newsradar.schemas.topics.TopicDef;
import io.newsradar.schemas.topics.Topics;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.stream.IntStream;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ingest's alert hold on TopologyTestDriver (issue 7, must-show 6): adding a feed must not set
 * off an alert storm. Held articles are scored and published, but go to no route.
 */
class AlertHoldTopologyTest {
    private static final TopicDef<String, Alert> DEFENSE_AI = Topics.alerts(Topics.DEFENSE_AI_ROUTE);
    private static final Instant FETCHED = Instant.parse("2026-11-29T08:00:00Z");
    private static final String[] SYSTEMS = {
        "drone swarm", "target recognition", "missile defense", "battlefield logistics", "submarine detection"
    };

    @TempDir
    Path stateDir;

    private Properties props;

    @BeforeEach
    void setUp() {
        props = ScoringApp.streamsProperties(NewsradarConfig.defaults()
                .with(NewsradarConfig.BOOTSTRAP_SERVERS, "unused:9092")
                .with(NewsradarConfig.STATE_DIR, stateDir.toString()));
    }

    private TopologyTestDriver driver() {
        return new TopologyTestDriver(ScoringTopology.build(ScoringRules.defaults()), props);
    }

    /**
     * A defense-AI item in the words of a defense wire: defense and AI named together, a
     * programme, an amount and a date. Published {@code age} before it was fetched.
     */
    static NewsArticle defenseAiItem(int n, Duration age, String hold) {
        String system = SYSTEMS[n % SYSTEMS.length];
        String title = "Defense ministry awards $" + (100 + n) + " million contract for AI " + system
                + " programme, batch " + n;
        String body = "The Ministry of Defense on Monday awarded a $" + (100 + n) + " million contract to develop"
                + " artificial intelligence for " + system + " under Project Sentinel " + n + ". The military"
                + " AI programme will field its first prototypes with army units by March 2027, defense officials"
                + " said. The machine learning models will support the armed forces' " + system + " mission,"
                + " the defense ministry said in a statement.";
        String url = "https://wire.example.com/defense/2026/" + n + "-ai-" + system.replace(' ', '-');
        NewsArticle a = Articles.article(url, title, body, FETCHED.minus(age));
        return NewsArticle.newBuilder(a)
                .setFetchedAt(FETCHED)
                .setChannel(IngestChannel.FEED)
                .setSource("Example Defense Wire")
                .setAlertHold(hold)
                .build();
    }

    private static List<NewsArticle> backlog(String hold) {
        return IntStream.range(0, 50)
                .mapToObj(n -> defenseAiItem(n, Duration.ofDays(9).plusHours(n), hold))
                .toList();
    }

    private static void pipe(TopologyTestDriver d, List<NewsArticle> articles) {
        var in = d.createInputTopic(
                Topics.NEWS_RAW.name(),
                Topics.NEWS_RAW.keySerde().serializer(),
                Topics.NEWS_RAW.valueSerde().serializer());
        articles.forEach(a -> in.pipeInput(a.getId(), a, a.getPublishedAt()));
    }

    private static TestOutputTopic<String, ScoredArticle> scored(TopologyTestDriver d) {
        return d.createOutputTopic(
                Topics.NEWS_SCORED.name(),
                Topics.NEWS_SCORED.keySerde().deserializer(),
                Topics.NEWS_SCORED.valueSerde().deserializer());
    }

    private static TestOutputTopic<String, Alert> alerts(TopologyTestDriver d) {
        return d.createOutputTopic(
                DEFENSE_AI.name(),
                DEFENSE_AI.keySerde().deserializer(),
                DEFENSE_AI.valueSerde().deserializer());
    }

    private static List<Alert> allAlerts(TopologyTestDriver d) {
        List<Alert> out = new ArrayList<>();
        for (String route : Topics.DEFAULT_ROUTES) {
            TopicDef<String, Alert> t = Topics.alerts(route);
            out.addAll(d.createOutputTopic(
                            t.name(),
                            t.keySerde().deserializer(),
                            t.valueSerde().deserializer())
                    .readValuesToList());
        }
        return out;
    }

    @Test
    void withoutAHoldTheBacklogWouldAlert() {
        // the control: the same 50 items, no hold, all go to defense-ai. They are copies of one
        // template (only numbers and a topic change), so they fall into a few stories, and each
        // story alerts once: one NEW alert per story on the route
        try (TopologyTestDriver d = driver()) {
            pipe(d, backlog(null));

            List<ScoredArticle> scored = scored(d).readValuesToList();
            assertThat(scored)
                    .hasSize(50)
                    .allSatisfy(s -> assertThat(s.getRoutes()).contains(Topics.DEFENSE_AI_ROUTE));
            List<Alert> alerts = alerts(d).readValuesToList();
            assertThat(alerts)
                    .extracting(Alert::getStoryId)
                    .containsExactlyInAnyOrderElementsOf(scored.stream()
                            .map(ScoredArticle::getStoryId)
                            .distinct()
                            .toList());
            assertThat(alerts).extracting(Alert::getStatus).containsOnly("NEW");
        }
    }

    @Test
    void aFirstPollBacklogOfFiftyDefenseAiItemsRaisesNoAlertAndAFreshItemAfterwardsDoes() {
        try (TopologyTestDriver d = driver()) {
            pipe(d, backlog(ArticleMarks.FIRST_POLL));

            List<ScoredArticle> held = scored(d).readValuesToList();
            assertThat(held).hasSize(50);
            assertThat(held).allSatisfy(s -> {
                assertThat(s.getScore()).isGreaterThanOrEqualTo(5.0);
                assertThat(s.getRoutes()).isEmpty();
                assertThat(s.getRationale())
                        .contains("Not alerted: part of the backlog of the feed's first poll")
                        .contains("it would have gone to " + Topics.DEFENSE_AI_ROUTE);
            });
            assertThat(allAlerts(d)).isEmpty();

            NewsArticle fresh = defenseAiItem(50, Duration.ofMinutes(20), null);
            pipe(d, List.of(fresh));

            List<Alert> raised = alerts(d).readValuesToList();
            assertThat(raised).extracting(Alert::getArticleId).containsExactly(fresh.getId());
            assertThat(scored(d).readValue().getRationale()).doesNotContain("Not alerted");
        }
    }

    @Test
    void anArticleOlderThanTheAgeGateSaysHowOldItWas() {
        try (TopologyTestDriver d = driver()) {
            pipe(d, List.of(defenseAiItem(1, Duration.ofDays(9), ArticleMarks.TOO_OLD)));

            ScoredArticle s = scored(d).readValue();
            assertThat(s.getRoutes()).isEmpty();
            assertThat(s.getRationale())
                    .contains("Not alerted: older than the ingest age gate (published 9 days before it was fetched)");
            assertThat(allAlerts(d)).isEmpty();
        }
    }

    @Test
    void aHoldThisReaderDoesNotKnowStillHolds() {
        try (TopologyTestDriver d = driver()) {
            pipe(d, List.of(defenseAiItem(2, Duration.ofMinutes(5), "EMBARGOED")));

            ScoredArticle s = scored(d).readValue();
            assertThat(s.getRoutes()).isEmpty();
            assertThat(s.getRationale()).contains("Not alerted: held at ingest (EMBARGOED)");
            assertThat(allAlerts(d)).isEmpty();
        }
    }
}
