package io.newsradar.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsradar.avro.Alert;
import io.newsradar.avro.Contribution;
import io.newsradar.avro.NewsArticle;
import io.newsradar.avro.ScoredArticle;
import io.newsradar.avro.Tag;
import io.newsradar.schemas.config.NewsradarConfig;
import io.newsradar.schemas.feeds.FeedRecord;
import io.newsradar.schemas.topics.TopicDef;
import io.newsradar.schemas.topics.Topics;
import io.newsradar.scoring.feeds.FeedDirectory;
import io.newsradar.scoring.ruleset.LiveRules;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The feed list on TopologyTestDriver (issue 7): {@code feeds.v1} records give an article with a
 * {@code feedId} its feed's source weight (instead of the taxonomy's weight for the outlet) and
 * fixed tags; tombstones and unreadable records take a feed out of the list without stopping
 * anything.
 */
class FeedListTopologyTest {
    private static final String OUTLET = "Example Defense Wire";
    private static final TopicDef<String, Alert> DEFENSE_AI = Topics.alerts(Topics.DEFENSE_AI_ROUTE);

    @TempDir
    Path stateDir;

    // the default rules, with the taxonomy weighting the outlet +0.4
    private final ScoringRules rules = ScoringRules.parseBundle(
            ScoringRules.defaultBundleText()
                    .replaceFirst("(?m)^  sources: \\{\\}$", "  sources: {\"" + OUTLET.toLowerCase() + "\": 0.4}"),
            "test");
    private final ScoringEngine engine = ScoringEngine.of(rules);
    private final FeedDirectory feeds = new FeedDirectory();
    private TopologyTestDriver driver;

    @BeforeEach
    void setUp() {
        Properties props = ScoringApp.streamsProperties(NewsradarConfig.defaults()
                .with(NewsradarConfig.BOOTSTRAP_SERVERS, "unused:9092")
                .with(NewsradarConfig.STATE_DIR, stateDir.toString()));
        driver = new TopologyTestDriver(
                ScoringTopology.build(
                        LiveRules.fixed(engine), RevisionSettings.defaults(), new ScoringCounters(), feeds),
                props);
    }

    @AfterEach
    void tearDown() {
        driver.close();
        engine.close();
    }

    private static FeedRecord feed(String id, double weight, List<String> tags) {
        return new FeedRecord(
                id,
                "https://wire.example.com/" + id + ".xml",
                "Wire desk " + id,
                Duration.ofMinutes(15),
                weight,
                tags,
                "",
                "");
    }

    private void list(FeedRecord f) {
        feedsTopic().pipeInput(f.id(), f.toJson());
    }

    private TestInputTopic<String, String> feedsTopic() {
        return driver.createInputTopic(
                Topics.FEEDS.name(),
                Topics.FEEDS.keySerde().serializer(),
                Topics.FEEDS.valueSerde().serializer());
    }

    /** An article of the outlet, from the given feed (null: none), with a body of its own. */
    private ScoredArticle score(String feedId, String title, String body) {
        NewsArticle a = NewsArticle.newBuilder(Articles.article(title, body))
                .setSource(OUTLET)
                .setFeedId(feedId)
                .build();
        driver.createInputTopic(
                        Topics.NEWS_RAW.name(),
                        Topics.NEWS_RAW.keySerde().serializer(),
                        Topics.NEWS_RAW.valueSerde().serializer())
                .pipeInput(a.getId(), a, a.getPublishedAt());
        return driver.createOutputTopic(
                        Topics.NEWS_SCORED.name(),
                        Topics.NEWS_SCORED.keySerde().deserializer(),
                        Topics.NEWS_SCORED.valueSerde().deserializer())
                .readValue();
    }

    private ScoredArticle scoreDefenseItem(String feedId, int n) {
        return score(
                feedId,
                "Defense ministry opens new test range for uncrewed vessels, site " + n,
                "The Ministry of Defense on Monday opened a test range for uncrewed naval vessels at site " + n
                        + " under a $120 million contract. The military will test the vessels there from March 2027,"
                        + " officials said.");
    }

    private static Optional<Contribution> source(ScoredArticle s) {
        return s.getContributions().stream()
                .filter(c -> c.getFeature().equals("source"))
                .findFirst();
    }

