package io.newsradar.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsradar.avro.NewsArticle;
import io.newsradar.avro.ScoredArticle;
import io.newsradar.schemas.config.NewsradarConfig;
import io.newsradar.schemas.topics.Topics;
import io.newsradar.scoring.ruleset.LiveRules;
import io.newsradar.scoring.ruleset.RulesetRecord;
import io.newsradar.scoring.ruleset.RulesetStatus;
import io.newsradar.scoring.ruleset.TopicCheck;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Live rules on TopologyTestDriver (issue 6, must-show 3): a publication on {@code rules.v1}
 * changes the rules that score the articles after it, without a restart. The driver applies a
 * global-store update at once, so "after" is simply the next record here.
 */
class LiveRulesTopologyTest {
    static final String BUNDLE_V2 = ScoringRules.defaultBundleText();
    // the same rules under another version: what a publication changes is visible on every record
    static final String BUNDLE_V3 = BUNDLE_V2.replaceFirst("(?m)^version: 2$", "version: 3");
    static final String BROKEN_BUNDLE = BUNDLE_V2.replaceFirst("(?m)^version: 2$", "version: 3\nbogus: [");

    @TempDir
    Path stateDir;

    private final ScoringRules bootstrap = ScoringRules.defaults();
    private Properties props;

    @BeforeEach
    void setUp() {
        props = ScoringApp.streamsProperties(NewsradarConfig.defaults()
                .with(NewsradarConfig.BOOTSTRAP_SERVERS, "unused:9092")
                .with(NewsradarConfig.STATE_DIR, stateDir.toString()));
    }

    static RulesetRecord publication(String name, long sequence, String bundle) {
        String version =
                ScoringRules.parseBundle(bundle.replace("bogus: [", ""), "test").version();
        return new RulesetRecord(
                name, sequence, version, Instant.parse("2026-11-29T21:00:00Z"), "test", "", null, bundle);
    }

    private static TestInputTopic<String, String> rules(TopologyTestDriver d) {
        return d.createInputTopic(
                Topics.RULES.name(),
                Topics.RULES.keySerde().serializer(),
                Topics.RULES.valueSerde().serializer());
    }

    private static void publish(TopologyTestDriver d, RulesetRecord r) {
        rules(d).pipeInput(r.key(), r.toJson());
    }

    private static String scoreVersion(TopologyTestDriver d, NewsArticle a) {
        d.createInputTopic(
                        Topics.NEWS_RAW.name(),
                        Topics.NEWS_RAW.keySerde().serializer(),
                        Topics.NEWS_RAW.valueSerde().serializer())
                .pipeInput(a.getId(), a, a.getPublishedAt());
        TestOutputTopic<String, ScoredArticle> out = d.createOutputTopic(
                Topics.NEWS_SCORED.name(),
                Topics.NEWS_SCORED.keySerde().deserializer(),
                Topics.NEWS_SCORED.valueSerde().deserializer());
        return out.readValue().getRulesVersion();
    }

    @Test
    void articlesBeforeAndAfterAPublicationAreScoredWithTheirOwnVersions() {
        RulesetRecord v3 = publication("builtin", 1, BUNDLE_V3);
        try (TopologyTestDriver d = new TopologyTestDriver(ScoringTopology.build(bootstrap), props)) {
            assertThat(scoreVersion(d, Articles.sample("tidewatch-joint-ai-programme")))
                    .isEqualTo(bootstrap.version());

            publish(d, v3);

            assertThat(v3.version()).isNotEqualTo(bootstrap.version());
            assertThat(scoreVersion(d, Articles.sample("seoul-tokyo-defence-talks")))
                    .isEqualTo(v3.version());
        }
    }

    @Test
    void aBadPublicationIsRejectedAndTheActiveRulesKeepScoring() {
        RulesetRecord good = publication("builtin", 1, BUNDLE_V3);
        RulesetRecord bad = publication("builtin", 2, BROKEN_BUNDLE);
        try (TopologyTestDriver d = new TopologyTestDriver(ScoringTopology.build(bootstrap), props)) {
            publish(d, good);
            publish(d, bad);
            rules(d).pipeInput("builtin#0000000003", "{not json");

            assertThat(scoreVersion(d, Articles.sample("seoul-tokyo-defence-talks")))
                    .isEqualTo(good.version());
        }
    }

    @Test
    void aLowerSequenceNeverReplacesAHigherOne() {
        RulesetRecord newer = publication("builtin", 5, BUNDLE_V3);
        RulesetRecord older = publication("builtin", 4, BUNDLE_V2);
        try (TopologyTestDriver d = new TopologyTestDriver(ScoringTopology.build(bootstrap), props)) {
            // records of one name sit on several partitions: the older can arrive last
            publish(d, newer);
            publish(d, older);

            assertThat(scoreVersion(d, Articles.sample("seoul-tokyo-defence-talks")))
                    .isEqualTo(newer.version());
        }
    }

    @Test
    void anotherRulesetsPublicationsAreNotFollowed() {
        try (TopologyTestDriver d = new TopologyTestDriver(ScoringTopology.build(bootstrap), props)) {
            publish(d, publication("staging", 1, BUNDLE_V3));

            assertThat(scoreVersion(d, Articles.sample("seoul-tokyo-defence-talks")))
                    .isEqualTo(bootstrap.version());
        }
    }