    @Test
    void aListedFeedsWeightReplacesTheTaxonomysWeightOfTheOutlet() {
        assertThat(source(scoreDefenseItem(null, 1)))
                .hasValueSatisfying(c -> assertThat(c.getValue()).isEqualTo(0.4));

        list(feed("f-desk", 1.5, List.of()));
        ScoredArticle fromFeed = scoreDefenseItem("f-desk", 2);

        assertThat(source(fromFeed)).hasValueSatisfying(c -> {
            assertThat(c.getValue()).isEqualTo(1.5);
            assertThat(c.getReason()).isEqualTo("+1.5 from feed Wire desk f-desk, weighted +1.5 in the feed list");
        });
        // replaced, not added: only one source term
        assertThat(fromFeed.getContributions())
                .filteredOn(c -> c.getFeature().equals("source"))
                .hasSize(1);
    }

    @Test
    void aFeedWithoutAWeightLeavesTheTaxonomysWeight() {
        list(feed("f-plain", 0, List.of()));

        assertThat(source(scoreDefenseItem("f-plain", 3)))
                .hasValueSatisfying(c -> assertThat(c.getValue()).isEqualTo(0.4));
    }

    @Test
    void fixedTagsOfTheFeedAreAddedNamedAndRouted() {
        // defense in the words, no AI: no defense-ai alert without the feed's fixed tag
        ScoredArticle alone = scoreDefenseItem(null, 4);
        assertThat(alone.getTags()).extracting(Tag::getId).doesNotContain("artificial-intelligence");
        assertThat(alone.getRoutes()).doesNotContain(Topics.DEFENSE_AI_ROUTE);

        list(feed("f-ai-desk", 1.0, List.of("artificial-intelligence", "no-such-tag")));
        ScoredArticle s = scoreDefenseItem("f-ai-desk", 5);

        assertThat(s.getTags())
                .filteredOn(t -> t.getId().equals("artificial-intelligence"))
                .singleElement()
                .satisfies(t -> assertThat(t.getFields()).containsExactly("feed"));
        assertThat(s.getTags()).extracting(Tag::getId).doesNotContain("no-such-tag");
        assertThat(s.getContributions())
                .filteredOn(c -> c.getFeature().equals("tag.feed:artificial-intelligence"))
                .singleElement()
                .satisfies(c -> assertThat(c.getReason())
                        .isEqualTo("+0.7 artificial intelligence: fixed tag of feed Wire desk f-ai-desk"));
        assertThat(s.getScore()).isGreaterThan(alone.getScore()).isGreaterThanOrEqualTo(5.0);
        assertThat(feeds.ignoredTags()).isEqualTo(1);
        assertThat(s.getRoutes()).contains(Topics.DEFENSE_AI_ROUTE);
        assertThat(driver.createOutputTopic(
                                DEFENSE_AI.name(),
                                DEFENSE_AI.keySerde().deserializer(),
                                DEFENSE_AI.valueSerde().deserializer())
                        .readValuesToList())
                .extracting(Alert::getArticleId)
                .containsExactly(s.getArticle().getId());
    }

    @Test
    void aTagFoundInTheTextKeepsItsHitsAndIsNotCountedTwice() {
        list(feed("f-defense", 0, List.of("defense")));
        ScoredArticle s = scoreDefenseItem("f-defense", 6);

        assertThat(s.getTags())
                .filteredOn(t -> t.getId().equals("defense"))
                .singleElement()
                .satisfies(t -> assertThat(t.getFields()).doesNotContain("feed"));
        assertThat(s.getContributions()).extracting(Contribution::getFeature).doesNotContain("tag.feed:defense");
    }

    @Test
    void aTombstoneRemovesTheFeed() {
        list(feed("f-gone", 1.5, List.of("artificial-intelligence")));
        feedsTopic().pipeInput("f-gone", (String) null);

        ScoredArticle s = scoreDefenseItem("f-gone", 7);

        assertThat(s.getTags()).extracting(Tag::getId).doesNotContain("artificial-intelligence");
        assertThat(source(s)).hasValueSatisfying(c -> assertThat(c.getValue()).isEqualTo(0.4));
        assertThat(feeds.size()).isZero();
    }

    @Test
    void unreadableRecordsAreCountedAndScoringGoesOn() {
        list(feed("f-ok", 1.5, List.of()));
        feedsTopic().pipeInput("f-bad", "{not json");
        feedsTopic().pipeInput("f-future", "{\"format\":99,\"id\":\"f-future\"}");
        // a record whose id is not its key would attach one feed's weight to another's articles
        feedsTopic().pipeInput("f-other", feed("f-ok", 2.0, List.of()).toJson());

        assertThat(feeds.rejectedRecords()).isEqualTo(3);
        assertThat(source(scoreDefenseItem("f-ok", 8)))
                .hasValueSatisfying(c -> assertThat(c.getValue()).isEqualTo(1.5));
        assertThat(source(scoreDefenseItem("f-bad", 9)))
                .hasValueSatisfying(c -> assertThat(c.getValue()).isEqualTo(0.4));
    }
}