    @Test
    void theStatusSaysWhatIsActiveAndWhatWasRejectedWithoutTheBundleText() {
        LiveRules live = LiveRules.following("builtin", bootstrap, TopicCheck.NONE);
        RulesetRecord good = publication("builtin", 1, BUNDLE_V3);
        RulesetRecord bad = publication("builtin", 2, BROKEN_BUNDLE);
        try (TopologyTestDriver d = new TopologyTestDriver(
                ScoringTopology.build(live, RevisionSettings.defaults(), new ScoringCounters()), props)) {
            assertThat(live.status().active().bootstrap()).isTrue();
            assertThat(live.status().active().version()).isEqualTo(bootstrap.version());

            publish(d, good);
            publish(d, bad);
            publish(d, good); // delivered again: not newer than itself

            RulesetStatus status = live.status();
            assertThat(status.followed()).isEqualTo("builtin");
            assertThat(status.active().sequence()).isEqualTo(1);
            assertThat(status.active().version()).isEqualTo(good.version());
            assertThat(status.active().label()).isEqualTo("builtin#0000000001 (" + good.version() + ")");
            assertThat(status.lastRejected().key()).isEqualTo(bad.key());
            assertThat(status.lastRejected().sequence()).isEqualTo(2);
            assertThat(status.lastRejected().version()).isEqualTo(bad.version());
            assertThat(status.lastRejected().error())
                    .contains("line ")
                    .doesNotContain("defense-ai")
                    .hasSizeLessThan(500);
            assertThat(status.activations()).isEqualTo(1);
            assertThat(status.rejections()).isEqualTo(1);
            assertThat(status.superseded()).isEqualTo(1);
        }
    }

    @Test
    void aRulesetWhoseAlertTopicIsMissingIsRejected() {
        String withNewRoute = BUNDLE_V3
                + "  - name: korea-watch\n    priority: low\n    requiredTags: [south-korea]\n    minScore: 1\n";
        RulesetRecord r = publication("builtin", 1, withNewRoute);
        List<String> asked = new java.util.ArrayList<>();
        TopicCheck check = topics -> {
            asked.addAll(topics);
            return topics.stream().filter(t -> t.contains("korea-watch")).toList();
        };
        LiveRules live = LiveRules.following("builtin", bootstrap, check);
        try (TopologyTestDriver d = new TopologyTestDriver(
                ScoringTopology.build(live, RevisionSettings.defaults(), new ScoringCounters()), props)) {
            publish(d, r);

            assertThat(asked).contains(Topics.alerts("korea-watch").name());
            assertThat(live.status().lastRejected().error())
                    .contains("alert topics missing")
                    .contains(Topics.alerts("korea-watch").name());
            assertThat(scoreVersion(d, Articles.sample("seoul-tokyo-defence-talks")))
                    .isEqualTo(bootstrap.version());
        }
    }

    @Test
    void aBadPublicationAtTheHeadOfARestoredStoreDoesNotWin() {
        // what a restart sees: the global store already holds the history when the processor starts
        LiveRules live = LiveRules.following("builtin", bootstrap, TopicCheck.NONE);
        RulesetRecord good = publication("builtin", 7, BUNDLE_V3);
        RulesetRecord bad = publication("builtin", 8, BROKEN_BUNDLE);
        live.activateLatest(List.of(
                        org.apache.kafka.streams.KeyValue.pair(bad.key(), bad.toJson()),
                        org.apache.kafka.streams.KeyValue.pair("staging#0000000009", "{}"),
                        org.apache.kafka.streams.KeyValue.pair(good.key(), good.toJson()),
                        org.apache.kafka.streams.KeyValue.pair(
                                publication("builtin", 6, BUNDLE_V2).key(),
                                publication("builtin", 6, BUNDLE_V2).toJson()))
                .iterator());

        assertThat(live.status().active().sequence()).isEqualTo(7);
        assertThat(live.engine().rulesVersion()).isEqualTo(good.version());
        assertThat(live.status().lastRejected().key()).isEqualTo(bad.key());
        assertThat(live.status().activations()).isEqualTo(1);
    }

    @Test
    void whileTheStoreIsRestoredOnlyTheBestPublicationIsBuilt() {
        LiveRules live = LiveRules.following("builtin", bootstrap, TopicCheck.NONE);
        var listener = live.restoreListener(ScoringTopology.RULESETS_STORE);
        var partition = new org.apache.kafka.common.TopicPartition(Topics.RULES.name(), 0);
        List<RulesetRecord> history = List.of(
                publication("builtin", 1, BUNDLE_V2),
                publication("builtin", 2, BUNDLE_V3),
                publication("builtin", 3, BROKEN_BUNDLE));

        listener.onRestoreStart(partition, "another-store", 0, 3);
        listener.onRestoreStart(partition, ScoringTopology.RULESETS_STORE, 0, 3);
        history.forEach(r -> live.offer(r.key(), r.toJson()));
        listener.onRestoreEnd(partition, ScoringTopology.RULESETS_STORE, 3);
        assertThat(live.status().active().bootstrap()).isTrue();

        // the processor that handles new records starts: it scans the restored store
        live.activateLatest(history.stream()
                .map(r -> org.apache.kafka.streams.KeyValue.pair(r.key(), r.toJson()))
                .iterator());

        assertThat(live.status().active().sequence()).isEqualTo(2);
        assertThat(live.status().activations()).isEqualTo(1);
        assertThat(live.status().lastRejected().sequence()).isEqualTo(3);
        // and new records activate at once again
        RulesetRecord next = publication("builtin", 4, BUNDLE_V2);
        live.offer(next.key(), next.toJson());
        assertThat(live.status().active().sequence()).isEqualTo(4);
    }
}
